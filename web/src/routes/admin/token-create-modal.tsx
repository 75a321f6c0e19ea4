import { Alert, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken, usePermissions } from '../../api/org';
import type { CreatedToken } from '../../api/types';
import { useMe } from '../../lib/auth-context';
import { formatDate, shanghaiDayBoundary } from '../../lib/format';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';

interface Values {
  name: string;
  permissions: string[];
  expiresAt?: Dayjs | null;
}

/** Create a token, then show its secret once. */
export function TokenCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const permissions = usePermissions();
  const notifyError = useNotifyError();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  // Only what the creator holds can be delegated to a token.
  const options = me.permissions.map((code) => {
    const p = permissions.data?.find((x) => x.code === code);
    return { value: code, label: p ? `${localName(p, lang)} · ${code}` : code };
  });
  const today = formatDate(new Date());

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        permissions: v.permissions,
        ...(v.expiresAt ? { expiresAt: shanghaiDayBoundary(v.expiresAt.format('YYYY-MM-DD'), true) } : {}),
      },
      { onSuccess: setCreated, onError: (e) => notifyError(e, form) },
    );

  if (created) {
    return (
      <Modal
        open
        title={t('tokens.createdTitle')}
        onCancel={onClose}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={onClose} data-testid="token-done">
            {t('common.close')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.createdHint')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: created.token }}
          className="mono"
          data-testid="token-secret"
          style={{ padding: 12, background: '#f6f8fa', borderRadius: 6, wordBreak: 'break-all' }}
        >
          {created.token}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('tokens.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ permissions: [] }}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('tokens.permissions')}
          extra={t('tokens.permissionsHelp')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={permissions.isPending}
          />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('tokens.expiresAt')} extra={t('tokens.expiresHelp')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
