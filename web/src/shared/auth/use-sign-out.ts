import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../error-message.ts';
import { logout, useSessionCache } from './session.api.ts';

// Ends the session, forgets everything cached for the user and goes to `loginPath`;
// when the server could not sign out, says why and stays.
export function useSignOut({ loginPath, successMessage }: { loginPath: string; successMessage?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sessionCache = useSessionCache();
  return async () => {
    try {
      await logout();
    } catch (error) {
      message.error(describeError(error, t));
      return;
    }
    sessionCache.signedOut();
    if (successMessage) message.success(successMessage);
    navigate(loginPath, { replace: true });
  };
}
