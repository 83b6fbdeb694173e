import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from './error-message.ts';
import { LazyResult } from './LazyResult.tsx';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <LazyResult
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={describeError(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
