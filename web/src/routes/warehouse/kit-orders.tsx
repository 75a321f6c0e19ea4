import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouseBins } from '../../api/inventory';
import {
  KIT_ORDER_STATUSES,
  type KitOrder,
  type KitOrderStatus,
  useKitMutations,
  useKitOrder,
  useKitOrders,
  useKits,
} from '../../api/kits';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';

const COLOR: Record<KitOrderStatus, string> = {
  planned: 'blue',
  in_progress: 'processing',
  completed: 'green',
  cancelled: 'default',
};

/** /warehouse/kit-orders — kitting work orders: plan (reserving inputs), start, record kits made, close. */
export function KitOrdersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [status, setStatus] = useState<KitOrderStatus>();
  const pager = useCursorPager(String(status));
  const orders = useKitOrders({
    limit: pager.pageSize,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(status ? { status } : {}),
  });
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  return (
    <>
      <PageHeader
        title={t('kits.ordersTitle')}
        subtitle={t('kits.ordersSubtitle')}
        extra={
          can(PERM.kitPlan) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('kits.newOrder')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Select
          allowClear
          style={{ width: 180, marginBottom: 16 }}
          placeholder={t('kits.status')}
          value={status}
          onChange={setStatus}
          options={KIT_ORDER_STATUSES.map((s) => ({ value: s, label: t(`kits.statuses.${s}`) }))}
        />
        {orders.isError && !orders.data ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <>
            <Table<KitOrder>
              rowKey="id"
              loading={orders.isLoading}
              dataSource={orders.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1000 }}
              onRow={(o) => ({ onClick: () => setOpenId(o.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  key: 'number',
                  title: t('kits.number'),
                  render: (_, o) => <span className="mono">{o.number}</span>,
                },
                {
                  key: 'status',
                  title: t('kits.status'),
                  render: (_, o) => <Tag color={COLOR[o.status]}>{t(`kits.statuses.${o.status}`)}</Tag>,
                },
                { key: 'kit', title: t('kits.kit'), render: (_, o) => `${o.kitCode} · ${o.kitName}` },
                {
                  key: 'variant',
                  title: t('kits.variant'),
                  render: (_, o) => <span className="mono">{o.variantSkuCode}</span>,
                },
                {
                  key: 'wh',
                  title: t('kits.warehouse'),
                  render: (_, o) => warehouseLabel(warehouseById, o.warehouseId, lang),
                },
                {
                  key: 'progress',
                  title: t('kits.done'),
                  width: 180,
                  render: (_, o) => (
                    <Progress
                      size="small"
                      percent={Math.round((100 * o.doneQty) / o.plannedQty)}
                      format={() => `${o.doneQty}/${o.plannedQty}`}
                    />
                  ),
                },
                {
                  key: 'due',
                  title: t('kits.dueDate'),
                  dataIndex: 'dueDate',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  key: 'created',
                  title: t('counts.created'),
                  render: (_, o) => <DateTime value={o.createdAt} />,
                },
              ]}
            />
            <CursorPager pager={pager} nextCursor={orders.data?.nextCursor} loading={orders.isFetching} />
          </>
        )}
      </Card>
      {creating ? <NewOrderModal onClose={() => setCreating(false)} onCreated={setOpenId} /> : null}
      {openId ? <OrderDrawer id={openId} onClose={() => setOpenId(undefined)} /> : null}
    </>
  );
}

function NewOrderModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm();
  const kits = useKits();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const warehouseId = Form.useWatch('warehouseId', form);
  const bins = useWarehouseBins(warehouseId);
  const { createOrder } = useKitMutations();
  return (
    <Modal
      open
      title={t('kits.newOrder')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={createOrder.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          createOrder.mutate(
            {
              kitId: v.kitId,
              warehouseId: v.warehouseId,
              qty: v.qty,
              outputBinId: v.outputBinId ?? null,
              dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
              note: v.note || null,
            },
            {
              onSuccess: (o) => {
                message.success(t('kits.orderCreated', { number: o.number }));
                onClose();
                onCreated(o.id);
              },
              onError: (e) => notifyError(e, form),
            },
          )
        }
      >
        <Form.Item name="kitId" label={t('kits.kit')} rules={[{ required: true }]}>
          <Select
            options={(kits.data ?? [])
              .filter((k) => k.active)
              .map((k) => ({ value: k.id, label: `${k.code} · ${k.name}` }))}
          />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('kits.warehouse')} rules={[{ required: true }]}>
          <Select
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: warehouseLabel(warehouseById, w.id, lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="qty" label={t('kits.planned')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="outputBinId" label={t('kits.outputBin')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(bins.data ?? []).map((b) => ({ value: b.id, label: b.code }))}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('kits.dueDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('kits.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrderDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const order = useKitOrder(id);
  const o = order.data;
  const bins = useWarehouseBins(o?.warehouseId);
  const { start, complete, close } = useKitMutations();
  const [qty, setQty] = useState<number | null>(null);
  const [binId, setBinId] = useState<string>();
  const [lotCode, setLotCode] = useState('');
  const left = o ? o.plannedQty - o.doneQty : 0;
  const done = { onError: (e: unknown) => notifyError(e) };
  const ask = (mode: 'close' | 'cancel') => {
    let reason = '';
    modal.confirm({
      title: mode === 'close' ? t('kits.close') : t('kits.cancel'),
      content: <Input placeholder={t('kits.reason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        reason.trim() ? close.mutate({ id, reason: reason.trim(), mode }, done) : Promise.reject(),
    });
  };
  return (
    <Drawer open width={720} onClose={onClose} title={o ? <span className="mono">{o.number}</span> : ''}>
      {order.isError && !o ? <QueryError error={order.error} onRetry={() => void order.refetch()} /> : null}
      {o ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('kits.status')}>
              <Tag color={COLOR[o.status]}>{t(`kits.statuses.${o.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('kits.kit')}>{`${o.kitCode} · ${o.kitName}`}</Descriptions.Item>
            <Descriptions.Item label={t('kits.variant')}>
              <span className="mono">{o.variantSkuCode}</span> ·{' '}
              {localName({ nameZh: o.variantSkuNameZh ?? '', nameEn: o.variantSkuNameEn }, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('kits.done')}>{`${o.doneQty} / ${o.plannedQty}`}</Descriptions.Item>
            <Descriptions.Item label={t('kits.outputBin')}>{o.outputBinCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('kits.dueDate')}>{o.dueDate ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="lineNo"
            size="small"
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={o.lines}
            columns={[
              {
                key: 'role',
                title: t('kits.role'),
                render: (_, l) =>
                  l.role === 'generic' ? <Tag color="blue">{t('kits.generic')}</Tag> : t('kits.component'),
              },
              { key: 'sku', title: 'SKU', render: (_, l) => <span className="mono">{l.skuCode}</span> },
              { key: 'per', title: t('kits.qtyPerKit'), dataIndex: 'qtyPerKit', align: 'right' },
              { key: 'req', title: t('kits.required'), dataIndex: 'requiredQty', align: 'right' },
              { key: 'used', title: t('kits.consumed'), dataIndex: 'consumedQty', align: 'right' },
            ]}
          />
          {(o.status === 'planned' || o.status === 'in_progress') && can(PERM.kitExecute) ? (
            <Card size="small" title={t('kits.complete')} style={{ marginBottom: 16 }}>
              <Space wrap>
                {o.status === 'planned' ? (
                  <Button loading={start.isPending} onClick={() => start.mutate(id, done)}>
                    {t('kits.start')}
                  </Button>
                ) : null}
                <InputNumber
                  min={1}
                  max={left}
                  precision={0}
                  value={qty ?? left}
                  onChange={setQty}
                  addonBefore={t('kits.completeQty')}
                />
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 180 }}
                  placeholder={o.outputBinCode ?? t('kits.outputBin')}
                  value={binId}
                  onChange={setBinId}
                  options={(bins.data ?? []).map((b) => ({ value: b.id, label: b.code }))}
                />
                <Input
                  style={{ width: 200 }}
                  placeholder={t('kits.lotCode')}
                  value={lotCode}
                  onChange={(e) => setLotCode(e.target.value)}
                />
                <Button
                  type="primary"
                  loading={complete.isPending}
                  onClick={() =>
                    complete.mutate(
                      {
                        id,
                        body: {
                          qty: qty ?? left,
                          ...(binId ? { outputBinId: binId } : {}),
                          ...(lotCode.trim() ? { lotCode: lotCode.trim() } : {}),
                        },
                      },
                      { ...done, onSuccess: () => setQty(null) },
                    )
                  }
                >
                  {t('kits.complete')}
                </Button>
              </Space>
            </Card>
          ) : null}
          {can(PERM.kitPlan) && (o.status === 'planned' || o.status === 'in_progress') ? (
            <Space style={{ marginBottom: 16 }}>
              {o.doneQty > 0 ? <Button onClick={() => ask('close')}>{t('kits.close')}</Button> : null}
              {o.doneQty === 0 ? (
                <Button danger onClick={() => ask('cancel')}>
                  {t('kits.cancel')}
                </Button>
              ) : null}
            </Space>
          ) : null}
          {o.completions.length ? (
            <Table
              rowKey="movementId"
              size="small"
              pagination={false}
              title={() => t('kits.completions')}
              style={{ marginBottom: 16 }}
              dataSource={o.completions}
              columns={[
                { key: 'at', title: '', render: (_, c) => <DateTime value={c.at} /> },
                { key: 'qty', title: t('kits.done'), dataIndex: 'qty', align: 'right' },
                {
                  key: 'bin',
                  title: t('kits.outputBin'),
                  render: (_, c) => <span className="mono">{c.binCode}</span>,
                },
                {
                  key: 'lot',
                  title: t('kits.lotCode'),
                  render: (_, c) => <span className="mono">{c.lotCode ?? '—'}</span>,
                },
                { key: 'by', title: '', dataIndex: 'actorName' },
              ]}
            />
          ) : null}
          <Timeline
            items={o.history.map((h) => ({
              children: (
                <span>
                  {t(`kits.statuses.${h.to}`)} · <DateTime value={h.at} /> · {h.actorName}
                  {h.note ? ` — ${h.note}` : ''}
                </span>
              ),
            }))}
          />
        </>
      ) : null}
    </Drawer>
  );
}
