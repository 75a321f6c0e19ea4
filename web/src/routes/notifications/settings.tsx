import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Delivery,
  type DeliveryQuery,
  type Template,
  useDeliveries,
  useRetryDelivery,
  useSaveChannel,
  useSaveTemplate,
  useTemplates,
} from '../../api/notifications';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';

/** A milestone topic, as the i18n keys know it. */
export type Topic = Template['event'];

const PLACEHOLDERS =
  '{{orderNumber}} {{consigneeName}} {{promisedDate}} {{carrier}} {{waybillNo}} {{trackingUrl}} {{status}} {{returnNumber}}';
const STATUS_COLOR: Record<Delivery['status'], string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'default',
};

/** /notifications/settings — consignee templates and channels, and the delivery log. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const tabs = [
    ...(can(PERM.notifyTemplates)
      ? [{ key: 'templates', label: t('notifications.tabTemplates'), children: <TemplatesTab /> }]
      : []),
    ...(can(PERM.notifyLog)
      ? [{ key: 'log', label: t('notifications.tabLog'), children: <DeliveryLog /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('notifications.settingsTitle')} subtitle={t('notifications.settingsSubtitle')} />
      <Tabs items={tabs} />
    </>
  );
}

function TemplatesTab() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const saveChannel = useSaveChannel();
  const notify = useNotifyError();
  const [editing, setEditing] = useState<Template | null>(null);
  if (templates.error) return <QueryError error={templates.error} onRetry={() => templates.refetch()} />;
  const channels = templates.data?.channels;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('notifications.channels')} size="small">
        <Flex gap={32} wrap>
          {(['sms', 'email'] as const).map((channel) => (
            <Space key={channel}>
              <Typography.Text strong>{t(`notifications.${channel}`)}</Typography.Text>
              <Switch
                checked={channels?.[channel].enabled ?? false}
                loading={saveChannel.isPending}
                onChange={(enabled) =>
                  saveChannel
                    .mutateAsync({ channel, body: { enabled, lang: channels?.[channel].lang ?? 'zh-CN' } })
                    .catch((e) => notify(e))
                }
              />
              <Select
                style={{ width: 120 }}
                value={channels?.[channel].lang}
                options={[
                  { value: 'zh-CN', label: '简体中文' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(lang) =>
                  saveChannel
                    .mutateAsync({ channel, body: { enabled: channels?.[channel].enabled ?? true, lang } })
                    .catch((e) => notify(e))
                }
              />
            </Space>
          ))}
        </Flex>
      </Card>
      <Table<Template>
        rowKey={(r) => `${r.event}/${r.channel}/${r.lang}`}
        loading={templates.isLoading}
        dataSource={templates.data?.items ?? []}
        pagination={false}
        size="small"
        columns={[
          {
            title: t('notifications.event'),
            dataIndex: 'event',
            render: (v: string) => t(`notifications.topic.${v as Topic}`),
          },
          {
            title: t('notifications.channel'),
            dataIndex: 'channel',
            render: (v: Delivery['channel']) => t(`notifications.${v}`),
          },
          { title: t('notifications.language'), dataIndex: 'lang' },
          { title: t('notifications.body'), dataIndex: 'body', ellipsis: true },
          {
            title: '',
            key: 'state',
            render: (_, r) => (
              <Space>
                <Tag color={r.custom ? 'blue' : 'default'}>
                  {r.custom ? t('notifications.custom') : t('notifications.builtIn')}
                </Tag>
                {!r.enabled && <Tag>{t('notifications.disabled')}</Tag>}
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('notifications.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <TemplateEditor template={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function TemplateEditor({ template, onClose }: { template: Template; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const save = useSaveTemplate();
  const [form] = Form.useForm();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ key: template, body: values });
      message.success(t('notifications.saved'));
      onClose();
    } catch (e) {
      notify(e, form);
    }
  };
  return (
    <Modal
      open
      title={`${t(`notifications.topic.${template.event}`)} · ${t(`notifications.${template.channel}`)} · ${template.lang}`}
      okText={t('notifications.save')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={template}>
        {template.channel === 'email' && (
          <Form.Item name="subject" label={t('notifications.subject')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="body"
          label={t('notifications.body')}
          rules={[{ required: true }]}
          extra={t('notifications.placeholders', {
            list: PLACEHOLDERS,
            interpolation: { escapeValue: false },
          })}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="enabled" label={t('notifications.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The delivery log with filters and "retry" for failed or skipped rows (shared with the webhook page). */
export function DeliveryLog({ channel }: { channel?: DeliveryQuery['channel'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const can = useCan();
  const [status, setStatus] = useState<DeliveryQuery['status']>();
  const [chosenChannel, setChannel] = useState<DeliveryQuery['channel']>(channel);
  const [orderNumber, setOrderNumber] = useState('');
  const query = useMemo<DeliveryQuery>(
    () => ({
      limit: 200,
      ...(status ? { status } : {}),
      ...(chosenChannel ? { channel: chosenChannel } : {}),
      ...(orderNumber.trim() ? { orderNumber: orderNumber.trim() } : {}),
    }),
    [status, chosenChannel, orderNumber],
  );
  const log = useDeliveries(query);
  const retry = useRetryDelivery();
  if (log.error) return <QueryError error={log.error} onRetry={() => log.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('notifications.orderNumber')}
          onSearch={setOrderNumber}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('notifications.filterStatus')}
          value={status}
          onChange={setStatus}
          options={(['pending', 'sent', 'failed', 'skipped'] as const).map((s) => ({
            value: s,
            label: t(`notifications.status.${s}`),
          }))}
        />
        {!channel && (
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('notifications.filterChannel')}
            value={chosenChannel}
            onChange={setChannel}
            options={(['sms', 'email', 'webhook'] as const).map((c) => ({
              value: c,
              label: t(`notifications.${c}`),
            }))}
          />
        )}
      </Flex>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        expandable={{
          expandedRowRender: (r) => <Typography.Paragraph code>{r.content}</Typography.Paragraph>,
        }}
        columns={[
          {
            title: t('notifications.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
          { title: t('notifications.orderNumber'), dataIndex: 'orderNumber' },
          {
            title: t('notifications.event'),
            dataIndex: 'topic',
            render: (v: string) => t(`notifications.topic.${v as Topic}`),
          },
          {
            title: t('notifications.channel'),
            dataIndex: 'channel',
            render: (v: Delivery['channel']) => t(`notifications.${v}`),
          },
          { title: t('notifications.recipient'), dataIndex: 'recipient', ellipsis: true },
          {
            title: t('notifications.filterStatus'),
            dataIndex: 'status',
            render: (v: Delivery['status']) => (
              <Tag color={STATUS_COLOR[v]}>{t(`notifications.status.${v}`)}</Tag>
            ),
          },
          { title: t('notifications.attempts'), dataIndex: 'attempts' },
          { title: t('notifications.lastError'), dataIndex: 'lastError', ellipsis: true },
          {
            title: '',
            key: 'retry',
            render: (_, r) =>
              can(PERM.notifyRetry) && (r.status === 'failed' || r.status === 'skipped') ? (
                <Button
                  size="small"
                  loading={retry.isPending}
                  onClick={() =>
                    retry
                      .mutateAsync(r.id)
                      .then(() => message.success(t('notifications.retried')))
                      .catch((e) => notify(e))
                  }
                >
                  {t('notifications.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
