import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import {
  type AssetMove,
  addMonths,
  applyMove,
  type Holding,
  isAuditOverdue,
  isForRecovery,
  nextAuditOn,
  type ReceivingStore,
} from './assets.rules.ts';

const inStock: Holding = { status: 'in_stock', customerId: null };
const atStore = (customerId: number): Holding => ({ status: 'issued', customerId });
const active = (id: number): ReceivingStore => ({ id, status: 'active' });

const outcomeOf = (holding: Holding, move: AssetMove, receiving?: ReceivingStore) => {
  try {
    return applyMove(holding, move, receiving);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
};

describe(applyMove.name, () => {
  it.each([
    ['issue from the store room', inStock, { kind: 'issue', customerId: 7 }, active(7), atStore(7)],
    [
      'issue a fixture already at a store',
      atStore(3),
      { kind: 'issue', customerId: 7 },
      active(7),
      'ASSET_ALREADY_ISSUED',
    ],
    [
      'issue to a closed store',
      inStock,
      { kind: 'issue', customerId: 7 },
      { id: 7, status: 'closed' },
      'ASSET_STORE_NOT_ACTIVE',
    ],
    ['issue to a store not found', inStock, { kind: 'issue', customerId: 7 }, undefined, 'NOT_FOUND'],
    ['transfer between stores', atStore(3), { kind: 'transfer', toCustomerId: 7 }, active(7), atStore(7)],
    [
      'transfer to a cancelled store',
      atStore(3),
      { kind: 'transfer', toCustomerId: 7 },
      { id: 7, status: 'cancelled' },
      'ASSET_STORE_NOT_ACTIVE',
    ],
    ['transfer to the same store', atStore(7), { kind: 'transfer', toCustomerId: 7 }, active(7), 'ASSET_SAME_STORE'],
    ['transfer from the store room', inStock, { kind: 'transfer', toCustomerId: 7 }, active(7), 'ASSET_NOT_ISSUED'],
    ['return from a store', atStore(3), { kind: 'return' }, undefined, inStock],
    ['return from the store room', inStock, { kind: 'return' }, undefined, 'ASSET_NOT_ISSUED'],
    [
      'write off at a store',
      atStore(3),
      { kind: 'write_off', reason: '损坏' },
      undefined,
      { status: 'written_off', customerId: null },
    ],
    ['write off without a reason', inStock, { kind: 'write_off', reason: ' ' }, undefined, 'ASSET_REASON_REQUIRED'],
    [
      'issue a written-off fixture',
      { status: 'written_off', customerId: null },
      { kind: 'issue', customerId: 7 },
      active(7),
      'ASSET_WRITTEN_OFF',
    ],
  ] as Array<[string, Holding, AssetMove, ReceivingStore | undefined, Holding | string]>)(
    '%s',
    (_, holding, move, receiving, outcome) => {
      expect(outcomeOf(holding, move, receiving)).toEqual(outcome);
    },
  );

  // A fleet of fixtures and stores, and any sequence of moves against them (some refused): each
  // fixture is at one store at most, at a store exactly when issued, a refused move changes
  // nothing, and replaying the accepted moves as a history never has a fixture in two places.
  it('keeps one holder at a time, whatever the sequence of moves', () => {
    const storeIds = fc.integer({ min: 1, max: 6 });
    const move = fc.oneof(
      fc.record({ kind: fc.constant('issue' as const), customerId: storeIds }),
      fc.record({ kind: fc.constant('transfer' as const), toCustomerId: storeIds }),
      fc.record({ kind: fc.constant('return' as const) }),
      fc.record({ kind: fc.constant('write_off' as const), reason: fc.constantFrom('', '损坏', '遗失') }),
    );
    const step = fc.record({
      asset: fc.integer({ min: 0, max: 3 }),
      move,
      // Store 6 has closed: nothing may go there.
      closed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const holdings: Holding[] = Array.from({ length: 4 }, () => ({ ...inStock }));
        const history: Array<{ asset: number; from: number | null; to: number | null }> = [];
        for (const { asset, move: next, closed } of steps) {
          const target = next.kind === 'issue' ? next.customerId : next.kind === 'transfer' ? next.toCustomerId : null;
          const receiving =
            target === null ? undefined : { id: target, status: closed && target === 6 ? 'closed' : 'active' };
          const before = holdings[asset];
          const outcome = outcomeOf(before, next, receiving);
          if (typeof outcome === 'string') {
            // Refused: the holding is as it was.
            expect(holdings[asset]).toEqual(before);
            continue;
          }
          history.push({ asset, from: before.customerId, to: outcome.customerId });
          holdings[asset] = outcome;
          expect(outcome.status === 'issued').toBe(outcome.customerId !== null);
          if (outcome.customerId === 6) expect(closed).toBe(false);
        }
        // The history replayed: each move starts where the last one of that fixture ended.
        const where = new Map<number, number | null>();
        for (const entry of history) {
          expect(entry.from).toBe(where.get(entry.asset) ?? null);
          where.set(entry.asset, entry.to);
        }
        holdings.forEach((holding, asset) => {
          expect(holding.customerId).toBe(where.get(asset) ?? null);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('audit dates', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-11-30', 12, '2027-11-30'],
  ])('%s + %i months → %s', (day, months, due) => {
    expect(nextAuditOn(day, months)).toBe(due);
    expect(addMonths(day, months)).toBe(due);
  });

  it.each([
    ['issued, due yesterday', 'issued', '2026-12-06', true],
    ['issued, due today', 'issued', '2026-12-07', false],
    ['issued, never scheduled', 'issued', null, false],
    ['in the store room, long past due', 'in_stock', '2025-01-01', false],
    ['written off, past due', 'written_off', '2025-01-01', false],
  ] as const)('%s → overdue %s', (_, status, due, overdue) => {
    expect(isAuditOverdue({ status, nextAuditOn: due }, '2026-12-07')).toBe(overdue);
  });
});

describe(isForRecovery.name, () => {
  it.each([
    ['issued to a closed store', 'issued', 'closed', true],
    ['issued to a cancelled store', 'issued', 'cancelled', true],
    ['issued to a suspended store', 'issued', 'suspended', false],
    ['issued to an active store', 'issued', 'active', false],
    ['in the store room', 'in_stock', null, false],
  ] as const)('%s → %s', (_, status, holderStatus, flagged) => {
    expect(isForRecovery({ status }, holderStatus)).toBe(flagged);
  });
});
