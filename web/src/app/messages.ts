import type { portalMessages } from '../portal/messages.ts';
import type { PortalPageMessages } from '../portal/page-messages.ts';
import type { auditLabelMessages } from '../shared/i18n/audit-labels.ts';
import { i18n } from '../shared/i18n/i18n.ts';
import { defaultLocale, type Locale, type LocaleMessages, locales } from '../shared/i18n/locale.ts';
import { mergeMessages } from '../shared/i18n/merge-messages.ts';
import { zhCN } from '../shared/i18n/zh-CN.ts';
import { consoleMessages } from './console-messages.ts';
import { menuLabels } from './menu-labels.ts';
import { firstScreenPageMessages, loadPageMessages, type PageMessages } from './page-modules.ts';

// Every folder's messages: the shared ones, the console shell's, each page folder's (listed in
// page-modules.ts beside its module) and the portal's. Both apps (console and portal) load them
// all, so a key's path does not depend on which app shows it. The console's first screens
// (home, setup) come with what they say: the shared and the shell's messages, setup's and home's
// (the sign-in page is a page of its own: web/login.html), and every folder's side-menu label (menu-labels.ts); the rest is one chunk,
// fetched before any other page shows (loadEveryMessage). Each language other than Chinese is
// fetched, every folder's chunk at once, when someone chooses it.
const sharedMessages = {
  // shared/: app, common, roles, shared components
  'zh-CN': zhCN,
  en: () => import('../shared/i18n/en.ts').then((module) => module.en),
} satisfies LocaleMessages<typeof zhCN>;

const firstScreenMessageParts = [sharedMessages, consoleMessages, ...firstScreenPageMessages] as const;

type FolderMessages =
  | (typeof firstScreenMessageParts)[number]
  | typeof auditLabelMessages // shared/: the audit trail's codes, typed by the server's audit catalogues
  | PageMessages
  | typeof portalMessages
  | PortalPageMessages;

async function loadFolderMessages(): Promise<readonly FolderMessages[]> {
  const [audit, pages, portal, portalPages] = await Promise.all([
    import('../shared/i18n/audit-labels.ts').then((module) => module.auditLabelMessages),
    loadPageMessages(),
    import('../portal/messages.ts').then((module) => module.portalMessages),
    import('../portal/page-messages.ts').then((module) => module.loadPortalPageMessages()),
  ]);
  return [sharedMessages, audit, consoleMessages, ...pages, ...firstScreenPageMessages, portal, ...portalPages];
}

// A | B → A & B: a function of the union's members, read back as one parameter, is their intersection.
type Intersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (part: infer All) => void
  ? All
  : never;

// All the folders' Chinese shapes together: TypeScript merges the intersection key by key, so
// `menu` has every folder's entries and t('menu.nope') fails to compile.
export type Messages = Intersection<FolderMessages['zh-CN']>;

// Type-checked translation keys (declared here, where all the folders are known; shared/ reads
// the result as `Messages` from shared/i18n/zh-CN.ts). Module augmentation needs an interface.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

// What the console's first screens say, in Chinese, merged at start: two folders defining the
// same key stop the app here (mergeMessages throws). Only a part of `Messages` (the cast): no
// other page shows before loadEveryMessage has added the rest.
export const firstScreenMessages = mergeMessages([
  ...firstScreenMessageParts.map((messages) => messages['zh-CN']),
  menuLabels,
]) as Messages;

// A language's messages, every folder's: merged alike, so two folders defining a key fail here.
export async function loadMessages(locale: Locale): Promise<Messages> {
  const folders = await loadFolderMessages();
  const parts = await Promise.all(
    folders.map((messages) => (locale === 'zh-CN' ? messages['zh-CN'] : messages[locale]())),
  );
  return mergeMessages(parts) as Messages;
}

// Before a console page other than the first screens shows: every folder's Chinese messages (the
// fallback of every language; another language, once chosen, loads whole). Fetched once.
let everyMessage: Promise<void> | undefined;
export function loadEveryMessage(): Promise<void> {
  everyMessage ??= loadMessages(defaultLocale).then(
    (messages) => {
      i18n.addResourceBundle(defaultLocale, 'translation', messages, true, true);
    },
    (error: unknown) => {
      everyMessage = undefined; // offline for a moment: the next page asks again
      throw error;
    },
  );
  return everyMessage;
}

// Every language at once, for the tests that compare them.
export async function loadAllMessages(): Promise<Record<Locale, Messages>> {
  const loaded = await Promise.all(locales.map(async (locale) => [locale, await loadMessages(locale)] as const));
  return Object.fromEntries(loaded) as Record<Locale, Messages>;
}
