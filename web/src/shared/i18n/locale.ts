// The active UI language, kept outside React so the API client can send it too.
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
// Each language's name, as the language switches show it (in the language shown).
export const languageLabelKeys = { 'zh-CN': 'language.zhCN', en: 'language.en' } as const;

// One folder's messages in every language. Chinese is the source and the default, so it comes
// with the page; each other language is a loader of a chunk of its own (messages.en.ts beside
// messages.ts), called when someone chooses it, so Chinese screens do not download it
// (scripts/bundle-budget.ts). Each other language is typed as the Chinese object, so a key
// missing there, or one Chinese does not have, is a type error.
export type LocaleMessages<T> = { 'zh-CN': T } & Record<Exclude<Locale, 'zh-CN'>, () => Promise<T>>;

export const defaultLocale: Locale = 'zh-CN';
export const localeStorageKey = 'kewo.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(localeStorageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    // Storage can be unavailable (private mode, sandboxed iframe): fall back to Chinese.
    return defaultLocale;
  }
}

let activeLocale: Locale = readStoredLocale();
mirrorLocaleCookie(activeLocale);

// A language other than Chinese also as a cookie: the server draws the console home's greeting
// into the page in it (server/src/platform/http/console-first-screen.ts, kewo_locale), before this
// script has run. Chinese, the default, needs none: the cookie is dropped, not written.
function mirrorLocaleCookie(locale: Locale): void {
  if (typeof document === 'undefined') return;
  const isDefault = locale === defaultLocale;
  if (isDefault && !document.cookie.includes('kewo_locale=')) return;
  // biome-ignore lint/suspicious/noDocumentCookie: a one-line write; the Cookie Store API is asynchronous and missing from older Safari
  document.cookie = `kewo_locale=${locale}; path=/; samesite=lax; max-age=${isDefault ? 0 : 31536000}`;
}

export function getActiveLocale(): Locale {
  return activeLocale;
}

export function setActiveLocale(locale: Locale): void {
  activeLocale = locale;
  try {
    globalThis.localStorage?.setItem(localeStorageKey, locale);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  mirrorLocaleCookie(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
