import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { formatLicenceNumber } from '../licence-number.ts';
import { usePortalLogout } from '../use-portal-logout.ts';

export function PortalHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const confirmLogout = usePortalLogout();
  const navigate = useNavigate();

  return (
    <div className="portal-page">
      <section className="portal-hero-card">
        <p className="portal-hero-welcome">{t('portal.welcome')}</p>
        <h2 className="portal-hero-store">{user.displayName}</h2>
        <dl className="portal-hero-facts">
          <div>
            <dt>{t('portal.licence')}</dt>
            <dd className="portal-licence">{formatLicenceNumber(user.username)}</dd>
          </div>
          <div>
            <dt>{t('home.tenant')}</dt>
            <dd>{user.tenant.name}</dd>
          </div>
        </dl>
      </section>

      <Button type="primary" size="large" block className="portal-big-button" onClick={() => navigate('/portal/order')}>
        {t('portal.goOrder')}
      </Button>
      <Button size="large" block className="portal-big-button" onClick={() => navigate('/portal/orders')}>
        {t('portal.goOrders')}
      </Button>
      <Button size="large" block className="portal-big-button" onClick={confirmLogout}>
        {t('portal.logout')}
      </Button>
    </div>
  );
}
