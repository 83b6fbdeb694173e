import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale } from './i18n/i18n.ts';
import { isLocale, type Locale, languageLabelKeys, locales } from './i18n/locale.ts';
import { useLocale } from './use-locale.ts';

export { languageLabelKeys };

// A segmented control, where there is room (the sign-in shell, the portal's 我的). The console's
// header has a menu of its own, without antd (app/layout/LanguageMenu.tsx).
export function LanguageSwitch(_props: { variant?: 'segmented' }) {
  const { t } = useTranslation();
  const locale = useLocale();
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
