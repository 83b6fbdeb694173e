import { RightOutlined } from '@ant-design/icons';
import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalSurveyPath } from '../portal-routes.tsx';
import { SurveysHead } from './SurveysHead.tsx';
import { type PortalSurveyItem, usePortalSurveys } from './surveys.api.ts';
import './surveys.css';

type ItemState = keyof ReturnType<typeof stateColours>;
const stateColours = () => ({ todo: 'red', answered: 'green', closed: 'default' }) as const;

export function surveyStateOf(item: PortalSurveyItem): ItemState {
  if (item.answered) return 'answered';
  return item.status === 'open' ? 'todo' : 'closed';
}

// 我的问卷: the questionnaires sent to the store — those to answer first (soonest closing), then
// the answered and closed ones. Each opens the questionnaire (or says why it can't be answered).
export function SurveyListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const surveys = usePortalSurveys();
  if (surveys.isPending) return <FullPageSpin />;
  if (surveys.error) return <FullPageError error={surveys.error} onRetry={() => void surveys.refetch()} />;
  const rank = { todo: 0, answered: 1, closed: 2 } as const;
  const items = [...surveys.data.items].sort(
    (a, b) => rank[surveyStateOf(a)] - rank[surveyStateOf(b)] || a.closesOn.localeCompare(b.closesOn),
  );
  const colours = stateColours();

  return (
    <div className="portal-page">
      <SurveysHead title={t('portalSurveys.list')} back="/portal/mine" />
      {items.length === 0 ? (
        <section className="portal-card">
          <Empty description={t('portalSurveys.empty')} />
        </section>
      ) : (
        <section className="portal-card portal-list">
          {items.map((item) => {
            const state = surveyStateOf(item);
            return (
              <Link
                key={item.waveId}
                className="portal-list-row portal-survey-row"
                to={portalSurveyPath(item.waveId)}
                data-testid="portal-survey-row"
              >
                <span className="portal-survey-row-text">
                  <span className="portal-survey-row-title">{item.title}</span>
                  <span className="portal-muted">
                    {t('portalSurveys.closesOn', { date: format.day(item.closesOn) })}
                  </span>
                </span>
                <Tag color={colours[state]}>{t(`portalSurveys.status.${state}`)}</Tag>
                <RightOutlined />
              </Link>
            );
          })}
        </section>
      )}
    </div>
  );
}
