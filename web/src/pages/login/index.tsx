import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AuthShell } from '../../shared/auth/AuthShell.tsx';
import { loginStaff, safeRedirectTarget, useCurrentUser, useSessionCache } from '../../shared/auth/session.api.ts';
import { useSignIn } from '../../shared/auth/use-sign-in.ts';
import { describeError } from '../../shared/error-message.ts';
import { isStaffRole } from '../../shared/roles.ts';
import { useSetupStatus } from '../../shared/setup-status.ts';
import './login.css';

type Credentials = { username: string; password: string };
type FieldErrors = Partial<Record<keyof Credentials, string>>;

// antd's Input, Button and Alert, but not its Form: Form and its validator are ~20 KiB gzip of the
// console's first screen (scripts/bundle-budget.ts), for two required fields.

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

  const [values, setValues] = useState<Credentials>({ username: '', password: '' });
  // Shown once the form was submitted, then kept up to date as the fields change (as antd's Form).
  const [isValidated, setValidated] = useState(false);

  // Already signed in (e.g. opened /login in a second tab): go straight on.
  if (currentUser.data && isStaffRole(currentUser.data.role)) return <Navigate to={redirectTo} replace />;

  const validate = (credentials: Credentials): FieldErrors => ({
    ...(credentials.username.trim() ? {} : { username: t('auth.usernameRequired') }),
    ...(credentials.password ? {} : { password: t('auth.passwordRequired') }),
  });
  const fieldErrors = isValidated ? validate(values) : {};
  const change = (field: keyof Credentials, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    login.onValuesChange({ [field]: value });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setValidated(true);
    if (Object.keys(validate(values)).length > 0) return;
    login.submit({ username: values.username.trim(), password: values.password });
  };

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
      <form className="kewo-login-form" noValidate onSubmit={submit}>
        <Field label={t('auth.username')} error={fieldErrors.username}>
          {(props) => (
            <Input
              {...props}
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              value={values.username}
              onChange={(event) => change('username', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={fieldErrors.password}>
          {(props) => (
            <Input.Password
              {...props}
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              value={values.password}
              onChange={(event) => change('password', event.target.value)}
            />
          )}
        </Field>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={login.isPending}
          disabled={login.isLocked}
          style={{ marginBottom: 12 }}
        >
          {login.submitLabel(t('auth.submit'))}
        </Button>
      </form>
      <p className="kewo-login-hint">
        {t('auth.retailerHint')} <a href="/portal/login">{t('auth.retailerLink')}</a>
      </p>
    </AuthShell>
  );
}

type FieldProps = { id: string; status?: 'error'; 'aria-invalid': boolean; 'aria-describedby'?: string };

// A labelled field as antd's vertical Form.Item draws it: the label above, what is wrong below.
function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="kewo-login-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        status: error ? 'error' : undefined,
        'aria-invalid': Boolean(error),
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <div id={errorId} className="kewo-login-field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
