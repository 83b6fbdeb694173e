import { Alert, App, Button } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { LazyResult } from '../../shared/LazyResult.tsx';
import type { SurveyAnswers } from '../../shared/surveys/SurveyForm.tsx';
import { portalSurveysPath } from '../portal-routes.tsx';
import { SurveysHead } from './SurveysHead.tsx';
import { usePortalSurvey, useSaveSurveyDraft, useSubmitSurvey } from './surveys.api.ts';
import './surveys.css';

// The form library (~150 KiB gzip) comes with this page only, after the questionnaire has loaded.
const SurveyForm = lazy(() =>
  import('../../shared/surveys/SurveyForm.tsx').then((module) => ({ default: module.SurveyForm })),
);

export type SurveyOutcome = 'thanks' | 'answered' | 'closed' | 'notFound';

// What a refused or failed request means for the store: answered already, the wave closed, a
// questionnaire not sent to it — or nothing final (undefined: say why and let it try again).
export function outcomeOfError(error: unknown): SurveyOutcome | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'ALREADY_ANSWERED') return 'answered';
  if (error.status === 404 || error.status === 403) return 'notFound';
  if (error.status === 409) return 'closed';
  return undefined;
}

const portalBrand = '#b8232f';

// Answering a questionnaire on a phone: the questions page by page (SurveyJS), the answers saved
// at each page turn so the store can stop and come back, then 提交 → thank you. A questionnaire
// already answered, a closed wave or one not sent to the store says so instead.
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { waveId = '' } = useParams();
  const survey = usePortalSurvey(waveId);
  const saveDraft = useSaveSurveyDraft(waveId);
  const submit = useSubmitSurvey(waveId);
  const [outcome, setOutcome] = useState<SurveyOutcome>();
  const [outcomeDetail, setOutcomeDetail] = useState<string>();
  const warnedDraft = useRef(false);

  const loadOutcome = survey.error ? outcomeOfError(survey.error) : undefined;
  if (survey.isPending) return <FullPageSpin />;
  if (survey.error && !loadOutcome) return <FullPageError error={survey.error} onRetry={() => void survey.refetch()} />;
  const data = survey.data;
  const shown: SurveyOutcome | undefined =
    outcome ??
    loadOutcome ??
    (data?.answered
      ? 'answered'
      : data?.status === 'closed'
        ? 'closed'
        : data?.status !== 'open'
          ? 'notFound'
          : undefined);

  if (shown || !data) {
    const key = shown ?? 'notFound';
    return (
      <div className="portal-page">
        <SurveysHead title={data?.title ?? t('portalSurveys.title')} back={portalSurveysPath} />
        <section className="portal-card" data-testid={`portal-survey-${key}`}>
          <LazyResult
            status={key === 'thanks' || key === 'answered' ? 'success' : key === 'closed' ? 'info' : 'warning'}
            title={t(`portalSurveys.${key}Title`)}
            subTitle={outcomeDetail && key !== 'thanks' ? outcomeDetail : t(`portalSurveys.${key}Detail`)}
            extra={[
              <Button key="home" type="primary" size="large" onClick={() => navigate('/portal')}>
                {t('portal.tabs.home')}
              </Button>,
              <Button key="list" size="large" onClick={() => navigate(portalSurveysPath)}>
                {t('portalSurveys.backToList')}
              </Button>,
            ]}
          />
        </section>
        {key === 'answered' && data?.response ? (
          <section className="portal-card portal-survey-form" data-testid="portal-survey-my-answers">
            <h3 className="portal-survey-my-answers-title">{t('portalSurveys.myAnswers')}</h3>
            <Suspense fallback={<FullPageSpin />}>
              <SurveyForm definition={data.survey} initialData={data.response.data} readOnly accent={portalBrand} />
            </Suspense>
          </section>
        ) : null}
      </div>
    );
  }

  const onPageChange = (answers: SurveyAnswers, page: number) => {
    saveDraft.mutate(
      { data: answers, page },
      {
        onError: () => {
          if (warnedDraft.current) return;
          warnedDraft.current = true;
          void message.warning(t('portalSurveys.draftFailed'));
        },
      },
    );
  };

  const onSubmit = async (answers: SurveyAnswers): Promise<string | undefined> => {
    try {
      await submit.mutateAsync(answers);
      setOutcome('thanks');
      return undefined;
    } catch (error) {
      const final = outcomeOfError(error);
      if (!final) return describeError(error, t);
      setOutcomeDetail(final === 'answered' ? undefined : describeError(error, t));
      setOutcome(final);
      return undefined;
    }
  };

  return (
    <div className="portal-page">
      <SurveysHead title={data.title} back={portalSurveysPath} />
      {data.draft ? (
        <Alert type="info" showIcon title={t('portalSurveys.resumed')} data-testid="portal-survey-resumed" />
      ) : null}
      <section className="portal-card portal-survey-form">
        <Suspense fallback={<FullPageSpin />}>
          <SurveyForm
            definition={data.survey}
            initialData={data.draft?.data}
            initialPage={data.draft?.page}
            onPageChange={onPageChange}
            onSubmit={onSubmit}
            accent={portalBrand}
          />
        </Suspense>
      </section>
    </div>
  );
}
