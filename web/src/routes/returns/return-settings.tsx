import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnSettings, useUpdateReturnSettings } from '../../api/returns';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';

/** The return rules (days allowed); read by everyone who sees returns, changed by the order desk's settings holders. */
export function ReturnSettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const notify = useNotifyError();
  const settings = useReturnSettings(open);
  const update = useUpdateReturnSettings();
  const [form] = Form.useForm();
  const editable = can(PERM.ordersSettings);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async () => {
    if (!editable) return onClose();
    const values = await form.validateFields();
    try {
      await update.mutateAsync(values);
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      notify(e, form);
    }
  };
  return (
    <Modal
      open={open}
      title={t('returns.settingsTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: !editable }}
    >
      <Typography.Paragraph type="secondary">{t('returns.settingsHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item name="windowDays" label={t('returns.windowDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
        <Form.Item name="defectWindowDays" label={t('returns.defectWindowDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
