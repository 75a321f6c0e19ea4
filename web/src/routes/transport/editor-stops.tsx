import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanStop, PlanWindow, RoutePlanInput } from '../../api/transport';
import {
  cm3Of,
  formatWindows,
  gOf,
  hasSkill,
  kgOf,
  m3Of,
  newStop,
  parseWindows,
  withSkill,
} from './plan-units';

type Row = PlanStop & { __i: number };

/** Windows typed as `08:00-10:00, 14:00-16:00`; applied when the field is left. */
function WindowsInput({
  value,
  onChange,
}: {
  value: PlanWindow[] | undefined;
  onChange: (windows: PlanWindow[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatWindows(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(formatWindows(value)), [value]);
  const commit = () => {
    const parsed = parseWindows(text);
    setBad(parsed === null);
    if (parsed !== null) onChange(parsed.length ? parsed : undefined);
  };
  return (
    <Tooltip title={bad ? t('routePlan.editor.windowsInvalid') : undefined} open={bad ? undefined : false}>
      <Input
        size="small"
        value={text}
        status={bad ? 'error' : undefined}
        placeholder={t('routePlan.editor.anyTime')}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Tooltip>
  );
}

const num = (value: number | undefined, onChange: (v: number | undefined) => void, props = {}) => (
  <InputNumber
    size="small"
    style={{ width: '100%' }}
    value={value}
    onChange={(v) => onChange(v === null ? undefined : Number(v))}
    {...props}
  />
);

/** The stops, editable in place: what goes where, how much, and when. */
export function EditorStops({
  plan,
  onChange,
}: {
  plan: RoutePlanInput;
  onChange: (stops: PlanStop[]) => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const planar = plan.coordinates === 'planar';
  const update = (i: number, patch: Partial<PlanStop>) =>
    onChange(plan.stops.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const remove = (i: number) => onChange(plan.stops.filter((_, k) => k !== i));
  const add = () => {
    onChange([...plan.stops, newStop(plan)]);
    setPage(Math.ceil((plan.stops.length + 1) / 15));
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'id',
      title: t('routePlan.stop.id'),
      width: 110,
      fixed: 'left',
      render: (_, s) => (
        <Input size="small" value={s.id} onChange={(e) => update(s.__i, { id: e.target.value })} />
      ),
    },
    {
      key: 'name',
      title: t('routePlan.stop.name'),
      width: 200,
      render: (_, s) => (
        <Input
          size="small"
          value={s.name ?? ''}
          onChange={(e) => update(s.__i, { name: e.target.value || undefined })}
        />
      ),
    },
    {
      key: 'a',
      title: planar ? 'x (km)' : t('routePlan.stop.lat'),
      width: 125,
      render: (_, s) =>
        planar
          ? num(s.x, (v) => update(s.__i, { x: v }))
          : num(s.lat, (v) => update(s.__i, { lat: v }), { step: 0.001, precision: 6 }),
    },
    {
      key: 'b',
      title: planar ? 'y (km)' : t('routePlan.stop.lon'),
      width: 125,
      render: (_, s) =>
        planar
          ? num(s.y, (v) => update(s.__i, { y: v }))
          : num(s.lon, (v) => update(s.__i, { lon: v }), { step: 0.001, precision: 6 }),
    },
    {
      key: 'weight',
      title: t('routePlan.stop.weightKg'),
      width: 100,
      render: (_, s) => num(kgOf(s.weightG), (v) => update(s.__i, { weightG: gOf(v) }), { min: 0 }),
    },
    {
      key: 'volume',
      title: t('routePlan.stop.volumeM3'),
      width: 100,
      render: (_, s) =>
        num(m3Of(s.volumeCm3), (v) => update(s.__i, { volumeCm3: cm3Of(v) }), {
          min: 0,
          step: 0.1,
          precision: 3,
        }),
    },
    {
      key: 'items',
      title: t('routePlan.stop.items'),
      width: 80,
      render: (_, s) => num(s.items, (v) => update(s.__i, { items: v }), { min: 0, precision: 0 }),
    },
    {
      key: 'windows',
      title: t('routePlan.stop.windows'),
      width: 190,
      render: (_, s) => <WindowsInput value={s.windows} onChange={(windows) => update(s.__i, { windows })} />,
    },
    {
      key: 'service',
      title: t('routePlan.stop.serviceMin'),
      width: 90,
      render: (_, s) => num(s.serviceMin, (v) => update(s.__i, { serviceMin: v }), { min: 0 }),
    },
    {
      key: 'kind',
      title: t('routePlan.stop.kind'),
      width: 100,
      render: (_, s) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          value={s.kind ?? 'delivery'}
          onChange={(kind) => update(s.__i, { kind: kind === 'delivery' ? undefined : kind })}
          options={[
            { value: 'delivery', label: t('routePlan.stop.delivery') },
            { value: 'pickup', label: t('routePlan.stop.pickup') },
          ]}
        />
      ),
    },
    {
      key: 'cold',
      title: t('routePlan.refrigerated'),
      width: 80,
      align: 'center',
      render: (_, s) => (
        <Checkbox
          checked={hasSkill(s.skills)}
          onChange={(e) => update(s.__i, { skills: withSkill(s.skills, e.target.checked) })}
        />
      ),
    },
    {
      key: 'address',
      title: t('routePlan.stop.address'),
      width: 240,
      render: (_, s) => (
        <Input
          size="small"
          value={s.address ?? ''}
          onChange={(e) => update(s.__i, { address: e.target.value || undefined })}
        />
      ),
    },
    {
      key: 'remove',
      width: 50,
      fixed: 'right',
      render: (_, s) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          onClick={() => remove(s.__i)}
        />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('routePlan.editor.stops', { count: plan.stops.length })}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={add}>
          {t('routePlan.editor.addStop')}
        </Button>
      }
    >
      <Table<Row>
        size="small"
        rowKey="__i"
        data-testid="plan-stops"
        columns={columns}
        dataSource={plan.stops.map((s, i) => ({ ...s, __i: i }))}
        pagination={{ current: page, pageSize: 15, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 1560 }}
        locale={{ emptyText: t('routePlan.editor.noStops') }}
      />
    </Card>
  );
}
