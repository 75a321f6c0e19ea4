import { Alert, App, Button, Card, Flex, Form, type FormRule, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { useNotifyError } from '../../lib/use-notify-error';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The server's policy (org.weak_password): 8–200 characters with both letters and digits. */
export const isStrongPassword = (password: string): boolean =>
  password.length >= 8 && password.length <= 200 && /[A-Za-z]/.test(password) && /\d/.test(password);

/** /account/password — any signed-in user; the only page open while IT's reset is pending. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const notifyError = useNotifyError();
  const { message } = App.useApp();

  const policy: FormRule = {
    validator: (_, value: string | undefined) =>
      !value || isStrongPassword(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('account.passwordPolicy'))),
  };

  const matches: FormRule = ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      !value || value === getFieldValue('newPassword')
        ? Promise.resolve()
        : Promise.reject(new Error(t('account.passwordMismatch'))),
  });

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('account.passwordChanged'));
          navigate('/', { replace: true });
        },
        onError: (error) => notifyError(error, form),
      },
    );

  return (
    <>
      <PageHeader title={t('account.passwordTitle')} subtitle={t('account.passwordSubtitle')} />
      <Card style={{ maxWidth: 480 }}>
        {me.mustChangePassword ? (
          <Alert
            type="info"
            showIcon
            title={t('account.mustChangeTitle')}
            description={t('account.mustChangeText')}
            style={{ marginBottom: 24 }}
            data-testid="password-must-change"
          />
        ) : null}
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('account.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={t('account.passwordPolicy')}
            rules={[{ required: true, message: t('account.newRequired') }, policy]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[{ required: true, message: t('account.confirmRequired') }, matches]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            {me.mustChangePassword ? null : (
              <Button onClick={() => navigate('/')}>{t('common.cancel')}</Button>
            )}
            <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
              {t('account.passwordSubmit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
