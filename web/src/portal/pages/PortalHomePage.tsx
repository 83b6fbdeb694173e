import { CommentOutlined, CustomerServiceOutlined, NotificationOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { formatLicenceNumber } from '../licence-number.ts';
import { usePortalLogout } from '../use-portal-logout.ts';

// Later modules take these places; until then they are shown as what is coming, not as links.
const upcoming = [
  { key: 'ordering', icon: <ShoppingCartOutlined /> },
  { key: 'services', icon: <CustomerServiceOutlined /> },
  { key: 'complaints', icon: <CommentOutlined /> },
  { key: 'news', icon: <NotificationOutlined /> },
] as const;

export function PortalHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const confirmLogout = usePortalLogout();

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

      <section className="portal-card">
        <h3>{t('portal.comingSoon')}</h3>
        <p className="portal-muted">{t('portal.comingSoonDescription')}</p>
        <div className="portal-upcoming">
          {upcoming.map((item) => (
            <div key={item.key} className="portal-upcoming-item" aria-disabled>
              <span className="portal-upcoming-icon">{item.icon}</span>
              <span>{t(`portal.upcoming.${item.key}`)}</span>
            </div>
          ))}
        </div>
      </section>

      <Button size="large" block className="portal-big-button" onClick={confirmLogout}>
        {t('portal.logout')}
      </Button>
    </div>
  );
}
