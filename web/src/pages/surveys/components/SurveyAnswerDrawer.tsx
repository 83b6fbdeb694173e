import { App, Drawer, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api-client.ts';
import { describeError } from '../../../shared/error-message.ts';
import type { SurveyAnswers } from '../../../shared/surveys/SurveyForm.tsx';
import { type CustomerOpenSurvey, useAnswerForStore } from '../customer-surveys.api.ts';

// The form library comes when a drawer first opens, not with the visit form or the 360° view.
const SurveyForm = lazy(() =>
  import('../../../shared/surveys/SurveyForm.tsx').then((module) => ({ default: module.SurveyForm })),
);

// A customer manager answering a questionnaire for the store, in a drawer (the visit form, the
// 360° view): sent with channel 'visit'. Refused answers keep the drawer open and say why; a
// store that has answered meanwhile closes it.
export function SurveyAnswerDrawer({
  customerId,
  survey,
  onClose,
}: {
  customerId: number;
  survey: CustomerOpenSurvey | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerForStore(survey?.waveId ?? '');

  const onSubmit = async (data: SurveyAnswers): Promise<string | undefined> => {
    try {
      await answer.mutateAsync({ customerId, data });
      void message.success(t('surveysCustomer.submitted'));
      onClose();
      return undefined;
    } catch (error) {
      if (isApiError(error) && error.code === 'ALREADY_ANSWERED') {
        void message.info(t('surveysCustomer.alreadyAnswered'));
        onClose();
        return undefined;
      }
      return describeError(error, t);
    }
  };

  return (
    <Drawer
      open={Boolean(survey)}
      onClose={onClose}
      title={survey ? t('surveysCustomer.drawerTitle', { title: survey.title }) : null}
      size={720}
      destroyOnHidden
      // A manager in the store answers on a phone: the drawer takes the whole screen there.
      styles={{ wrapper: { maxWidth: '100vw' }, body: { padding: 0 } }}
    >
      {survey ? (
        <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
          <SurveyForm key={survey.waveId} definition={survey.survey} onSubmit={onSubmit} />
        </Suspense>
      ) : null}
    </Drawer>
  );
}
