import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { login, meKey, useMeta } from '../../api/auth';
import { isApiError } from '../../api/problem';
import { LanguageSwitch } from '../../components/language-switch';
import { useDocumentTitle } from '../../lib/use-document-title';
import { applyIssuesToForm } from '../../lib/use-notify-error';
import { DemoAccounts } from './demo-accounts';
import { LoginHero } from './login-hero';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths are allowed as a post-login destination. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const meta = useMeta();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('auth.submit'));

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await login(username.trim(), password);
      queryClient.setQueryData(meKey, result.user);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      const leftover = isApiError(e) ? applyIssuesToForm(form, e.issues) : [];
      const issues = leftover.map((i) => i.message).join(' ');
      setError(isApiError(e) ? [e.message, issues].filter(Boolean).join(' ') : t('errors.unknown'));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <LoginHero />
      <div className="login-panel">
        <Flex justify="flex-end" style={{ marginBottom: 24 }}>
          <LanguageSwitch type="default" />
        </Flex>
        <div style={{ width: '100%', maxWidth: 360, margin: '0 auto' }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('auth.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('common.appTagline')}</Typography.Paragraph>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : null}
          <Form<Credentials>
            form={form}
            layout="vertical"
            size="large"
            onFinish={submit}
            requiredMark={false}
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center' }}>
            {t('track.links.consumer')}{' '}
            <Link to="/portal/track" data-testid="login-to-track">
              {t('track.links.track')}
            </Link>
            {' · '}
            <Link to="/portal/return" data-testid="login-to-return">
              {t('track.links.return')}
            </Link>
          </Typography.Paragraph>
          {meta.data?.demo && meta.data.demoUsers?.length ? (
            <DemoAccounts
              users={meta.data.demoUsers}
              onPick={(u) => {
                form.setFieldsValue({ username: u.username, password: u.password });
                setError(null);
              }}
            />
          ) : null}
          {meta.data?.version ? (
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: 32, fontSize: 12, textAlign: 'center' }}
            >
              {t('common.appName')} · {t('auth.version', { version: meta.data.version })}
            </Typography.Paragraph>
          ) : null}
        </div>
      </div>
    </div>
  );
}
