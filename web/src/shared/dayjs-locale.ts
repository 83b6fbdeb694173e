import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from './i18n/locale.ts';

// antd's date pickers speak dayjs's global locale. A chunk of its own (AntdConfig loads it
// when the language is set), so the sign-in page does not download dayjs.
export function setDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}
