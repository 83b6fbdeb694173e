import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import { addDays, isoWeekdayOf, isoWeekOf, mondayOf } from '../../platform/time/weeks.ts';

// 价格采集's rules: what a pack price may be, when it asks for confirmation, the daily limit, and the
// ISO weeks the index is kept by. Pure.

// The most a pack may cost, in yuan (a bound, far above any real price).
export const maxPackPriceYuan = 10_000;
// Reports per store and product a Beijing day (retailer and inspectors together).
export const dailyReportLimit = 20;
// A plausible pack price lies within 30–300 % of the suggested retail pack price.
export const plausibleRange = { min: 0.3, max: 3 } as const;
// A price within 70–130 % of the carton's suggested price is a carton price typed as a pack price.
export const cartonRange = { min: 0.7, max: 1.3 } as const;
// Packs in a carton (条): products.retail_price_fen is per carton.
export const packsPerCarton = 10;
// An inspector may enter a check up to this many days late.
export const maxObservationAgeDays = 31;

// Yuan with at most 2 decimals → fen; anything else is PRICE_INVALID.
export function packPriceFenOf(packPrice: number): number {
  const fen = Math.round(packPrice * 100);
  if (
    !Number.isFinite(packPrice) ||
    packPrice <= 0 ||
    packPrice > maxPackPriceYuan ||
    Math.abs(packPrice * 100 - fen) > 1e-6 ||
    fen <= 0
  )
    throw new DomainError('PRICE_INVALID', { packPrice, max: maxPackPriceYuan }, 'packPrice');
  return fen;
}

export const yuanOf = (fen: number) => Math.round(fen) / 100;
export const suggestedPackFenOf = (retailPriceFen: number) => retailPriceFen / packsPerCarton;

export type Plausibility = { kind: 'plausible' } | { kind: 'carton' } | { kind: 'implausible'; percent: number };

// How a pack price compares with the suggested retail price of the carton.
export function plausibilityOf(packPriceFen: number, retailCartonFen: number): Plausibility {
  const ratio = packPriceFen / suggestedPackFenOf(retailCartonFen);
  if (ratio >= plausibleRange.min && ratio <= plausibleRange.max) return { kind: 'plausible' };
  const cartonRatio = packPriceFen / retailCartonFen;
  if (cartonRatio >= cartonRange.min && cartonRatio <= cartonRange.max) return { kind: 'carton' };
  return { kind: 'implausible', percent: Math.round(ratio * 100) };
}

// Whether the price is taken, and flagged: a carton price is refused; an implausible one needs
// confirm and is then kept flagged ('out_of_range'), out of the index until reviewed.
export function checkPackPrice(
  packPriceFen: number,
  retailCartonFen: number,
  confirm: boolean,
): { flagged: boolean; flagReason: string | null } {
  const verdict = plausibilityOf(packPriceFen, retailCartonFen);
  const details = {
    packPrice: yuanOf(packPriceFen).toFixed(2),
    suggestedPackPrice: (suggestedPackFenOf(retailCartonFen) / 100).toFixed(2),
    cartonPrice: yuanOf(retailCartonFen).toFixed(2),
  };
  if (verdict.kind === 'plausible') return { flagged: false, flagReason: null };
  if (verdict.kind === 'carton') throw new DomainError('PRICE_LOOKS_LIKE_CARTON', details, 'packPrice');
  if (!confirm)
    throw new DomainError('PRICE_CONFIRMATION_REQUIRED', { ...details, percent: verdict.percent }, 'packPrice');
  return { flagged: true, flagReason: 'out_of_range' };
}

export function checkDailyLimit(reportsToday: number) {
  if (reportsToday >= dailyReportLimit)
    throw new DomainError('PRICE_REPORT_LIMIT', { limit: dailyReportLimit }, 'productId');
}

// An inspector's observation time: within the last 31 days, not in the future (a minute's slack).
export function checkObservedAt(observedAt: Date, now: Date) {
  const age = now.getTime() - observedAt.getTime();
  if (age < -60_000 || age > maxObservationAgeDays * 86_400_000)
    throw new DomainError('PRICE_OBSERVED_AT_INVALID', {}, 'observedAt');
}

// The instants a Beijing day begins and ends (for the daily limit).
export function beijingDayBounds(now: Date): { from: Date; until: Date } {
  const day = beijingDateOf(now);
  return { from: beijingMidnightOf(day), until: beijingMidnightOf(addDays(day, 1)) };
}

// ── ISO weeks ─────────────────────────────────────────────────────────────────────────────────

// Years 1900–2999, as calendar dates are bounded (input-bounds.ts).
export const isoWeekPattern = /^((?:19|2\d)\d\d)-W(\d{2})$/;

// "2026-W49" → its Monday ("2026-11-30"); a week that does not exist → PRICE_WEEK_INVALID.
export function mondayOfIsoWeek(week: string): string {
  const match = isoWeekPattern.exec(week);
  if (!match) throw new DomainError('PRICE_WEEK_INVALID', { week }, 'week');
  const year = Number(match[1]);
  const number = Number(match[2]);
  const january4 = `${year}-01-04`;
  const monday = addDays(addDays(january4, 1 - isoWeekdayOf(january4)), (number - 1) * 7);
  if (number < 1 || isoWeekOf(monday) !== week) throw new DomainError('PRICE_WEEK_INVALID', { week }, 'week');
  return monday;
}

// The instants a week (its Monday, Beijing) covers: [Monday 00:00, next Monday 00:00).
export function weekBounds(monday: string): { from: Date; until: Date } {
  return { from: beijingMidnightOf(monday), until: beijingMidnightOf(addDays(monday, 7)) };
}

export const currentIsoWeek = (now: Date) => isoWeekOf(mondayOf(now));
