import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale } from './i18n/i18n.ts';
import { isLocale, type Locale, locales } from './i18n/locale.ts';
import { useLocale } from './use-locale.ts';

export const languageLabelKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const;

const LanguageMenu = lazy(() => import('./LanguageMenu.tsx').then((module) => ({ default: module.LanguageMenu })));

// Header dropdown in the console; a segmented control where there is room (portal, login).
export function LanguageSwitch({ variant = 'dropdown' }: { variant?: 'dropdown' | 'segmented' }) {
  const { t } = useTranslation();
  const locale = useLocale();

  if (variant === 'dropdown') {
    return (
      <Suspense fallback={null}>
        <LanguageMenu />
      </Suspense>
    );
  }
  return (
    <Segmented<Locale>
      aria-label={t('language.label')}
      value={locale}
      onChange={(value: string) => {
        if (isLocale(value)) void changeLocale(value);
      }}
      options={locales.map((value) => ({ value, label: t(languageLabelKeys[value]) }))}
    />
  );
}
