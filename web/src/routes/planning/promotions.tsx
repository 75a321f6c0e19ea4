import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkuSearch, useSkusById } from '../../api/inventory';
import {
  type CalendarEntry,
  createPromotion,
  type Promotion,
  updatePromotion,
  useCalendar,
  usePromotions,
  withdrawPromotion,
} from '../../api/planning';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDebounced } from '../../lib/use-debounced';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { useWarehouseLabels } from './planning-shared';

interface Values {
  name: string;
  range: [Dayjs, Dayjs];
  skuIds: string[];
  warehouseIds: string[];
  expectedUplift: number | null;
  note: string;
}

const KIND_COLOR: Record<CalendarEntry['kind'], string> = {
  retail: 'magenta',
  holiday: 'green',
  makeup_workday: 'default',
  promotion: 'purple',
};

/** /planning/promotions — user promotions (forecast events) beside the built-in retail calendar. */
export function PromotionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const canWrite = can(PERM.promotionWrite);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Promotion | 'new' | null>(null);
  const [skuQuery, setSkuQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const promotions = usePromotions(includeInactive);
  const warehouses = useWarehouseLabels();
  const today = dayjs().format('YYYY-MM-DD');
  const calendar = useCalendar(today, dayjs().add(365, 'day').format('YYYY-MM-DD'));
  const skuSearch = useSkuSearch(useDebounced(skuQuery, 300), editing !== null && can(PERM.skuRead));
  const shownSkuIds = useMemo(
    () => [...new Set((promotions.data ?? []).flatMap((p) => p.skuIds ?? []))],
    [promotions.data],
  );
  const skus = useSkusById(shownSkuIds, can(PERM.skuRead));
  const skuOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of skus.values()) seen.set(s.id, `${s.code} ${localName(s, lang)}`);
    for (const s of skuSearch.data?.items ?? []) seen.set(s.id, `${s.code} ${localName(s, lang)}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [skus, skuSearch.data, lang]);

  const open = (p: Promotion | 'new') => {
    setEditing(p);
    form.setFieldsValue(
      p === 'new'
        ? { name: '', range: undefined, skuIds: [], warehouseIds: [], expectedUplift: null, note: '' }
        : {
            name: p.name,
            range: [dayjs(p.startDay), dayjs(p.endDay)],
            skuIds: p.skuIds ?? [],
            warehouseIds: p.warehouseIds ?? [],
            expectedUplift: p.expectedUplift,
            note: p.note ?? '',
          },
    );
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['planning'] });

  const save = async (v: Values) => {
    setBusy(true);
    const body = {
      name: v.name,
      startDay: v.range[0].format('YYYY-MM-DD'),
      endDay: v.range[1].format('YYYY-MM-DD'),
      skuIds: v.skuIds?.length ? v.skuIds : null,
      warehouseIds: v.warehouseIds?.length ? v.warehouseIds : null,
      expectedUplift: v.expectedUplift ?? null,
      note: v.note?.trim() || null,
    };
    try {
      if (editing === 'new') await createPromotion(body);
      else if (editing) await updatePromotion(editing.id, { ...body, version: editing.version });
      message.success(t('common.saved'));
      setEditing(null);
      refresh();
    } catch (error) {
      notifyError(error, form);
    } finally {
      setBusy(false);
    }
  };

  const withdraw = (p: Promotion) =>
    modal.confirm({
      title: t('planning.promotions.withdraw'),
      content: t('planning.promotions.withdrawConfirm', { name: p.name }),
      onOk: async () => {
        try {
          await withdrawPromotion(p.id);
          message.success(t('planning.promotions.withdrawn'));
          refresh();
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const columns: TableColumnsType<Promotion> = [
    { key: 'name', title: t('planning.promotions.col.name'), dataIndex: 'name' },
    {
      key: 'dates',
      title: t('planning.promotions.col.dates'),
      width: 220,
      render: (_, p) => `${p.startDay} ~ ${p.endDay}`,
    },
    {
      key: 'skus',
      title: t('planning.promotions.col.skus'),
      width: 200,
      render: (_, p) =>
        !p.skuIds
          ? t('planning.promotions.allSkus')
          : p.skuIds.length <= 2
            ? p.skuIds.map((id) => skus.get(id)?.code ?? id.slice(0, 8)).join(', ')
            : t('planning.promotions.nSkus', { n: p.skuIds.length }),
    },
    {
      key: 'warehouses',
      title: t('planning.promotions.col.warehouses'),
      width: 200,
      render: (_, p) =>
        !p.warehouseIds
          ? t('planning.promotions.allWarehouses')
          : p.warehouseIds.map((id) => warehouses.label(id)).join(', '),
    },
    {
      key: 'uplift',
      title: t('planning.promotions.col.uplift'),
      width: 170,
      render: (_, p) =>
        p.expectedUplift === null
          ? t('planning.promotions.estimated')
          : t('planning.promotions.upliftValue', { v: p.expectedUplift }),
    },
    {
      key: 'status',
      title: t('planning.promotions.col.status'),
      width: 90,
      render: (_, p) => (
        <Tag color={p.active ? 'green' : 'default'}>
          {t(p.active ? 'planning.promotions.active' : 'planning.promotions.inactive')}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, p) =>
        canWrite && p.active ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => open(p)}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" danger onClick={() => withdraw(p)}>
              {t('planning.promotions.withdraw')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const builtIn = (calendar.data ?? []).filter((e) => e.kind === 'retail' || e.kind === 'holiday');

  return (
    <>
      <PageHeader
        title={t('planning.promotions.title')}
        subtitle={t('planning.promotions.subtitle')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => open('new')}
              data-testid="promotion-create"
            >
              {t('planning.promotions.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            className="page-section"
            extra={
              <Space>
                {t('planning.promotions.inactive')}
                <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
              </Space>
            }
          >
            <Table<Promotion>
              rowKey="id"
              size="middle"
              loading={promotions.isFetching}
              columns={columns}
              dataSource={promotions.data ?? []}
              pagination={false}
              scroll={{ x: 1000 }}
              data-testid="promotion-table"
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            className="page-section"
            title={t('planning.promotions.builtIn')}
            data-testid="retail-calendar"
          >
            <Table<CalendarEntry>
              rowKey={(e) => `${e.event}|${e.startDay}`}
              size="small"
              pagination={false}
              loading={calendar.isFetching}
              dataSource={builtIn}
              columns={[
                {
                  key: 'label',
                  render: (_, e) => (
                    <Space>
                      <Tag color={KIND_COLOR[e.kind]}>{t(`planning.promotions.eventKind.${e.kind}`)}</Tag>
                      {e.label}
                    </Space>
                  ),
                },
                {
                  key: 'dates',
                  width: 190,
                  render: (_, e) =>
                    e.startDay === e.endDay ? e.startDay : `${e.startDay} ~ ${e.endDay.slice(5)}`,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('planning.promotions.create') : t('planning.promotions.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="promotion-form">
          <Form.Item
            name="name"
            label={t('planning.promotions.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="range" label={t('planning.promotions.range')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="skuIds" label={t('planning.promotions.skus')}>
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setSkuQuery }}
              options={skuOptions}
              allowClear
            />
          </Form.Item>
          <Form.Item name="warehouseIds" label={t('planning.promotions.warehouses')}>
            <Select
              mode="multiple"
              allowClear
              options={warehouses.list.map((w) => ({ value: w.id, label: warehouses.label(w.id) }))}
            />
          </Form.Item>
          <Form.Item name="expectedUplift" label={t('planning.promotions.expectedUplift')}>
            <InputNumber min={0.1} max={20} step={0.1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('planning.promotions.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
