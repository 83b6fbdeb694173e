import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { getActiveLocale, type Locale, setActiveLocale } from './locale.ts';
import { type Messages, zhCN } from './zh-CN.ts';

// Type-checked translation keys: t('menu.users') compiles, t('menu.nope') does not.
// (Module augmentation needs an interface.)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const messagesByLocale: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: getActiveLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = getActiveLocale();

export async function changeLocale(locale: Locale): Promise<void> {
  setActiveLocale(locale);
  await i18n.changeLanguage(locale);
}
