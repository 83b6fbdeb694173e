import { RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { formatLicenceNumber } from '../licence-number.ts';
import {
  portalArticlesPath,
  portalConsumerFeedbackPath,
  portalContestsPath,
  portalCreditPath,
  portalMarginPath,
  portalPasswordPath,
  portalPriceReportPath,
  portalSurveysPath,
  portalTerminalPath,
  portalTrainingPath,
} from '../portal-routes.tsx';
import { usePortalLogout } from '../use-portal-logout.tsx';

export function PortalMinePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { confirmLogout, dialog } = usePortalLogout();

  return (
    <div className="portal-page">
      <section className="portal-profile">
        <span className="portal-profile-avatar">{user.displayName.slice(0, 1)}</span>
        <div>
          <h2>{user.displayName}</h2>
          <p className="portal-muted">{t('roles.retailer')}</p>
        </div>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('portal.account')}</h3>
        <div className="portal-list-row">
          <span>{t('portal.storeName')}</span>
          <span>{user.displayName}</span>
        </div>
        <div className="portal-list-row">
          <span>{t('portal.licence')}</span>
          <span className="portal-licence">{formatLicenceNumber(user.username)}</span>
        </div>
        <div className="portal-list-row">
          <span>{t('home.tenant')}</span>
          <span>{user.tenant.name}</span>
        </div>
        <Link className="portal-list-row" to={portalPasswordPath}>
          <span>{t('portal.changePassword')}</span>
          <RightOutlined />
        </Link>
        <div className="portal-list-row">
          <span>{t('language.label')}</span>
          <LanguageSwitch variant="segmented" />
        </div>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('creditPortal.title')}</h3>
        <Link className="portal-list-row" to={portalCreditPath}>
          <span>{t('creditPortal.title')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('terminalsPortal.section')}</h3>
        <Link className="portal-list-row" to={portalTerminalPath}>
          <span>{t('terminalsPortal.entry')}</span>
          <RightOutlined />
        </Link>
        <Link className="portal-list-row" to={portalContestsPath}>
          <span>{t('contestsPortal.list')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('pricesPortal.section')}</h3>
        <Link className="portal-list-row" to={portalPriceReportPath}>
          <span>{t('pricesPortal.report')}</span>
          <RightOutlined />
        </Link>
        <Link className="portal-list-row" to={portalMarginPath}>
          <span>{t('pricesPortal.margin')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('portalArticles.section')}</h3>
        <Link className="portal-list-row" to={portalArticlesPath}>
          <span>{t('portalArticles.entry')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('consumerFeedbackPortal.section')}</h3>
        <Link className="portal-list-row" to={portalConsumerFeedbackPath}>
          <span>{t('consumerFeedbackPortal.entry')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('trainingPortal.section')}</h3>
        <Link className="portal-list-row" to={portalTrainingPath}>
          <span>{t('trainingPortal.entry')}</span>
          <RightOutlined />
        </Link>
      </section>

      <section className="portal-card portal-list">
        <h3>{t('portalSurveys.section')}</h3>
        <Link className="portal-list-row" to={portalSurveysPath}>
          <span>{t('portalSurveys.list')}</span>
          <RightOutlined />
        </Link>
      </section>

      <Button size="large" danger block className="portal-big-button" onClick={confirmLogout}>
        {t('portal.logout')}
      </Button>
      {dialog}
    </div>
  );
}
