import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AuthShell } from '../../shared/auth/AuthShell.tsx';
import { loginStaff, safeRedirectTarget, useCurrentUser, useSessionCache } from '../../shared/auth/session.api.ts';
import { useSignIn } from '../../shared/auth/use-sign-in.ts';
import { describeError } from '../../shared/error-message.ts';
import { isStaffRole } from '../../shared/roles.ts';
import { useSetupStatus } from '../../shared/setup-status.ts';

type Credentials = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const isSetupDone = (location.state as { setupDone?: boolean } | null)?.setupDone === true;
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectTarget(searchParams.get('redirect'), '/');
  const sessionCache = useSessionCache();
  const currentUser = useCurrentUser();
  const setupStatus = useSetupStatus();

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  const login = useSignIn({
    signIn: loginStaff,
    onSignedIn: (user) => {
      if (!isStaffRole(user.role)) {
        window.location.assign('/portal');
        return;
      }
      sessionCache.signedIn(user);
      navigate(redirectTo, { replace: true });
    },
    accountField: 'username',
  });

  // Already signed in (e.g. opened /login in a second tab): go straight on.
  if (currentUser.data && isStaffRole(currentUser.data.role)) return <Navigate to={redirectTo} replace />;

  const { error, isRateLimited } = login;

  return (
    <AuthShell title={t('auth.title')} subtitle={t('auth.subtitle')}>
      {isSetupDone && !error ? (
        <Alert type="success" showIcon style={{ marginBottom: 20 }} title={t('setup.done')} />
      ) : null}
      {setupStatus.data?.needed ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 20 }}
          title={t('auth.setupNeeded')}
          action={
            <Link to="/setup">
              <Button size="small" type="primary">
                {t('auth.setupLink')}
              </Button>
            </Link>
          }
        />
      ) : null}
      {error ? (
        <Alert
          role="alert"
          type={isRateLimited ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 20 }}
          title={isRateLimited ? t('auth.tooManyAttempts') : t('auth.failed')}
          description={login.rateLimitDetail ?? describeError(error, t)}
        />
      ) : null}
      <Form<Credentials>
        layout="vertical"
        size="large"
        requiredMark={false}
        onValuesChange={login.onValuesChange}
        onFinish={(values) => login.submit({ username: values.username.trim(), password: values.password })}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending} disabled={login.isLocked}>
            {login.submitLabel(t('auth.submit'))}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center', fontSize: 13 }}>
        {t('auth.retailerHint')} <a href="/portal/login">{t('auth.retailerLink')}</a>
      </Typography.Paragraph>
    </AuthShell>
  );
}
