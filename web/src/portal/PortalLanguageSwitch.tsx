import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../shared/i18n/i18n.ts';
import { locales } from '../shared/i18n/locale.ts';
import { useLocale } from '../shared/use-locale.ts';

const labelKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const;

// 中文 | English on the portal's app bar and sign-in page: two radio buttons drawn as antd's
// Segmented (which is radio inputs too), so the first screen needs no antd.
export function PortalLanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useId();
  return (
    <div className="portal-segmented" role="radiogroup" aria-label={t('language.label')}>
      {locales.map((value) => (
        <label key={value} className={value === locale ? 'portal-segmented-item is-selected' : 'portal-segmented-item'}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={value === locale}
            onChange={() => void changeLocale(value)}
          />
          {t(labelKeys[value])}
        </label>
      ))}
    </div>
  );
}
