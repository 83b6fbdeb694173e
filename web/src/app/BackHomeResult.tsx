import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LazyResult } from '../shared/LazyResult.tsx';

// A 403 or 404 page with a way back to the console's home page (RoutePage.tsx).
export function BackHomeResult({
  status,
  title,
  subTitle,
}: {
  status: '403' | '404';
  title: string;
  subTitle: string;
}) {
  const { t } = useTranslation();
  return (
    <LazyResult
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
