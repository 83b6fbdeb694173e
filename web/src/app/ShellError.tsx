import { useTranslation } from 'react-i18next';
import { describeError } from '../shared/error-message.ts';
import { useRemoveFirstScreen } from './first-screen.ts';

// The signed-in shell's failed state (the session or the permissions could not be read), drawn as
// antd's Result was, in plain markup: it shows before any antd is downloaded (console.css).
export function ShellError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  useRemoveFirstScreen();
  return (
    <section className="kewo-shell-error" role="alert">
      <h2>{t('errors.loadFailed')}</h2>
      <p>{describeError(error, t)}</p>
      {onRetry ? (
        <button type="button" className="kewo-primary-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </section>
  );
}
