import { Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import {
  type ReturnDetail,
  type ReturnStatus,
  useApproveReturn,
  useArrangeReturn,
  useCancelReturn,
  useCloseReturn,
  useCompleteRefund,
  useRecordRefund,
  useRejectReturn,
  useReplacement,
} from '../../api/returns';
import { ActionDialog, ReasonField, useActionDialog } from '../../components/action-dialog';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { fenOf } from '../orders/order-actions';
import { yuan } from '../orders/order-tags';

type Dialog =
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'arrange'
  | 'refund'
  | 'completeRefund'
  | 'replacement'
  | 'close';
const CANCELLABLE = new Set<ReturnStatus>(['requested', 'approved', 'awaiting_goods']);

/** Goods value of a return: every received unit at the price it was sold for (fen). */
export const grossOf = (r: ReturnDetail) => r.lines.reduce((s, l) => s + l.unitPriceFen * l.receivedQty, 0);

/** The customer-service and finance steps a person may take on this return now, each with its dialog. */
export function ReturnActions({ ret }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const actions = useActionDialog<Dialog>({
    success: (reply) => {
      const r = reply as { number: string; status: ReturnStatus };
      return t('returns.done', { number: r.number, status: t(`returns.status.${r.status}`) });
    },
  });
  const { dialog, form, run, open } = actions;
  const approve = useApproveReturn();
  const reject = useRejectReturn();
  const cancel = useCancelReturn();
  const arrange = useArrangeReturn();
  const refund = useRecordRefund();
  const complete = useCompleteRefund();
  const replacement = useReplacement();
  const close = useCloseReturn();
  const warehouses = useWarehouses(dialog === 'arrange' && can(PERM.warehouseRead));
  const method = Form.useWatch('method', form) as 'pickup' | 'dropoff' | undefined;
  const id = ret.id;
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog === 'approve') return run(approve.mutateAsync({ id, note: v.note || undefined }));
    if (dialog === 'reject') return run(reject.mutateAsync({ id, reason: v.reason }));
    if (dialog === 'cancel') return run(cancel.mutateAsync({ id, reason: v.reason }));
    if (dialog === 'close') return run(close.mutateAsync({ id, note: v.note }));
    if (dialog === 'completeRefund') return run(complete.mutateAsync({ id, reference: v.reference }));
    if (dialog === 'refund')
      return run(
        refund.mutateAsync({ id, restockingFeeFen: fenOf(v.fee || '0') ?? 0, note: v.note || undefined }),
      );
    if (dialog === 'arrange') {
      const body =
        v.method === 'pickup'
          ? {
              method: 'pickup' as const,
              pickupDate: (v.pickupDate as Dayjs | undefined)?.format('YYYY-MM-DD'),
              address: v.address || undefined,
              carrier: v.carrier || undefined,
              waybillNo: v.waybillNo || undefined,
            }
          : { method: 'dropoff' as const, warehouseId: v.warehouseId || undefined };
      return run(arrange.mutateAsync({ id, body }));
    }
    if (dialog === 'replacement') {
      const lines = ret.lines
        .filter((l) => l.receivedQty > 0)
        .map((l) => ({
          lineNo: l.lineNo,
          qty: v[`qty${l.lineNo}`] ?? 0,
          ...(v[`sku${l.lineNo}`] ? { skuCode: v[`sku${l.lineNo}`] } : {}),
        }))
        .filter((l) => l.qty > 0);
      return run(replacement.mutateAsync({ id, body: { lines } }));
    }
  };
  const busy = [approve, reject, cancel, arrange, refund, complete, replacement, close].some(
    (m) => m.isPending,
  );
  const s = ret.status;
  const approver = can(PERM.returnApprove);
  const settler = can(PERM.returnSettle);
  const gross = grossOf(ret);

  return (
    <Flex gap={8} wrap>
      {s === 'requested' && approver ? (
        <>
          <Button type="primary" onClick={() => open('approve')} data-testid="return-approve">
            {t('returns.btn.approve')}
          </Button>
          <Button danger onClick={() => open('reject')} data-testid="return-reject">
            {t('returns.btn.reject')}
          </Button>
        </>
      ) : null}
      {s === 'approved' && approver ? (
        <Button
          type="primary"
          onClick={() => open('arrange', { method: 'pickup' })}
          data-testid="return-arrange"
        >
          {t('returns.btn.arrange')}
        </Button>
      ) : null}
      {s === 'inspected' && settler ? (
        <>
          <Button
            type={ret.resolution === 'refund' ? 'primary' : 'default'}
            onClick={() => open('refund', { fee: '0' })}
            data-testid="return-refund"
          >
            {t('returns.btn.refund')}
          </Button>
          <Button
            type={ret.resolution === 'exchange' ? 'primary' : 'default'}
            onClick={() =>
              open('replacement', Object.fromEntries(ret.lines.map((l) => [`qty${l.lineNo}`, l.receivedQty])))
            }
            data-testid="return-replacement"
          >
            {t('returns.btn.replacement')}
          </Button>
          <Button onClick={() => open('close')}>{t('returns.btn.close')}</Button>
        </>
      ) : null}
      {s === 'closed' && ret.refund?.status === 'pending' && settler ? (
        <Button type="primary" onClick={() => open('completeRefund')} data-testid="return-complete-refund">
          {t('returns.btn.completeRefund')}
        </Button>
      ) : null}
      {CANCELLABLE.has(s) && can(PERM.returnRequest) ? (
        <Button onClick={() => open('cancel')} data-testid="return-cancel">
          {t('returns.btn.cancel')}
        </Button>
      ) : null}
      <ActionDialog
        state={actions}
        title={dialog ? t(`returns.btn.${dialog}`) : ''}
        onOk={() => void submit()}
        busy={busy}
        width={dialog === 'replacement' ? 720 : 520}
        okTestId="return-dialog-ok"
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'approve' ? (
            <Form.Item name="note" label={t('returns.form.approveNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
          {dialog === 'reject' || dialog === 'cancel' ? (
            <ReasonField
              name="reason"
              label={t(dialog === 'reject' ? 'returns.form.rejectReason' : 'returns.form.cancelReason')}
              message={t('returns.form.required')}
            />
          ) : null}
          {dialog === 'close' ? (
            <ReasonField
              name="note"
              label={t('returns.form.closeNote')}
              message={t('returns.form.required')}
            />
          ) : null}
          {dialog === 'completeRefund' ? (
            <Form.Item
              name="reference"
              label={t('returns.form.reference')}
              rules={[{ required: true, message: t('returns.form.required') }]}
            >
              <Input maxLength={100} data-testid="refund-reference" />
            </Form.Item>
          ) : null}
          {dialog === 'refund' ? (
            <>
              <Typography.Paragraph>
                {t('returns.form.refundHint', { gross: yuan(gross) })}
              </Typography.Paragraph>
              <Form.Item
                name="fee"
                label={t('returns.form.fee')}
                rules={[
                  {
                    validator: (_, v) =>
                      fenOf(v || '0') === null ? Promise.reject(new Error('¥')) : Promise.resolve(),
                  },
                ]}
              >
                <Input style={{ width: 160 }} data-testid="refund-fee" />
              </Form.Item>
              <Form.Item name="note" label={t('returns.form.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'arrange' ? (
            <>
              <Form.Item name="method" label={t('returns.form.method')}>
                <Radio.Group
                  options={(['pickup', 'dropoff'] as const).map((m) => ({
                    value: m,
                    label: t(`returns.method.${m}`),
                  }))}
                />
              </Form.Item>
              {method === 'dropoff' ? (
                <Form.Item name="warehouseId" label={t('returns.form.warehouse')}>
                  <Select
                    allowClear
                    options={(warehouses.data ?? []).map((w) => ({
                      value: w.id,
                      label: `${w.code} ${w.nameZh}`,
                    }))}
                  />
                </Form.Item>
              ) : (
                <>
                  <Form.Item name="pickupDate" label={t('returns.form.pickupDate')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="address" label={t('returns.form.pickupAddress')}>
                    <Input.TextArea rows={2} maxLength={300} />
                  </Form.Item>
                  <Flex gap={12}>
                    <Form.Item name="carrier" label={t('returns.form.carrier')} style={{ flex: 1 }}>
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item name="waybillNo" label={t('returns.form.waybillNo')} style={{ flex: 1 }}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Flex>
                </>
              )}
            </>
          ) : null}
          {dialog === 'replacement' ? (
            <Table
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={ret.lines.filter((l) => l.receivedQty > 0)}
              footer={() => t('returns.form.replacementHint')}
              columns={[
                {
                  key: 'sku',
                  title: t('returns.detail.sku'),
                  render: (_, l) => `${l.skuCode} ${l.skuName ?? ''}`,
                },
                {
                  key: 'received',
                  title: t('returns.detail.receivedQty'),
                  dataIndex: 'receivedQty',
                  width: 80,
                },
                {
                  key: 'qty',
                  title: t('orders.detail.qty'),
                  width: 100,
                  render: (_, l) => (
                    <Form.Item name={`qty${l.lineNo}`} noStyle>
                      <InputNumber min={0} max={l.receivedQty} precision={0} />
                    </Form.Item>
                  ),
                },
                {
                  key: 'swap',
                  title: t('returns.form.skuCode'),
                  width: 200,
                  render: (_, l) => (
                    <Form.Item name={`sku${l.lineNo}`} noStyle>
                      <Input maxLength={40} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          ) : null}
        </Form>
      </ActionDialog>
    </Flex>
  );
}
