import { type ReactNode, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { PermissionsGate } from '../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';
import { useCurrentUser } from '../shared/auth/session.api.ts';
import { isStaffRole } from '../shared/roles.ts';
import { PageSpinner } from './PageSpinner.tsx';
import { ShellError } from './ShellError.tsx';

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
  if (error) return <ShellError error={error} onRetry={() => void refetch()} />;
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
      <PermissionsGate
        pending={<PageSpinner />}
        renderError={(failure, retry) => <ShellError error={failure} onRetry={retry} />}
      >
        <InSlices pending={<PageSpinner />}>{children}</InSlices>
      </PermissionsGate>
    </SignedInUserProvider>
  );
}

// The signed-in shell's first render is the first screen's longest piece of work: rendered as a
// deferred value it is done in slices (React yields to the browser every few milliseconds)
// rather than in one long task that keeps a phone from answering a tap (the total blocking time
// of bench/lighthouse.ts). Once shown it stays: later renders are the usual ones.
function InSlices({ children, pending }: { children: ReactNode; pending: ReactNode }) {
  const isShown = useDeferredValue(true, false);
  return isShown ? children : pending;
}
