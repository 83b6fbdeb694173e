import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { levelColour } from '../../shared/credit-levels.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { portalCreditPath } from '../portal-routes.tsx';
import { usePortalCredit } from './credit-query.ts';
import './credit-home.css';

// On the portal's home: the store's credit level and score in force, and a link to 我的信用. Plain
// HTML like the home, and little of it (the home's budget); nothing before the store has a
// published level (or when it cannot be read: the home is not the place for that error).
export function CreditHomeCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const { mustChangePassword } = useSignedInUser();
  const credit = usePortalCredit({ enabled: !mustChangePassword });
  const data = credit.data;
  if (!data || data.level === null || data.score === null) return null;
  const score = format.number(data.score, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <Link className="portal-card portal-credit-card" to={portalCreditPath} data-testid="portal-credit-card">
      <span className="portal-credit-badge" style={{ background: levelColour(data.level) }}>
        {data.level}
      </span>
      <span className="portal-credit-card-text">
        <b>{t('portalCredit.homeTitle')}</b>
        <span className="portal-muted">
          {t('portalCredit.homeLevel', { level: data.level })} · {t('portalCredit.homeScore', { score })}
          {data.appeal?.status === 'open' ? ` · ${t('portalCredit.homeAppeal')}` : ''}
        </span>
      </span>
      <span className="portal-credit-card-action">{t('portalCredit.homeAction')} ›</span>
    </Link>
  );
}
