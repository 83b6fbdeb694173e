import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { PermissionsGate } from '../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';
import { useCurrentUser } from '../shared/auth/session.api.ts';
import { FullPageError } from '../shared/FullPageStatus.tsx';
import { isStaffRole } from '../shared/roles.ts';
import { PageSpinner } from './PageSpinner.tsx';

// Everything in the console needs a signed-in staff user. Anyone else goes to sign in
// (and comes back to the page they asked for); retailers go to their portal.
export function StaffSessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user, error, isPending, refetch } = useCurrentUser();
  const isRetailer = user ? !isStaffRole(user.role) : false;

  useEffect(() => {
    if (isRetailer) window.location.replace('/portal');
  }, [isRetailer]);

  if (isPending) return <PageSpinner />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const wanted = location.pathname + location.search;
    const target = wanted === '/' ? '/login' : `/login?redirect=${encodeURIComponent(wanted)}`;
    return <Navigate to={target} replace />;
  }
  if (isRetailer) return <div style={{ padding: 48, textAlign: 'center' }}>{t('auth.retailerOnly')}</div>;
  // A user still on an initial password changes it before anything else.
  if (user.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return (
    <SignedInUserProvider user={user}>
      <PermissionsGate>{children}</PermissionsGate>
    </SignedInUserProvider>
  );
}
