import { formatNumber } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

// ¥210.94 (zh-CN) / CN¥210.94 (en): yuan, always two decimals.
export function formatYuan(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
}
