import { Button, Dropdown, Flex, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type OrderDetail,
  useAllocateOrder,
  useCancelOrder,
  useChangeItems,
  useFixAddress,
  useRecordContact,
  useReleaseOverride,
  useReleaseToWarehouse,
  useRevalidate,
  useSplitOrder,
} from '../../api/orders';
import { ActionDialog, ReasonField, useActionDialog } from '../../components/action-dialog';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';

type Dialog = 'cancel' | 'fix' | 'items' | 'split' | 'release' | 'contact';
const EDITABLE = new Set(['created', 'exception', 'validated']);
const CANCELLABLE = new Set([
  'created',
  'exception',
  'validated',
  'allocated',
  'released',
  'picking',
  'packed',
  'shipped',
  'in_transit',
]);

/** "12.5" → 1250 fen, exactly (no floats); null when not a price. */
export function fenOf(text: string | number | null | undefined): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(String(text ?? ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/** Fen as plain yuan text for an input (`3990` → `39.90`). */
export const plainYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The actions a person may take on this order now, each with its dialog. */
export function OrderActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const actions = useActionDialog<Dialog>({
    success: (reply) => {
      const r = reply as { number?: string; status?: string; outcome?: string };
      if (r.outcome === 'intercept_requested') return t('orders.interceptRequested');
      return r.number && r.status
        ? t('orders.done', {
            number: r.number,
            status: t(`orders.status.${r.status as OrderDetail['status']}`),
          })
        : undefined;
    },
    resetOnDone: true,
  });
  const { dialog, form, run, open } = actions;
  const cancel = useCancelOrder();
  const allocate = useAllocateOrder();
  const toWarehouse = useReleaseToWarehouse();
  const fix = useFixAddress();
  const items = useChangeItems();
  const split = useSplitOrder();
  const release = useReleaseOverride();
  const contact = useRecordContact();
  const revalidate = useRevalidate();
  const id = order.id;
  const editable = EDITABLE.has(order.status) && can(PERM.orderException);
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog === 'cancel') return run(cancel.mutateAsync({ id, reason: v.reason }));
    if (dialog === 'release') return run(release.mutateAsync({ id, note: v.note }));
    if (dialog === 'contact') return run(contact.mutateAsync({ id, body: v }));
    if (dialog === 'fix') {
      const { email, ...rest } = v;
      const body = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined && x !== ''));
      // The e-mail goes only when changed; cleared, it is removed (null).
      const typed = String(email ?? '').trim();
      if (typed.toLowerCase() !== (order.consignee.email ?? '')) body.email = typed || null;
      return run(fix.mutateAsync({ id, body }));
    }
    if (dialog === 'items') {
      const lines = (v.lines ?? []).map((l: { skuCode: string; qty: number; price: string }) => ({
        skuCode: l.skuCode,
        qty: l.qty,
        unitPriceFen: fenOf(l.price) ?? 0,
      }));
      const payment = v.paymentStatus
        ? {
            status: v.paymentStatus,
            ...(v.paymentStatus === 'cod' ? { codAmountFen: fenOf(v.cod) ?? 0 } : {}),
          }
        : undefined;
      return run(items.mutateAsync({ id, body: { lines, serviceType: v.serviceType, payment } }));
    }
    if (dialog === 'split') {
      const lines = order.lines
        .map((l) => ({ lineNo: l.lineNo, qty: v[`qty${l.lineNo}`] ?? 0 }))
        .filter((l) => l.qty > 0);
      return run(split.mutateAsync({ id, body: { lines } }));
    }
  };
  const busy = [cancel, fix, items, split, release, contact].some((m) => m.isPending);

  const more = [
    editable && { key: 'items', label: t('orders.btn.changeItems') },
    editable && order.lines.length && { key: 'split', label: t('orders.btn.split') },
    can(PERM.orderException) && { key: 'contact', label: t('orders.btn.contact') },
    editable && { key: 'revalidate', label: t('orders.btn.revalidate') },
  ].filter(Boolean) as Array<{ key: string; label: string }>;

  return (
    <Flex gap={8} wrap>
      {order.status === 'exception' && can(PERM.orderException) ? (
        <>
          <Button
            type="primary"
            onClick={() =>
              open('fix', {
                name: order.consignee.name,
                phone: order.consignee.phone,
                email: order.consignee.email ?? '',
              })
            }
            data-testid="order-fix-address"
          >
            {t('orders.btn.fixAddress')}
          </Button>
          <Button onClick={() => open('release')} data-testid="order-release">
            {t('orders.btn.release')}
          </Button>
        </>
      ) : null}
      {order.status === 'validated' && can(PERM.orderAllocate) ? (
        <Button
          type="primary"
          loading={allocate.isPending}
          onClick={() => void run(allocate.mutateAsync(id))}
        >
          {t('orders.btn.allocate')}
        </Button>
      ) : null}
      {order.status === 'allocated' && can(PERM.orderAllocate) ? (
        <Button
          type="primary"
          loading={toWarehouse.isPending}
          onClick={() => void run(toWarehouse.mutateAsync(id))}
          data-testid="order-release-to-warehouse"
        >
          {t('orders.btn.releaseToWarehouse')}
        </Button>
      ) : null}
      {more.length ? (
        <Dropdown
          menu={{
            items: more,
            onClick: ({ key }) => {
              if (key === 'revalidate') void run(revalidate.mutateAsync(id));
              else if (key === 'items')
                open('items', {
                  serviceType: order.serviceType,
                  paymentStatus: order.paymentStatus,
                  lines: order.lines.map((l) => ({
                    skuCode: l.skuCode,
                    qty: l.qty,
                    price: plainYuan(l.unitPriceFen),
                  })),
                });
              else open(key as Dialog);
            },
          }}
        >
          <Button>{t('common.actions')}</Button>
        </Dropdown>
      ) : null}
      {CANCELLABLE.has(order.status) && can(PERM.orderCancel) && !order.interceptRequestedAt ? (
        <Button danger onClick={() => open('cancel')} data-testid="order-cancel">
          {t('orders.btn.cancel')}
        </Button>
      ) : null}
      <ActionDialog
        state={actions}
        title={
          dialog
            ? t(`orders.btn.${dialog === 'fix' ? 'fixAddress' : dialog === 'items' ? 'changeItems' : dialog}`)
            : ''
        }
        onOk={() => void submit()}
        busy={busy}
        width={dialog === 'items' || dialog === 'split' ? 720 : 520}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'cancel' ? (
            <ReasonField
              name="reason"
              label={t('orders.form.reason')}
              message={t('orders.form.reasonRequired')}
            />
          ) : null}
          {dialog === 'release' ? (
            <ReasonField name="note" label={t('orders.form.note')} message={t('orders.form.noteRequired')} />
          ) : null}
          {dialog === 'fix' ? <FixAddressFields /> : null}
          {dialog === 'contact' ? <ContactFields /> : null}
          {dialog === 'items' ? <ItemsFields /> : null}
          {dialog === 'split' ? (
            <Table
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={order.lines}
              columns={[
                {
                  key: 'sku',
                  title: t('orders.detail.sku'),
                  render: (_, l) => `${l.skuCode} ${l.skuName ?? ''}`,
                },
                { key: 'qty', title: t('orders.detail.qty'), dataIndex: 'qty', width: 80 },
                {
                  key: 'move',
                  title: t('orders.form.splitQty'),
                  width: 120,
                  render: (_, l) => (
                    <Form.Item name={`qty${l.lineNo}`} noStyle>
                      <InputNumber min={0} max={l.qty} precision={0} />
                    </Form.Item>
                  ),
                },
              ]}
              footer={() => t('orders.form.splitHint')}
            />
          ) : null}
        </Form>
      </ActionDialog>
    </Flex>
  );
}

function FixAddressFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="address" label={t('orders.form.address')}>
        <Input.TextArea rows={2} maxLength={300} data-testid="fix-address-text" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="province" noStyle>
          <Input placeholder={t('orders.form.province')} style={{ width: '25%' }} />
        </Form.Item>
        <Form.Item name="city" noStyle>
          <Input placeholder={t('orders.form.city')} style={{ width: '25%' }} />
        </Form.Item>
        <Form.Item name="district" noStyle>
          <Input placeholder={t('orders.form.district')} style={{ width: '25%' }} />
        </Form.Item>
        <Form.Item name="detail" noStyle>
          <Input placeholder={t('orders.form.detail')} style={{ width: '25%' }} />
        </Form.Item>
      </Space.Compact>
      <Flex gap={12} style={{ marginTop: 16 }}>
        <Form.Item name="name" label={t('orders.form.name')} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('orders.form.phone')} style={{ flex: 1 }}>
          <Input maxLength={40} />
        </Form.Item>
      </Flex>
      <Form.Item name="email" label={t('orders.form.email')} extra={t('orders.form.emailHint')}>
        <Input type="email" maxLength={254} autoComplete="off" data-testid="fix-consignee-email" />
      </Form.Item>
    </>
  );
}

function ContactFields() {
  const { t } = useTranslation();
  const channels = ['phone', 'sms', 'im', 'email'] as const;
  const outcomes = ['reached', 'no_answer', 'left_message', 'wrong_number', 'callback_requested'] as const;
  return (
    <>
      <Flex gap={12}>
        <Form.Item
          name="channel"
          label={t('orders.form.contactChannel')}
          initialValue="phone"
          style={{ flex: 1 }}
        >
          <Select
            options={channels.map((c) => ({ value: c, label: t(`orders.form.channelOptions.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={t('orders.form.contactOutcome')}
          initialValue="reached"
          style={{ flex: 1 }}
        >
          <Select
            options={outcomes.map((o) => ({ value: o, label: t(`orders.form.outcomeOptions.${o}`) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('orders.form.contactNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

function ItemsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Flex gap={12}>
        <Form.Item name="serviceType" label={t('orders.form.serviceType')} style={{ flex: 1 }}>
          <Select
            options={(['standard', 'express', 'cold_chain'] as const).map((s) => ({
              value: s,
              label: t(`orders.service.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="paymentStatus" label={t('orders.form.paymentStatus')} style={{ flex: 1 }}>
          <Select
            options={(['paid', 'cod', 'unpaid'] as const).map((p) => ({
              value: p,
              label: t(`orders.payment.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="cod" label={t('orders.form.codAmount')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item name={[field.name, 'skuCode']} rules={[{ required: true }]} style={{ flex: 2 }}>
                  <Input placeholder={t('orders.form.lineSku')} />
                </Form.Item>
                <Form.Item name={[field.name, 'qty']} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <InputNumber
                    min={1}
                    precision={0}
                    placeholder={t('orders.detail.qty')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'price']}
                  rules={[
                    {
                      required: true,
                      validator: (_, v) =>
                        fenOf(v) === null ? Promise.reject(new Error('¥')) : Promise.resolve(),
                    },
                  ]}
                  style={{ flex: 1 }}
                >
                  <Input placeholder={t('orders.form.linePrice')} />
                </Form.Item>
                <Button type="text" onClick={() => remove(field.name)}>
                  ✕
                </Button>
              </Flex>
            ))}
            <Button type="dashed" block onClick={() => add({ qty: 1 })}>
              {t('orders.form.addLine')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
