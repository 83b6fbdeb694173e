import { useTranslation } from 'react-i18next';
import { describeError } from '../shared/error-message.ts';

// The portal's waiting and failed states, without antd (shared/FullPageStatus.tsx brings it):
// they show before the sign-in page and the home.
export function PortalSpinner() {
  const { t } = useTranslation();
  return (
    <div className="portal-spinner-page">
      <span className="portal-spinner" role="status" aria-label={t('portal.loading')} />
    </div>
  );
}

export function PortalError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="portal-center">
      <section className="portal-card portal-status" role="alert">
        <h2>{t('errors.loadFailed')}</h2>
        <p className="portal-muted">{describeError(error, t)}</p>
        {onRetry ? (
          <button type="button" className="portal-button is-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
