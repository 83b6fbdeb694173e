import { Button, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';
import { logout, useCurrentUser, useSessionCache } from '../shared/auth/session.api.ts';
import { FullPageError, FullPageSpin } from '../shared/FullPageStatus.tsx';
import { LazyResult } from '../shared/LazyResult.tsx';
import { portalPasswordPath } from './portal-routes.tsx';

// Portal pages need a signed-in retailer. A staff session (same browser) is told so.
export function PortalSessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const sessionCache = useSessionCache();
  const { data: user, error, isPending, refetch } = useCurrentUser();

  if (isPending) return <FullPageSpin />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const wanted = location.pathname + location.search;
    const target = wanted === '/portal' ? '/portal/login' : `/portal/login?redirect=${encodeURIComponent(wanted)}`;
    return <Navigate to={target} replace />;
  }
  if (user.role !== 'retailer') {
    return (
      <div className="portal-center">
        <Card>
          <LazyResult
            status="info"
            title={t('portal.notRetailer')}
            extra={
              <Flex vertical gap={12}>
                <Button type="primary" size="large" block href="/">
                  {t('portal.goToConsole')}
                </Button>
                <Button
                  size="large"
                  block
                  onClick={async () => {
                    await logout().catch(() => undefined);
                    sessionCache.signedOut();
                  }}
                >
                  {t('portal.logout')}
                </Button>
              </Flex>
            }
          />
        </Card>
      </div>
    );
  }
  // A store still on the one-time password it was given changes it before anything else.
  if (user.mustChangePassword && location.pathname !== portalPasswordPath) {
    return <Navigate to={portalPasswordPath} replace />;
  }
  return <SignedInUserProvider user={user}>{children}</SignedInUserProvider>;
}
