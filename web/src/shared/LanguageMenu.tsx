import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale } from './i18n/i18n.ts';
import { isLocale, locales } from './i18n/locale.ts';
import { languageLabelKeys } from './LanguageSwitch.tsx';
import { useLocale } from './use-locale.ts';

// LanguageSwitch's header dropdown (console). A module of its own: Dropdown brings antd's menu,
// which the sign-in pages, where the segmented control is used, need not download.
export function LanguageMenu() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: locales.map((value) => ({ key: value, label: t(languageLabelKeys[value]) })),
        onClick: ({ key }) => {
          if (isLocale(key)) void changeLocale(key);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={`${t('language.label')}: ${t(languageLabelKeys[locale])}`}
      >
        <span className="kewo-language-label">{t(languageLabelKeys[locale])}</span>
      </Button>
    </Dropdown>
  );
}
