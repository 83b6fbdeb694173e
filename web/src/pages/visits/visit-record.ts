import type { PlanItem, ServiceItem, VisitDetail, VisitSummary } from './visits.api.ts';

// Pure helpers for showing visit records (the 360° view's 走访 tab and the record drawer).

// Whole minutes a visit lasted (check-in to check-out), never negative.
export function visitMinutes(durationSeconds: number): number {
  return Math.max(0, Math.round(durationSeconds / 60));
}

// The names of the menu items delivered, in the order recorded; an item no longer on the
// menu shows as its id so nothing recorded disappears.
export function serviceNamesOf(ids: readonly number[], menu: readonly Pick<ServiceItem, 'id' | 'name'>[]): string[] {
  const names = new Map(menu.map((item) => [item.id, item.name]));
  return ids.map((id) => names.get(id) ?? `#${id}`);
}

// How a record sits in its correction chain (痕迹化): the original it corrects, if any, and the
// corrections made to it.
export type CorrectionLinks = { correctsVisitId: number | null; correctedBy: number[]; isCorrection: boolean };
export function correctionLinksOf(
  visit: Pick<VisitDetail, 'correctsVisitId' | 'correctedBy'> | Pick<VisitSummary, 'correctsVisitId'>,
): CorrectionLinks {
  const correctedBy = 'correctedBy' in visit ? [...visit.correctedBy].sort((a, b) => a - b) : [];
  return { correctsVisitId: visit.correctsVisitId, correctedBy, isCorrection: visit.correctsVisitId !== null };
}

// A store's month at a glance: visits planned (not dropped), done and still open.
export function planTally(items: readonly Pick<PlanItem, 'status'>[]) {
  const done = items.filter((item) => item.status === 'done').length;
  const dropped = items.filter((item) => item.status === 'dropped').length;
  return { planned: items.length - dropped, done, open: items.length - dropped - done, dropped };
}

// Fen a pack → yuan, for observed retail prices.
export const yuanOf = (fen: number) => fen / 100;

// Stock counts and observed prices of one visit as one row per product (either may be missing).
export function observationRowsOf(visit: Pick<VisitDetail, 'stockCounts' | 'prices'>) {
  const rows = new Map<
    number,
    { productId: number; name: string; cartons: number | null; packPriceFen: number | null }
  >();
  for (const row of visit.stockCounts) rows.set(row.productId, { ...row, packPriceFen: null });
  for (const row of visit.prices) {
    const existing = rows.get(row.productId);
    rows.set(row.productId, { ...row, cartons: existing?.cartons ?? null });
  }
  return [...rows.values()];
}

// The visit standards form: visits a month per class, whole numbers 0–8 (the server's range).
export const visitClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export const maxVisitsPerMonth = 8;
export function isValidVisitsPerMonth(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxVisitsPerMonth;
}
// The classes whose value is not a valid standard (to mark in the form before saving).
export function invalidStandardsOf(values: Partial<Record<(typeof visitClasses)[number], unknown>>): string[] {
  return visitClasses.filter((classCode) => !isValidVisitsPerMonth(values[classCode]));
}
