import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import type { CustomerClass } from '../customers/index.ts';
import { greatCircleKm, type Point } from './route.rules.ts';
import type { VisitChecklist } from './visits.schema.ts';

// 走访记录 and 痕迹化管理: what a visit must hold to be accepted, and what is flagged afterwards.

// A check-in further than this from the store is accepted with a warning (the store's coordinates
// may be rough; the report shows it).
export const checkInWarningMetres = 500;
// Visits shorter than this are flagged in the reports.
export const shortVisitSeconds = 120;
// A check-out may be at most this far in the future of the server's clock (phone clocks drift).
const clockSkewMs = 5 * 60_000;
export const maxPhotoBytes = 5 * 1024 * 1024;
export const maxPhotosPerVisit = 9;
// What a photo upload answers with (platform/files).
export const visitPhotoRules: ImageUploadRules = {
  maxBytes: maxPhotoBytes,
  missing: 'VISIT_PHOTO_MISSING',
  notImage: 'VISIT_PHOTO_NOT_IMAGE',
};

export type VisitTimes = { checkInAt: Date; checkOutAt: Date };

export function checkVisitTimes(times: VisitTimes, now: Date) {
  if (times.checkOutAt.getTime() < times.checkInAt.getTime())
    throw new DomainError('VISIT_CHECK_OUT_BEFORE_CHECK_IN', {}, 'checkOutAt');
  if (times.checkOutAt.getTime() > now.getTime() + clockSkewMs)
    throw new DomainError('VISIT_IN_FUTURE', {}, 'checkOutAt');
  if (times.checkOutAt.getTime() - times.checkInAt.getTime() > 12 * 3_600_000)
    throw new DomainError('VISIT_TOO_LONG', {}, 'checkOutAt');
}

// Metres between the check-in and the store, or null when either has no position.
type MaybePoint = { latitude?: number | null; longitude?: number | null };

export function checkInDistanceMetres(position: MaybePoint | null, store: MaybePoint): number | null {
  if (position?.latitude == null || position.longitude == null || store.latitude == null || store.longitude == null)
    return null;
  return Math.round(greatCircleKm(position as Point, store as Point) * 1000);
}

export type VisitFlag = 'no_position' | 'short' | 'far';

export function visitFlagsOf(visit: {
  checkInAt: Date;
  checkOutAt: Date;
  checkInLatitude: number | null;
  checkInDistanceM: number | null;
}): VisitFlag[] {
  const flags: VisitFlag[] = [];
  if (visit.checkInLatitude === null) flags.push('no_position');
  if (visit.checkOutAt.getTime() - visit.checkInAt.getTime() < shortVisitSeconds * 1000) flags.push('short');
  if (visit.checkInDistanceM !== null && visit.checkInDistanceM > checkInWarningMetres) flags.push('far');
  return flags;
}

// 终端形象 score of one visit, 0–100: 陈列达标 40, 明码标价 30, 目标品牌上柜 30. Classification reads
// each store's average over 13 weeks.
export function terminalImageScoreOf(
  checklist: Pick<VisitChecklist, 'displayStandard' | 'pricesMarked' | 'targetBrandsOnShelf'>,
): number {
  return (
    (checklist.displayStandard ? 40 : 0) + (checklist.pricesMarked ? 30 : 0) + (checklist.targetBrandsOnShelf ? 30 : 0)
  );
}

export type ProductLine = { productId: number };

// Stock counts and observed prices: each product once, known to the catalogue, counts ≥ 0.
export function checkObservations(
  stockCounts: ReadonlyArray<{ productId: number; cartons: number }>,
  prices: ReadonlyArray<{ productId: number; packPriceFen: number }>,
  knownProductIds: ReadonlySet<number>,
) {
  for (const [field, lines] of [
    ['stockCounts', stockCounts],
    ['prices', prices],
  ] as const) {
    const seen = new Set<number>();
    for (const line of lines) {
      if (!knownProductIds.has(line.productId))
        throw new DomainError('VISIT_PRODUCT_UNKNOWN', { productId: line.productId }, field);
      if (seen.has(line.productId))
        throw new DomainError('VISIT_PRODUCT_REPEATED', { productId: line.productId }, field);
      seen.add(line.productId);
    }
  }
  for (const line of stockCounts)
    if (!(line.cartons >= 0))
      throw new DomainError('VISIT_STOCK_NEGATIVE', { productId: line.productId }, 'stockCounts');
  for (const line of prices)
    if (!(line.packPriceFen > 0)) throw new DomainError('VISIT_PRICE_INVALID', { productId: line.productId }, 'prices');
}

// The class a visit standard and an entitlement read: a store not yet classified is 普通客户.
export function effectiveClassOf(classCode: CustomerClass | null): CustomerClass {
  return classCode ?? 'ordinary';
}
