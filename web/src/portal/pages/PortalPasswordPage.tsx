import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { ChangePasswordForm } from '../../shared/ChangePasswordForm.tsx';

// A store on the one-time password its customer manager read out changes it here first.
export function PortalPasswordPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();

  return (
    <div className="portal-page">
      <section className="portal-card">
        <h3>{t('portal.changePassword')}</h3>
        {user.mustChangePassword ? (
          <Alert type="warning" showIcon title={t('portal.mustChangePassword')} style={{ marginBottom: 16 }} />
        ) : null}
        <ChangePasswordForm block />
      </section>
    </div>
  );
}
