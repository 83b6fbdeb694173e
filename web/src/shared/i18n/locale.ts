// The active UI language, kept outside React so the API client can send it too.
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

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
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
