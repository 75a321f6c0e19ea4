import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OrderDetail } from '../../api/orders';
import {
  RETURN_CONDITIONS,
  RETURN_REASONS,
  type ReturnDetail,
  useCreateReturn,
  useReturnable,
  useReturnPage,
} from '../../api/returns';
import { DateTime } from '../../components/date-time';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import { ReturnReasonTag, ReturnStatusTag } from './return-tags';

const SHIPPED = new Set(['shipped', 'in_transit', 'delivered']);

/** On the order detail: the order's returns, and raising a new one (customer service, the merchant). */
export function OrderReturnsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const readable = can(PERM.returnRead);
  const returns = useReturnPage({ orderId: order.id, limit: 50 }, readable);
  if (!readable) return null;
  const items = returns.data?.items ?? [];
  const canCreate = can(PERM.returnRequest) && SHIPPED.has(order.status);
  if (!items.length && !canCreate) return null;
  return (
    <Card
      title={t('returns.orderCard')}
      className="page-section"
      size="small"
      data-testid="order-returns"
      extra={
        canCreate ? (
          <Button
            size="small"
            type="primary"
            onClick={() => setOpen(true)}
            data-testid="order-request-return"
          >
            {t('returns.btn.create')}
          </Button>
        ) : null
      }
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Link to={`/returns/${r.id}`} className="mono">
                  {r.number}
                </Link>
                <ReturnStatusTag status={r.status} />
                <ReturnReasonTag reason={r.reason} />
                <Typography.Text type="secondary">
                  <DateTime value={r.createdAt} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('returns.none')} />
      )}
      {open ? <NewReturnDialog order={order} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

function NewReturnDialog({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notify = useNotifyError();
  const [form] = Form.useForm();
  const returnable = useReturnable(order.id);
  const create = useCreateReturn();
  const lines = returnable.data?.lines.filter((l) => l.returnableQty > 0) ?? [];
  const submit = async () => {
    const v = await form.validateFields();
    const chosen = lines
      .map((l) => ({ lineNo: l.lineNo, qty: (v[`qty${l.lineNo}`] as number | undefined) ?? 0 }))
      .filter((l) => l.qty > 0);
    if (!chosen.length) return void message.warning(t('returns.form.atLeastOne'));
    try {
      const created = (await create.mutateAsync({
        orderId: order.id,
        reason: v.reason,
        condition: v.condition,
        resolution: v.resolution,
        ...(v.note ? { note: v.note } : {}),
        lines: chosen,
      })) as ReturnDetail;
      message.success(t('returns.created', { number: created.number }));
      onClose();
      navigate(`/returns/${created.id}`);
    } catch (e) {
      notify(e, form);
    }
  };
  return (
    <Modal
      open
      title={`${t('returns.btn.create')} · ${order.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      width={720}
      okButtonProps={{ 'data-testid': 'new-return-ok' } as Record<string, string>}
    >
      {returnable.data ? (
        <Typography.Paragraph type="secondary">
          {returnable.data.returnable
            ? t('returns.form.deadline', {
                deadline: returnable.data.deadline,
                defect: returnable.data.defectDeadline,
              })
            : t('returns.form.notReturnable')}
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reason: 'quality', condition: 'opened', resolution: 'refund' }}
      >
        <Space wrap size={16}>
          <Form.Item name="reason" label={t('returns.form.reason')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="new-return-reason"
              options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="condition" label={t('returns.form.condition')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`returns.condition.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="resolution" label={t('returns.form.resolution')}>
            <Radio.Group
              options={(['refund', 'exchange'] as const).map((r) => ({
                value: r,
                label: t(`returns.resolution.${r}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Table
          size="small"
          rowKey="lineNo"
          pagination={false}
          loading={returnable.isPending}
          dataSource={lines}
          columns={[
            { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
            {
              key: 'sku',
              title: t('returns.detail.sku'),
              render: (_, l) => `${l.skuCode} ${l.skuName ?? ''}`,
            },
            {
              key: 'returnable',
              title: '',
              render: (_, l) => t('returns.form.returnable', { n: l.returnableQty }),
            },
            {
              key: 'qty',
              title: t('returns.form.lines'),
              width: 120,
              render: (_, l) => (
                <Form.Item name={`qty${l.lineNo}`} noStyle>
                  <InputNumber
                    min={0}
                    max={l.returnableQty}
                    precision={0}
                    data-testid={`new-return-qty-${l.lineNo}`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="note" label={t('returns.form.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
