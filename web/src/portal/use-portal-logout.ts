import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../shared/auth/use-sign-out.ts';

export function usePortalLogout() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const signOut = useSignOut({ loginPath: '/portal/login' });
  return () =>
    modal.confirm({
      title: t('portal.logoutConfirm'),
      okText: t('portal.logout'),
      cancelText: t('common.cancel'),
      centered: true,
      onOk: signOut,
    });
}
