import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { AuthShell } from '../../shared/auth/AuthShell.tsx';
import { loginStaff, safeRedirectTarget, useCurrentUser, useSessionCache } from '../../shared/auth/session.api.ts';
import { describeError } from '../../shared/error-message.ts';
import { isStaffRole } from '../../shared/roles.ts';
import { formatCountdown, useCountdown } from '../../shared/use-countdown.ts';
import { useSetupStatus } from '../setup/setup.api.ts';

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
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryUntil);

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  const login = useMutation({
    mutationFn: loginStaff,
    onSuccess: (result) => {
      const { user } = result;
      if (!isStaffRole(user.role)) {
        window.location.assign('/portal');
        return;
      }
      sessionCache.signedIn(user);
      navigate(redirectTo, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 429) {
        setRetryUntil(error.retryAfterSeconds ? Date.now() + error.retryAfterSeconds * 1000 : null);
      }
    },
  });

  // Already signed in (e.g. opened /login in a second tab): go straight on.
  if (currentUser.data && isStaffRole(currentUser.data.role)) return <Navigate to={redirectTo} replace />;

  const error = login.error;
  const isRateLimited = isApiError(error) && error.status === 429;
  const isLocked = isRateLimited && secondsLeft > 0;

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
          description={
            // The server's sentence already says how long to wait; a bare 429 gets ours.
            isRateLimited && !error.problem.detail && isLocked
              ? t('auth.tryAgainIn', { seconds: secondsLeft })
              : describeError(error, t)
          }
        />
      ) : null}
      <Form<Credentials>
        layout="vertical"
        size="large"
        requiredMark={false}
        // The lock-out is per account: another username may be tried at once.
        onValuesChange={(changed: Partial<Credentials>) => {
          if (changed.username !== undefined && isRateLimited) {
            setRetryUntil(null);
            login.reset();
          }
        }}
        onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
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
          <Button type="primary" htmlType="submit" block loading={login.isPending} disabled={isLocked}>
            {isLocked ? `${t('auth.submit')} (${formatCountdown(secondsLeft)})` : t('auth.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center', fontSize: 13 }}>
        {t('auth.retailerHint')} <a href="/portal/login">{t('auth.retailerLink')}</a>
      </Typography.Paragraph>
    </AuthShell>
  );
}
