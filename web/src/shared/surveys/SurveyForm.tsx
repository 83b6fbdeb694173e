import { useEffect, useMemo, useRef } from 'react';
import { Model, surveyLocalization } from 'survey-core';
import 'survey-core/i18n/simplified-chinese';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import { useLocale } from '../use-locale.ts';
import { registerKewoProperties } from './survey-properties.ts';
import './survey-form.css';

// A questionnaire answered through the form library (survey-core + survey-react-ui, MIT, the
// fontless theme: the page's own font). Heavy (~150 KiB gzip): load this file lazily, never with a
// first screen — `lazy(() => import('…/shared/surveys/SurveyForm.tsx').then(…))`.

export type SurveyAnswers = Record<string, unknown>;

export type SurveyFormProps = {
  // The questionnaire's SurveyJS JSON.
  definition: object;
  // Answers and page to resume from (a saved draft).
  initialData?: SurveyAnswers | null;
  initialPage?: number;
  // Each page turn: the answers so far and the page reached (0-based) — the portal saves a draft.
  onPageChange?: (data: SurveyAnswers, page: number) => void;
  // On 提交: resolves with a message when the answers were refused (the form stays open and says
  // why), or nothing when they were taken (the caller then shows its own thank-you). Without it
  // (a preview), the form ends on the library's own completed page and nothing is sent.
  onSubmit?: (data: SurveyAnswers) => Promise<string | undefined>;
  // The accent colour of buttons and chosen answers (the portal's brand red, the console's blue).
  accent?: string;
  // Shown, not answered: a submitted answer read back (all pages at once).
  readOnly?: boolean;
};

const surveyLocaleOf = (locale: string) => (locale === 'zh-CN' ? 'zh-cn' : 'en');

// Kewo's questionnaires write their texts as {default: Chinese, en: English}: the form library's
// `default` is its default locale, English unless told, so an English reader got the Chinese text.
// Chinese is the default here; English then reads the `en` texts.
surveyLocalization.defaultLocale = 'zh-cn';

export function SurveyForm({
  definition,
  initialData,
  initialPage,
  onPageChange,
  onSubmit,
  accent = '#1677ff',
  readOnly = false,
}: SurveyFormProps) {
  const locale = useLocale();
  const handlers = useRef({ onPageChange, onSubmit });
  handlers.current = { onPageChange, onSubmit };

  // One model per questionnaire: the answers live in it while the form is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the draft only seeds a new model
  const model = useMemo(() => {
    registerKewoProperties();
    const survey = new Model(definition);
    survey.showCompletePage = !handlers.current.onSubmit;
    // The page's own surface (the library's is mint) and accent.
    survey.applyTheme({
      cssVariables: { '--sjs2-color-project-brand-600': accent, '--sjs2-color-utility-surface-survey': 'transparent' },
    });
    // A 0–10 scale on a phone: buttons that wrap, not the library's fallback drop-down.
    for (const question of survey.getAllQuestions()) {
      if (question.getType() === 'rating' && question.displayMode === 'auto') question.displayMode = 'buttons';
    }
    if (initialData) survey.data = initialData;
    if (readOnly) {
      survey.mode = 'display';
      survey.questionsOnPageMode = 'singlePage';
    }
    if (initialPage && initialPage > 0 && initialPage < survey.visiblePageCount) survey.currentPageNo = initialPage;
    survey.onCurrentPageChanged.add((sender) => handlers.current.onPageChange?.(sender.data, sender.currentPageNo));
    survey.onCompleting.add(async (sender, options) => {
      const refused = await handlers.current.onSubmit?.(sender.data);
      if (refused) {
        options.allow = false;
        options.message = refused;
      }
    });
    return survey;
  }, [definition, accent, readOnly]);

  useEffect(() => {
    model.locale = surveyLocaleOf(locale);
  }, [model, locale]);

  return (
    <div className="kewo-survey" data-testid="survey-form">
      <Survey model={model} />
    </div>
  );
}
