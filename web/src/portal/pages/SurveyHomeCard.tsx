import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalSurveyPath, portalSurveysPath } from '../portal-routes.tsx';
import { openSurveys, usePortalSurveys } from './surveys.api.ts';
import './surveys.css';

// On the portal's home: the questionnaire the store has still to answer (the soonest closing), a
// link to answer it, and how many more wait. Plain HTML like the home; nothing when none is open
// (or the list cannot be read: the home is not the place for that error).
export function SurveyHomeCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const { mustChangePassword } = useSignedInUser();
  const surveys = usePortalSurveys({ enabled: !mustChangePassword });
  const open = openSurveys(surveys.data?.items ?? []);
  const [first] = open;
  if (!first) return null;

  return (
    <section className="portal-card portal-survey-card" data-testid="portal-survey-card">
      <p className="portal-survey-card-kicker">{t('portalSurveys.homeTitle')}</p>
      <h3>{first.title}</h3>
      <p className="portal-muted">{t('portalSurveys.closesOn', { date: format.day(first.closesOn) })}</p>
      <Link className="portal-button is-primary" to={portalSurveyPath(first.waveId)}>
        {t('portalSurveys.homeAction')}
      </Link>
      {open.length > 1 ? (
        <Link className="portal-survey-card-more" to={portalSurveysPath}>
          {t('portalSurveys.homeMore', { count: open.length - 1 })}
        </Link>
      ) : null}
    </section>
  );
}
