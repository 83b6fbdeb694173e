import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AssetStatus } from './assets.schema.ts';

// The fixture register's rules, pure: how a fixture moves (one holder at a time), when its next
// audit falls due, and which fixtures are to be recovered. No database, no clock: `today` (a
// Beijing calendar day) is passed in.

export type Holding = { status: AssetStatus; customerId: number | null };

export type AssetMove =
  | { kind: 'issue'; customerId: number }
  | { kind: 'transfer'; toCustomerId: number }
  | { kind: 'return' }
  | { kind: 'write_off'; reason: string };

// The store a fixture goes to (issue, transfer): only a store in business (在营) takes one.
export type ReceivingStore = { id: number; status: string };

// The holding a move leaves, or the DomainError saying why it cannot happen:
// - a written-off fixture never moves again (409 ASSET_WRITTEN_OFF);
// - issue: only from the store room — a fixture at a store is never issued to a second one
//   (409 ASSET_ALREADY_ISSUED);
// - transfer and return: only a fixture at a store (409 ASSET_NOT_ISSUED); a transfer to the
//   store already holding it is no move (409 ASSET_SAME_STORE);
// - the receiving store must be in business (409 ASSET_STORE_NOT_ACTIVE);
// - write-off: from the store room or a store (lost there), with a reason.
export function applyMove(holding: Holding, move: AssetMove, receiving?: ReceivingStore): Holding {
  if (holding.status === 'written_off') throw new DomainError('ASSET_WRITTEN_OFF');
  switch (move.kind) {
    case 'issue': {
      if (holding.status === 'issued')
        throw new DomainError('ASSET_ALREADY_ISSUED', { customerId: holding.customerId }, 'customerId');
      checkReceiving(move.customerId, receiving, 'customerId');
      return { status: 'issued', customerId: move.customerId };
    }
    case 'transfer': {
      if (holding.status !== 'issued') throw new DomainError('ASSET_NOT_ISSUED');
      if (holding.customerId === move.toCustomerId) throw new DomainError('ASSET_SAME_STORE', {}, 'toCustomerId');
      checkReceiving(move.toCustomerId, receiving, 'toCustomerId');
      return { status: 'issued', customerId: move.toCustomerId };
    }
    case 'return': {
      if (holding.status !== 'issued') throw new DomainError('ASSET_NOT_ISSUED');
      return { status: 'in_stock', customerId: null };
    }
    case 'write_off': {
      if (move.reason.trim() === '') throw new DomainError('ASSET_REASON_REQUIRED', {}, 'reason');
      return { status: 'written_off', customerId: null };
    }
  }
}

function checkReceiving(customerId: number, receiving: ReceivingStore | undefined, field: string) {
  if (!receiving || receiving.id !== customerId) throw new DomainError('NOT_FOUND', {}, field);
  if (receiving.status !== 'active')
    throw new DomainError('ASSET_STORE_NOT_ACTIVE', { status: receiving.status }, field);
}

// A calendar day plus whole months; a day the month lacks becomes its last (01-31 + 1 → 02-28).
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(date, lastDay))}`;
}

// An audit is due `intervalMonths` after the last one (or after the fixture reached its store).
export function nextAuditOn(lastAuditedOn: string, intervalMonths: number): string {
  return addMonths(lastAuditedOn, intervalMonths);
}

// Overdue: a fixture at a store whose next audit date has passed.
export function isAuditOverdue(asset: { status: AssetStatus; nextAuditOn: string | null }, today: string): boolean {
  return asset.status === 'issued' && asset.nextAuditOn !== null && asset.nextAuditOn < today;
}

// To be recovered (待回收): a fixture still at a store that has closed (歇业) or was cancelled (注销).
export const closedStoreStatuses = ['closed', 'cancelled'] as const;
export function isForRecovery(asset: { status: AssetStatus }, holderStatus: string | null): boolean {
  return (
    asset.status === 'issued' &&
    holderStatus !== null &&
    (closedStoreStatuses as readonly string[]).includes(holderStatus)
  );
}

// The audit interval a register row may carry.
export function checkAuditInterval(months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > 60)
    throw new DomainError('ASSET_AUDIT_INTERVAL_INVALID', {}, 'auditIntervalMonths');
  return months;
}
