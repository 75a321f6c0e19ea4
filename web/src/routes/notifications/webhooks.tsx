import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Endpoint,
  useCreateEndpoint,
  useDeleteEndpoint,
  useEndpoints,
  useUpdateEndpoint,
} from '../../api/notifications';
import { useMerchants } from '../../api/org';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import { DeliveryLog, type Topic } from './settings';

const TOPICS = [
  'orders.order_released',
  'orders.order_shipped',
  'orders.order_in_transit',
  'orders.order_delivered',
  'orders.order_cancelled',
  'orders.order_returned',
  'orders.intercept_requested',
  'orders.return_approved',
  'orders.return_rejected',
  'orders.return_pickup_requested',
  'orders.refund_completed',
] as const;

/** /notifications/webhooks — a merchant's webhook endpoints (staff see every merchant's), secret shown once. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const notify = useNotifyError();
  const endpoints = useEndpoints();
  const merchants = useMerchants(!me.merchant);
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const remove = useDeleteEndpoint();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  const merchantName = (id: string) => merchants.data?.find((m) => m.id === id)?.code ?? '';

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({ ...values, events: values.events ?? [] });
      setAdding(false);
      form.resetFields();
      setSecret(created.secret);
    } catch (e) {
      notify(e, form);
    }
  };
  const change = (id: string, body: Parameters<typeof update.mutateAsync>[0]['body']) =>
    update
      .mutateAsync({ id, body })
      .then((r) => r.secret && setSecret(r.secret))
      .catch((e) => notify(e));

  if (endpoints.error) return <QueryError error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('notifications.webhooksTitle')}
        subtitle={t('notifications.webhooksSubtitle')}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('notifications.add')}
          </Button>
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Table<Endpoint>
          rowKey="id"
          size="small"
          loading={endpoints.isLoading}
          dataSource={endpoints.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('notifications.empty') }}
          columns={[
            ...(me.merchant
              ? []
              : [{ title: t('notifications.merchant'), dataIndex: 'merchantId', render: merchantName }]),
            {
              title: t('notifications.url'),
              dataIndex: 'url',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('notifications.events'),
              dataIndex: 'events',
              render: (v: string[]) =>
                v.length
                  ? v.map((e) => <Tag key={e}>{t(`notifications.topic.${e as Topic}`)}</Tag>)
                  : t('notifications.allEvents'),
            },
            {
              title: t('notifications.filterStatus'),
              dataIndex: 'status',
              render: (v: Endpoint['status'], r) => (
                <Tag color={v === 'active' ? 'success' : 'error'}>
                  {t(`notifications.${v}`)}
                  {r.disabledReason === 'too_many_failures' ? ' !' : ''}
                </Tag>
              ),
            },
            { title: t('notifications.failures'), dataIndex: 'consecutiveFailures' },
            {
              title: '',
              key: 'actions',
              render: (_, r) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => change(r.id, { status: r.status === 'active' ? 'disabled' : 'active' })}
                  >
                    {r.status === 'active' ? t('notifications.disable') : t('notifications.enable')}
                  </Button>
                  <Button size="small" onClick={() => change(r.id, { rotateSecret: true })}>
                    {t('notifications.rotate')}
                  </Button>
                  <Popconfirm
                    title={t('notifications.removeConfirm')}
                    onConfirm={() => remove.mutateAsync(r.id).catch((e) => notify(e))}
                  >
                    <Button size="small" danger>
                      {t('notifications.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        {can(PERM.notifyLog) && (
          <Card title={t('notifications.tabLog')} size="small">
            <DeliveryLog channel="webhook" />
          </Card>
        )}
      </Space>
      <Modal
        open={adding}
        title={t('notifications.add')}
        onOk={submit}
        confirmLoading={create.isPending}
        onCancel={() => setAdding(false)}
      >
        <Form form={form} layout="vertical">
          {!me.merchant && (
            <Form.Item name="merchantId" label={t('notifications.merchant')} rules={[{ required: true }]}>
              <Select options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.code }))} />
            </Form.Item>
          )}
          <Form.Item name="url" label={t('notifications.url')} rules={[{ required: true, type: 'url' }]}>
            <Input placeholder="https://example.com/wayline/webhook" maxLength={500} />
          </Form.Item>
          <Form.Item name="events" label={t('notifications.events')} extra={t('notifications.allEvents')}>
            <Select
              mode="multiple"
              options={TOPICS.map((e) => ({ value: e, label: t(`notifications.topic.${e}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(secret)}
        title={t('notifications.secretTitle')}
        footer={null}
        onCancel={() => setSecret(null)}
      >
        <Alert type="warning" showIcon message={t('notifications.secretHint')} />
        <Typography.Paragraph copyable code style={{ marginTop: 16 }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
