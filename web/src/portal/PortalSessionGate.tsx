import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';
import { logout, useCurrentUser, useSessionCache } from '../shared/auth/session.api.ts';
import { PortalError, PortalSpinner } from './PortalStatus.tsx';
import { portalPasswordPath } from './portal-routes.tsx';

// Portal pages need a signed-in retailer. A staff session (same browser) is told so.
export function PortalSessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const sessionCache = useSessionCache();
  const { data: user, error, isPending, refetch } = useCurrentUser();

  if (isPending) return <PortalSpinner />;
  if (error) return <PortalError error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const wanted = location.pathname + location.search;
    const target = wanted === '/portal' ? '/portal/login' : `/portal/login?redirect=${encodeURIComponent(wanted)}`;
    return <Navigate to={target} replace />;
  }
  if (user.role !== 'retailer') {
    return (
      <div className="portal-center">
        <section className="portal-card portal-status">
          <h2>{t('portal.notRetailer')}</h2>
          <a className="portal-button is-primary is-big" href="/">
            {t('portal.goToConsole')}
          </a>
          <button
            type="button"
            className="portal-button is-big"
            onClick={async () => {
              await logout().catch(() => undefined);
              sessionCache.signedOut();
            }}
          >
            {t('portal.logout')}
          </button>
        </section>
      </div>
    );
  }
  // A store still on the one-time password it was given changes it before anything else.
  if (user.mustChangePassword && location.pathname !== portalPasswordPath) {
    return <Navigate to={portalPasswordPath} replace />;
  }
  return <SignedInUserProvider user={user}>{children}</SignedInUserProvider>;
}
