import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../error-message.ts';
import { logout, useSessionCache } from './session.api.ts';

// Ends the session, forgets everything cached for the user and goes to `loginPath` (the sign-in
// page, a page of its own); when the server could not sign out, `error` says why for a few seconds
// and the user stays. No antd: the console's header, which signs out, downloads none.
export function useSignOut({ loginPath }: { loginPath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessionCache = useSessionCache();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(undefined), 4000);
    return () => clearTimeout(timer);
  }, [error]);
  const signOut = async () => {
    try {
      await logout();
    } catch (failure) {
      setError(describeError(failure, t));
      return;
    }
    sessionCache.signedOut();
    navigate(loginPath, { replace: true });
  };
  return { signOut, error };
}
