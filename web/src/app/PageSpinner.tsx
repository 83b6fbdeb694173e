import { useTranslation } from 'react-i18next';

// What shows while a page's chunk or the session loads: a CSS ring rather than antd's Spin, which
// the first screen would otherwise download for the moment before the page.
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="kewo-page-spinner">
      <span role="status" aria-label={t('layout.loading')} />
    </div>
  );
}
