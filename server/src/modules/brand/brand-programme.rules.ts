import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ProgrammeGoals, ProgrammeStatus } from './brand.schema.ts';

// 培育项目: what makes a programme's period, goals and target choice valid, and its life
// (draft → active → closed). Pure: the service reads products, stores and users, these judge.

const maxPeriodDays = 731;
export const maxStockBand = 52;

export function checkPeriod(startDate: string, endDate: string) {
  const days = (Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000;
  if (!(days >= 0) || days > maxPeriodDays)
    throw new DomainError('BRAND_PERIOD_INVALID', { startDate, endDate }, 'endDate');
}

const isFraction = (value: number | undefined) => value === undefined || (value >= 0 && value <= 1);

export function checkGoals(goals: ProgrammeGoals) {
  if (!isFraction(goals.shelvingRate))
    throw new DomainError('BRAND_GOAL_INVALID', { goal: 'shelvingRate' }, 'goals.shelvingRate');
  if (!isFraction(goals.sellThroughRate))
    throw new DomainError('BRAND_GOAL_INVALID', { goal: 'sellThroughRate' }, 'goals.sellThroughRate');
  const band = goals.stockToSales;
  if (band && !(band.min >= 0 && band.max <= maxStockBand && band.min <= band.max))
    throw new DomainError('BRAND_GOAL_INVALID', { goal: 'stockToSales' }, 'goals.stockToSales');
}

// The target stores are a segment or a list, not both (neither: every active store).
export function checkTargetChoice(target: { segment?: unknown; customerIds?: readonly number[] | null }) {
  if (target.segment && target.customerIds) throw new DomainError('BRAND_TARGET_AMBIGUOUS', {}, 'customerIds');
}

export function checkProductIds(productIds: readonly number[]) {
  if (productIds.length === 0) throw new DomainError('BRAND_PRODUCTS_REQUIRED', {}, 'productIds');
}

export function checkEditable(status: ProgrammeStatus) {
  if (status === 'closed') throw new DomainError('BRAND_PROGRAMME_CLOSED');
}

const transitions = { activate: ['draft', 'active'], close: ['active', 'closed'] } as const;

// activate: draft → active; close: active → closed. Anything else is a conflict.
export function nextStatusOf(status: ProgrammeStatus, action: keyof typeof transitions): ProgrammeStatus {
  const [from, to] = transitions[action];
  if (status !== from) throw new DomainError('BRAND_PROGRAMME_STATE', { status, action });
  return to;
}
