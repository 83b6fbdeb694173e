import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { formatLicenceNumber } from '../licence-number.ts';
import { portalPriceReportPath } from '../portal-routes.tsx';
import { usePortalLogout } from '../use-portal-logout.tsx';
import { CreditHomeCard } from './CreditHomeCard.tsx';
import { SurveyHomeCard } from './SurveyHomeCard.tsx';

// 资讯's card comes after the home's first paint, in a chunk of its own.
const NewsHomeCard = lazy(() => import('./NewsHomeCard.tsx').then((module) => ({ default: module.NewsHomeCard })));

// The first page a signed-in store owner sees: plain HTML, like the sign-in page (no antd).
export function PortalHomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { confirmLogout, dialog } = usePortalLogout();
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

      <Suspense fallback={null}>
        <NewsHomeCard />
      </Suspense>
      <CreditHomeCard />
      <SurveyHomeCard />

      <button type="button" className="portal-button is-primary is-big" onClick={() => navigate('/portal/order')}>
        {t('portal.goOrder')}
      </button>
      <button type="button" className="portal-button is-big" onClick={() => navigate('/portal/orders')}>
        {t('portal.goOrders')}
      </button>
      <button type="button" className="portal-button is-big" onClick={() => navigate(portalPriceReportPath)}>
        {t('portal.goReportPrice')}
      </button>
      <button type="button" className="portal-button is-big" onClick={confirmLogout}>
        {t('portal.logout')}
      </button>
      {dialog}
    </div>
  );
}
