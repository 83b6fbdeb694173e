// The web unit tests render pages without main.tsx, so they load the messages as it does.
import { messagesByLocale } from '../app/messages.ts';
import { startI18n } from '../shared/i18n/i18n.ts';

startI18n(messagesByLocale);
