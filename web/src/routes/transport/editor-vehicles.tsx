import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanVehicle, RoutePlanInput } from '../../api/transport';
import { cm3Of, fenOf, gOf, hasSkill, kgOf, m3Of, newVehicle, withSkill, yuanOf } from './plan-units';

type Row = PlanVehicle & { __i: number };

/** Vehicle types: how many, what they carry, what they cost, when they work. */
export function EditorVehicles({
  plan,
  onChange,
}: {
  plan: RoutePlanInput;
  onChange: (vehicles: PlanVehicle[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PlanVehicle>) =>
    onChange(plan.vehicles.map((v, k) => (k === i ? { ...v, ...patch } : v)));
  const num = (
    value: number | undefined,
    set: (v: number | undefined) => void,
    props: Record<string, unknown> = {},
  ) => (
    <InputNumber
      size="small"
      style={{ width: '100%' }}
      min={0}
      value={value}
      onChange={(v) => set(v === null ? undefined : Number(v))}
      {...props}
    />
  );
  const clock = (value: string | undefined, set: (v: string | undefined) => void) => (
    <Input
      size="small"
      value={value ?? ''}
      placeholder="07:00"
      onChange={(e) => set(e.target.value || undefined)}
    />
  );

  const columns: TableColumnsType<Row> = [
    {
      key: 'id',
      title: t('routePlan.vehicle.id'),
      width: 120,
      render: (_, v) => (
        <Input size="small" value={v.id} onChange={(e) => update(v.__i, { id: e.target.value })} />
      ),
    },
    {
      key: 'name',
      title: t('routePlan.vehicle.name'),
      width: 160,
      render: (_, v) => (
        <Input
          size="small"
          value={v.name ?? ''}
          onChange={(e) => update(v.__i, { name: e.target.value || undefined })}
        />
      ),
    },
    {
      key: 'count',
      title: t('routePlan.vehicle.count'),
      width: 80,
      render: (_, v) => num(v.count, (x) => update(v.__i, { count: x ?? 1 }), { min: 1, precision: 0 }),
    },
    {
      key: 'weight',
      title: t('routePlan.vehicle.capacityKg'),
      width: 110,
      render: (_, v) => num(kgOf(v.capacityWeightG), (x) => update(v.__i, { capacityWeightG: gOf(x) })),
    },
    {
      key: 'volume',
      title: t('routePlan.vehicle.capacityM3'),
      width: 100,
      render: (_, v) =>
        num(m3Of(v.capacityVolumeCm3), (x) => update(v.__i, { capacityVolumeCm3: cm3Of(x) }), { step: 0.5 }),
    },
    {
      key: 'items',
      title: t('routePlan.vehicle.capacityItems'),
      width: 90,
      render: (_, v) => num(v.capacityItems, (x) => update(v.__i, { capacityItems: x }), { precision: 0 }),
    },
    {
      key: 'fixed',
      title: t('routePlan.vehicle.fixedCost'),
      width: 100,
      render: (_, v) => num(yuanOf(v.fixedCostFen), (x) => update(v.__i, { fixedCostFen: fenOf(x) })),
    },
    {
      key: 'km',
      title: t('routePlan.vehicle.costPerKm'),
      width: 90,
      render: (_, v) =>
        num(yuanOf(v.costPerKmFen), (x) => update(v.__i, { costPerKmFen: fenOf(x) }), { step: 0.1 }),
    },
    {
      key: 'hour',
      title: t('routePlan.vehicle.costPerHour'),
      width: 90,
      render: (_, v) => num(yuanOf(v.costPerHourFen), (x) => update(v.__i, { costPerHourFen: fenOf(x) })),
    },
    {
      key: 'cold',
      title: t('routePlan.refrigerated'),
      width: 80,
      align: 'center',
      render: (_, v) => (
        <Checkbox
          checked={hasSkill(v.skills)}
          onChange={(e) => update(v.__i, { skills: withSkill(v.skills, e.target.checked) })}
        />
      ),
    },
    {
      key: 'start',
      title: t('routePlan.vehicle.shiftStart'),
      width: 90,
      render: (_, v) => clock(v.shiftStart, (x) => update(v.__i, { shiftStart: x })),
    },
    {
      key: 'end',
      title: t('routePlan.vehicle.shiftEnd'),
      width: 90,
      render: (_, v) => clock(v.shiftEnd, (x) => update(v.__i, { shiftEnd: x })),
    },
    {
      key: 'remove',
      width: 50,
      render: (_, v) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          disabled={plan.vehicles.length <= 1}
          onClick={() => onChange(plan.vehicles.filter((_, k) => k !== v.__i))}
        />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('routePlan.editor.vehicles', { count: plan.vehicles.length })}
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...plan.vehicles, newVehicle(plan)])}
        >
          {t('routePlan.editor.addVehicle')}
        </Button>
      }
    >
      <Table<Row>
        size="small"
        rowKey="__i"
        data-testid="plan-vehicles"
        columns={columns}
        dataSource={plan.vehicles.map((v, i) => ({ ...v, __i: i }))}
        pagination={false}
        scroll={{ x: 1200 }}
      />
    </Card>
  );
}
