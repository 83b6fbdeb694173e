import { Alert, Spin } from 'antd';
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyJson } from '../surveys.api.ts';

// The form library (survey-core + survey-react-ui, ~150 KiB gzip) is fetched when a preview is
// first shown, never with the questionnaire list.
const SurveyForm = lazy(() =>
  import('../../../shared/surveys/SurveyForm.tsx').then((module) => ({ default: module.SurveyForm })),
);

// A questionnaire the form library cannot load says so instead of taking the page down.
class PreviewBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

// 预览: the questionnaire as a respondent sees it (answers are not sent anywhere).
export function SurveyPreview({ definition, version }: { definition: SurveyJson; version: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid="survey-preview">
      <PreviewBoundary
        key={version}
        fallback={(error) => (
          <Alert type="warning" showIcon title={t('surveys.editor.previewInvalid', { message: error.message })} />
        )}
      >
        <Suspense
          fallback={<Spin description={t('surveys.editor.previewLoading')}>{<div style={{ height: 200 }} />}</Spin>}
        >
          <SurveyForm definition={definition} onSubmit={async () => t('surveys.editor.previewOnly')} />
        </Suspense>
      </PreviewBoundary>
    </div>
  );
}
