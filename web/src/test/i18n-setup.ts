// The web unit tests render pages without main.tsx, so they load the messages as it does, and
// every language up front: a test can switch language without waiting for a chunk.
import { loadMessages } from '../app/messages.ts';
import { loadLocale, startI18n } from '../shared/i18n/i18n.ts';
import { locales } from '../shared/i18n/locale.ts';

await startI18n(await loadMessages('zh-CN'), loadMessages);
for (const locale of locales) await loadLocale(locale);
