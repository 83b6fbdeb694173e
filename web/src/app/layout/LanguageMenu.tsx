import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../../shared/i18n/i18n.ts';
import { languageLabelKeys, locales } from '../../shared/i18n/locale.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { PopupMenu } from './PopupMenu.tsx';

// The header's language menu: 中文 or English, the current one marked.
export function LanguageMenu() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PopupMenu
      buttonClassName="kewo-header-button"
      buttonLabel={`${t('language.label')}: ${t(languageLabelKeys[locale])}`}
      button={
        <>
          <GlobalOutlined />
          <span className="kewo-language-label">{t(languageLabelKeys[locale])}</span>
        </>
      }
      items={locales.map((value) => ({
        key: value,
        label: t(languageLabelKeys[value]),
        isSelected: value === locale,
        onSelect: () => void changeLocale(value),
      }))}
    />
  );
}
