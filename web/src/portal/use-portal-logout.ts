import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useSessionCache } from '../shared/auth/session.api.ts';
import { describeError } from '../shared/error-message.ts';

export function usePortalLogout() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const sessionCache = useSessionCache();
  return () =>
    modal.confirm({
      title: t('portal.logoutConfirm'),
      okText: t('portal.logout'),
      cancelText: t('common.cancel'),
      centered: true,
      onOk: async () => {
        try {
          await logout();
        } catch (error) {
          message.error(describeError(error, t));
          return;
        }
        sessionCache.signedOut();
        navigate('/portal/login', { replace: true });
      },
    });
}
