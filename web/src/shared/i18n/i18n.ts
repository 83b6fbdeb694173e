import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, getActiveLocale, type Locale, locales, setActiveLocale } from './locale.ts';
import type { Messages } from './zh-CN.ts';

export const i18n = i18next.createInstance();

// The messages live in the folders that use them, and shared/ does not import the page folders:
// app/messages.ts assembles them, and each app's main.tsx hands them over before the first render
// (the web unit tests do the same in their setup file). Chinese, the default, comes with the page;
// another language is loaded the first time it is chosen, and before the first render when it was
// chosen on an earlier visit.
type LoadMessages = (locale: Locale) => Promise<Messages>;
let loadMessages: LoadMessages | undefined;

export async function startI18n(defaultMessages: Messages, load: LoadMessages): Promise<void> {
  loadMessages = load;
  void i18n.use(initReactI18next).init({
    resources: { [defaultLocale]: { translation: defaultMessages } },
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
    // A key with no message is a bug: say so in the console (the role × page walk fails on it).
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => console.error(`i18n: no message for "${key}"`),
  });
  const locale = getActiveLocale();
  if (locale === defaultLocale) return;
  try {
    await changeLocale(locale);
  } catch (error) {
    // The chosen language did not load (offline?): show the page in Chinese rather than not at all.
    console.error(`i18n: could not load the messages of ${locale}`, error);
    setActiveLocale(defaultLocale);
  }
}

if (typeof document !== 'undefined') document.documentElement.lang = getActiveLocale();

// Fetches a language's messages once; the tests preload every language with it.
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  if (!loadMessages) throw new Error('startI18n has not run');
  i18n.addResourceBundle(locale, 'translation', await loadMessages(locale));
}

export async function changeLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  setActiveLocale(locale);
  await i18n.changeLanguage(locale);
}
