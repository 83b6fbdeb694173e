import { i18n } from '../shared/i18n/i18n.ts';
import { type Locale, locales } from '../shared/i18n/locale.ts';
import { mergeMessages } from '../shared/i18n/merge-messages.ts';
import { type Messages, zhCN } from '../shared/i18n/zh-CN.ts';
import { portalMessages } from './messages.ts';

// Adding a portal page's words (the first screens' bundle is budgeted: scripts/bundle-budget.ts):
//  1. pages/<feature>.messages.ts (Chinese, `export const portal<Feature>Messages`) and
//     pages/<feature>.messages.en.ts, as pages/order.messages.ts does; a namespace of its own.
//  2. One line in each list of page-messages.ts: they load with the first antd page, not the entry.
//  3. Only what the sign-in page, the shell or the home (and its cards) show goes in messages.ts.
//
// What the portal's first screens (sign-in, shell, home) say: the shared messages and the
// portal's. app/messages.ts holds every folder's (~20 KiB gzip, with the console's page modules):
// it loads with the first antd page (antd-page.tsx), for every language loaded by then and every
// language chosen after, so a page never lacks a key of the language it shows.
export const firstScreenMessages = mergeMessages([zhCN, portalMessages['zh-CN']]) as Messages;

let isEveryMessageNeeded = false;

export async function loadPortalMessages(locale: Locale): Promise<Messages> {
  if (isEveryMessageNeeded) return import('../app/messages.ts').then((module) => module.loadMessages(locale));
  if (locale === 'zh-CN') return firstScreenMessages;
  const [shared, portal] = await Promise.all([
    import('../shared/i18n/en.ts').then((module) => module.en),
    portalMessages[locale](),
  ]);
  return mergeMessages([shared, portal]) as Messages;
}

// Before the first antd page shows: every folder's messages, in each language loaded so far.
export async function loadEveryMessage(): Promise<void> {
  if (isEveryMessageNeeded) return;
  // From here on, a language chosen later loads whole (loadPortalMessages).
  isEveryMessageNeeded = true;
  const { loadMessages } = await import('../app/messages.ts');
  const loaded = locales.filter((locale) => i18n.hasResourceBundle(locale, 'translation'));
  await Promise.all(
    loaded.map(async (locale) => i18n.addResourceBundle(locale, 'translation', await loadMessages(locale), true, true)),
  );
}
