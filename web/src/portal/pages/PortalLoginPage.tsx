import { IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginRetailer, safeRedirectTarget, useCurrentUser, useSessionCache } from '../../shared/auth/session.api.ts';
import { useSignIn } from '../../shared/auth/use-sign-in.ts';
import { describeError } from '../../shared/error-message.ts';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { isLicenceNumber, normaliseLicenceNumber } from '../licence-number.ts';

type Credentials = { licenceNo: string; password: string };

export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectTarget(searchParams.get('redirect'), '/portal');
  const sessionCache = useSessionCache();
  const currentUser = useCurrentUser();

  useEffect(() => {
    document.title = `${t('portal.login')} · ${t('portal.title')}`;
  }, [t]);

  const login = useSignIn({
    signIn: loginRetailer,
    onSignedIn: (user) => {
      sessionCache.signedIn(user);
      navigate(redirectTo.startsWith('/portal') ? redirectTo : '/portal', { replace: true });
    },
    accountField: 'licenceNo',
  });

  if (currentUser.data?.role === 'retailer') return <Navigate to={redirectTo} replace />;

  const { error, isRateLimited } = login;

  return (
    <div className="portal-login">
      <header className="portal-login-hero">
        <div className="portal-login-language">
          <LanguageSwitch variant="segmented" />
        </div>
        <span className="portal-login-mark">客</span>
        <h1>{t('app.name')}</h1>
        <p>{t('app.portalTagline')}</p>
      </header>
      <main className="portal-login-card">
        {error ? (
          <Alert
            role="alert"
            type={isRateLimited ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 20 }}
            title={isRateLimited ? t('auth.tooManyAttempts') : describeError(error, t)}
            description={login.rateLimitDetail}
          />
        ) : null}
        <Form<Credentials>
          layout="vertical"
          size="large"
          requiredMark={false}
          onValuesChange={login.onValuesChange}
          onFinish={(values) =>
            login.submit({ licenceNo: normaliseLicenceNumber(values.licenceNo), password: values.password })
          }
        >
          <Form.Item
            name="licenceNo"
            label={t('portal.licenceNo')}
            rules={[
              {
                validator: (_rule, value: string | undefined) =>
                  value && isLicenceNumber(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('portal.licenceNoInvalid'))),
              },
            ]}
          >
            <Input
              prefix={<IdcardOutlined />}
              inputMode="numeric"
              autoComplete="username"
              placeholder={t('portal.licenceNoPlaceholder')}
              maxLength={16}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('portal.password')}
            rules={[{ required: true, message: t('portal.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={login.isPending}
            disabled={login.isLocked}
            className="portal-big-button"
          >
            {login.submitLabel(t('portal.login'))}
          </Button>
        </Form>
        <p className="portal-login-help">{t('portal.loginHelp')}</p>
      </main>
      <footer className="portal-login-footer">
        <a href="/login">{t('portal.staffLink')}</a>
      </footer>
    </div>
  );
}
