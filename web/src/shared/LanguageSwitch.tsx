import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale } from './i18n/i18n.ts';
import { isLocale, type Locale, locales } from './i18n/locale.ts';
import { useLocale } from './use-locale.ts';

const labelKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const;

// Header dropdown in the console; a segmented control where there is room (portal, login).
export function LanguageSwitch({ variant = 'dropdown' }: { variant?: 'dropdown' | 'segmented' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const select = (value: string) => {
    if (isLocale(value)) void changeLocale(value);
  };

  if (variant === 'segmented') {
    return (
      <Segmented<Locale>
        aria-label={t('language.label')}
        value={locale}
        onChange={select}
        options={locales.map((value) => ({ value, label: t(labelKeys[value]) }))}
      />
    );
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: locales.map((value) => ({ key: value, label: t(labelKeys[value]) })),
        onClick: ({ key }) => select(key),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={`${t('language.label')}: ${t(labelKeys[locale])}`}>
        <span className="kewo-language-label">{t(labelKeys[locale])}</span>
      </Button>
    </Dropdown>
  );
}
