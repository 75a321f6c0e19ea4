import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/org';
import type { User } from '../../api/types';
import { useNotifyError } from '../../lib/use-notify-error';

interface Values {
  newPassword: string;
  confirm: string;
}

export const PASSWORD_MIN = 8;

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const notifyError = useNotifyError();
  const { message } = App.useApp();

  const submit = ({ newPassword }: Values) =>
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (e) => notifyError(e, form),
      },
    );

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newPassword"
          label={t('users.field.newPassword')}
          extra={t('users.field.passwordHelp')}
          rules={[{ required: true, min: PASSWORD_MIN, message: t('users.field.passwordHelp') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.field.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('users.field.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.field.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
