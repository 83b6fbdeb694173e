import { portalMessages } from '../portal/messages.ts';
import { auditLabelMessages } from '../shared/i18n/audit-labels.ts';
import { type Locale, type LocaleMessages, locales } from '../shared/i18n/locale.ts';
import { mergeMessages } from '../shared/i18n/merge-messages.ts';
import { zhCN } from '../shared/i18n/zh-CN.ts';
import { consoleMessages } from './console-messages.ts';
import { pageMessages } from './page-modules.ts';

// Every folder's messages: the shared ones, the console shell's, each page folder's (listed in
// page-modules.ts beside its module) and the portal's. Both apps (console and portal) load them
// all, so a key's path does not depend on which app shows it. Chinese comes with the page; each
// other language is fetched, every folder's chunk at once, when someone chooses it.
const folderMessages = [
  // shared/: app, common, roles, shared components
  {
    'zh-CN': zhCN,
    en: () => import('../shared/i18n/en.ts').then((module) => module.en),
  } satisfies LocaleMessages<typeof zhCN>,
  auditLabelMessages, // shared/: the audit trail's codes, typed by the server's audit catalogues
  consoleMessages,
  ...pageMessages,
  portalMessages,
] as const;

// A | B → A & B: a function of the union's members, read back as one parameter, is their intersection.
type Intersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (part: infer All) => void
  ? All
  : never;

// All the folders' Chinese shapes together: TypeScript merges the intersection key by key, so
// `menu` has every folder's entries and t('menu.nope') fails to compile.
export type Messages = Intersection<(typeof folderMessages)[number]['zh-CN']>;

// Type-checked translation keys (declared here, where all the folders are known; shared/ reads
// the result as `Messages` from shared/i18n/zh-CN.ts). Module augmentation needs an interface.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

// Merged at start: two folders defining the same key stop the app here (mergeMessages throws).
// The merge has exactly the parts' keys, so it is the intersection `Messages` describes.
export const defaultMessages = mergeMessages(folderMessages.map((messages) => messages['zh-CN'])) as Messages;

// A language's messages: Chinese as above; another language's chunks fetched and merged alike.
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'zh-CN') return defaultMessages;
  const parts = await Promise.all(folderMessages.map((messages) => messages[locale]()));
  return mergeMessages(parts) as Messages;
}

// Every language at once, for the tests that compare them.
export async function loadAllMessages(): Promise<Record<Locale, Messages>> {
  const loaded = await Promise.all(locales.map(async (locale) => [locale, await loadMessages(locale)] as const));
  return Object.fromEntries(loaded) as Record<Locale, Messages>;
}
