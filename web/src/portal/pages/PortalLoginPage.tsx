import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled.js';
import ExclamationCircleFilled from '@ant-design/icons-svg/es/asn/ExclamationCircleFilled.js';
import EyeInvisibleOutlined from '@ant-design/icons-svg/es/asn/EyeInvisibleOutlined.js';
import EyeOutlined from '@ant-design/icons-svg/es/asn/EyeOutlined.js';
import IdcardOutlined from '@ant-design/icons-svg/es/asn/IdcardOutlined.js';
import LockOutlined from '@ant-design/icons-svg/es/asn/LockOutlined.js';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginRetailer, safeRedirectTarget, useCurrentUser, useSessionCache } from '../../shared/auth/session.api.ts';
import { useSignIn } from '../../shared/auth/use-sign-in.ts';
import { describeError } from '../../shared/error-message.ts';
import { isLicenceNumber, normaliseLicenceNumber } from '../licence-number.ts';
import { PortalIcon } from '../PortalIcon.tsx';
import { PortalLanguageSwitch } from '../PortalLanguageSwitch.tsx';

type Credentials = { licenceNo: string; password: string };
type FieldErrors = Partial<Record<keyof Credentials, string>>;

// The page a store owner opens first, on a phone, often on a rural network: plain HTML and a
// small style sheet (portal.css), no antd. It looks like the antd form it replaced.
export function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectTarget(searchParams.get('redirect'), '/portal');
  const sessionCache = useSessionCache();
  const currentUser = useCurrentUser();
  const [values, setValues] = useState<Credentials>({ licenceNo: '', password: '' });
  // Shown once the form was submitted, then kept up to date as the fields change (as antd's Form).
  const [isValidated, setValidated] = useState(false);
  const [isPasswordShown, setPasswordShown] = useState(false);

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

  const fieldErrors: FieldErrors = isValidated ? validate(values, t) : {};
  const change = (field: keyof Credentials, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    login.onValuesChange({ [field]: value });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setValidated(true);
    if (Object.keys(validate(values, t)).length > 0) return;
    login.submit({ licenceNo: normaliseLicenceNumber(values.licenceNo), password: values.password });
  };
  const { error, isRateLimited } = login;

  return (
    <div className="portal-login">
      <header className="portal-login-hero">
        <div className="portal-login-language">
          <PortalLanguageSwitch />
        </div>
        <span className="portal-login-mark">客</span>
        <h1>{t('app.name')}</h1>
        <p>{t('app.portalTagline')}</p>
      </header>
      <main className="portal-login-card">
        {error ? (
          <div role="alert" className={isRateLimited ? 'portal-alert is-warning' : 'portal-alert is-error'}>
            <span className="portal-alert-icon">
              <PortalIcon icon={isRateLimited ? ExclamationCircleFilled : CloseCircleFilled} />
            </span>
            <div>
              <p className="portal-alert-title">
                {isRateLimited ? t('auth.tooManyAttempts') : describeError(error, t)}
              </p>
              {login.rateLimitDetail ? <p className="portal-alert-detail">{login.rateLimitDetail}</p> : null}
            </div>
          </div>
        ) : null}
        <form className="portal-form" noValidate onSubmit={submit}>
          <Field
            label={t('portal.licenceNo')}
            error={fieldErrors.licenceNo}
            icon={<PortalIcon icon={IdcardOutlined} />}
          >
            {(props) => (
              <input
                {...props}
                name="licenceNo"
                inputMode="numeric"
                autoComplete="username"
                placeholder={t('portal.licenceNoPlaceholder')}
                maxLength={16}
                value={values.licenceNo}
                onChange={(event) => change('licenceNo', event.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('portal.password')}
            error={fieldErrors.password}
            icon={<PortalIcon icon={LockOutlined} />}
            suffix={
              <button
                type="button"
                className="portal-input-toggle"
                aria-label={t('portal.showPassword')}
                aria-pressed={isPasswordShown}
                onClick={() => setPasswordShown((shown) => !shown)}
              >
                <PortalIcon icon={isPasswordShown ? EyeOutlined : EyeInvisibleOutlined} />
              </button>
            }
          >
            {(props) => (
              <input
                {...props}
                name="password"
                type={isPasswordShown ? 'text' : 'password'}
                autoComplete="current-password"
                value={values.password}
                onChange={(event) => change('password', event.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="portal-button is-primary is-big"
            disabled={login.isLocked}
            aria-busy={login.isPending}
          >
            {login.isPending ? <span className="portal-spinner is-small" aria-hidden /> : null}
            {login.submitLabel(t('portal.login'))}
          </button>
        </form>
        <p className="portal-login-help">{t('portal.loginHelp')}</p>
      </main>
      <footer className="portal-login-footer">
        <a href="/login">{t('portal.staffLink')}</a>
      </footer>
    </div>
  );
}

function validate(values: Credentials, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.licenceNo || !isLicenceNumber(values.licenceNo)) errors.licenceNo = t('portal.licenceNoInvalid');
  if (!values.password) errors.password = t('portal.passwordRequired');
  return errors;
}

type InputProps = { id: string; className: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

// A labelled input with its icon and, under it, what is wrong with it.
function Field({
  label,
  error,
  icon,
  suffix,
  children,
}: {
  label: string;
  error: string | undefined;
  icon: ReactNode;
  suffix?: ReactNode;
  children: (props: InputProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'portal-field has-error' : 'portal-field'}>
      <label className="portal-field-label" htmlFor={id}>
        {label}
      </label>
      <div className="portal-input">
        <span className="portal-input-prefix">{icon}</span>
        {children({
          id,
          className: 'portal-input-control',
          'aria-invalid': Boolean(error),
          'aria-describedby': error ? errorId : undefined,
        })}
        {suffix}
      </div>
      {error ? (
        <p id={errorId} className="portal-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
