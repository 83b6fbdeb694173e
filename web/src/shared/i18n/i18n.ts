import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { getActiveLocale, type Locale, setActiveLocale } from './locale.ts';
import type { Messages } from './zh-CN.ts';

export const i18n = i18next.createInstance();

// The messages live in the folders that use them, and shared/ does not import the page folders:
// app/messages.ts assembles them, and each app's main.tsx hands them over before the first render
// (the web unit tests do the same in their setup file).
export function startI18n(messagesByLocale: Record<Locale, Messages>): void {
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: messagesByLocale['zh-CN'] },
      en: { translation: messagesByLocale.en },
    },
    lng: getActiveLocale(),
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
}

if (typeof document !== 'undefined') document.documentElement.lang = getActiveLocale();

export async function changeLocale(locale: Locale): Promise<void> {
  setActiveLocale(locale);
  await i18n.changeLanguage(locale);
}
