import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationStore,
  allocateProduct,
  type ProductAllocationInput,
  prepareStores,
} from './allocation.rules.ts';
import {
  type AllocationStrategy,
  type CustomerClass,
  customerClasses,
  type Segment,
} from './allocation-strategy.rules.ts';
import { explainQuota, failedEligibility } from './quota-explanation.rules.ts';
import { type DemoType, segmentDemoTypes } from './segment.rules.ts';

// Random cycles: stores of every grade, class, credit level, format, district; strategies of every kind
// with random multipliers (class, credit, 区域), caps, 限点 and supplies — then the invariants every allocation must keep.

const formats = ['convenience', 'grocery', 'supermarket'];
const districts = ['350602', '350603', '350681'];
const creditLevels = ['AAA', 'AA', 'A', 'B'];
const branchIds = [11, 12, 13];

const storesArbitrary: fc.Arbitrary<AllocationStore[]> = fc
  .array(
    fc.record({
      grade: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, 31)),
      customerClass: fc.constantFrom<CustomerClass | null>(...customerClasses, null),
      demoType: fc.constantFrom<DemoType | null>(...segmentDemoTypes, null),
      creditLevel: fc.constantFrom<string | null>(...creditLevels, null),
      format: fc.constantFrom(...formats),
      branchId: fc.constantFrom(...branchIds),
      districtCode: fc.constantFrom(...districts),
      urbanRural: fc.constantFrom<'urban' | 'rural'>('urban', 'rural'),
      recentQty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
    }),
    { minLength: 0, maxLength: 60 },
  )
  .chain((rows) =>
    // Unique customerIds in an order unrelated to the array's.
    fc
      .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: rows.length, maxLength: rows.length })
      .map((ids) => rows.map((row, index) => ({ ...row, customerId: ids[index] }))),
  );

// Contiguous rows covering 1–30: random cut points, a random quantity each.
const gradeTableArbitrary: fc.Arbitrary<AllocationStrategy['base']> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 2, max: 30 }), { maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([cuts, quantities]) => {
    const starts = [1, ...cuts.sort((a, b) => a - b)];
    return {
      kind: 'grade_table' as const,
      table: starts.map((fromGrade, index) => ({
        fromGrade,
        toGrade: index + 1 < starts.length ? starts[index + 1] - 1 : 30,
        qty: quantities[index],
      })),
    };
  });

const multiplierArbitrary = fc.oneof(
  fc.constantFrom(0.5, 0.8, 1, 1.2, 1.5, 2),
  fc.integer({ min: 1, max: 1000 }).map((hundredths) => hundredths / 100),
);

const eligibilityArbitrary: fc.Arbitrary<Segment | undefined> = fc.option(
  fc
    .record(
      {
        classes: fc.subarray([...customerClasses], { minLength: 1 }),
        demoTypes: fc.subarray([...segmentDemoTypes], { minLength: 1 }),
        formats: fc.subarray(formats, { minLength: 1 }) as fc.Arbitrary<Segment['formats'] & string[]>,
        branchIds: fc.subarray(branchIds, { minLength: 1 }),
        districtCodes: fc.subarray(districts, { minLength: 1 }),
        urbanRural: fc.subarray<'urban' | 'rural'>(['urban', 'rural'], { minLength: 1 }),
        gradeMin: fc.integer({ min: 1, max: 30 }),
        gradeMax: fc.integer({ min: 1, max: 30 }),
      },
      { requiredKeys: [] },
    )
    .map((eligibility) =>
      eligibility.gradeMin !== undefined && eligibility.gradeMax !== undefined
        ? {
            ...eligibility,
            gradeMin: Math.min(eligibility.gradeMin, eligibility.gradeMax),
            gradeMax: Math.max(eligibility.gradeMin, eligibility.gradeMax),
          }
        : eligibility,
    ),
  { nil: undefined },
);

const inputArbitrary: fc.Arbitrary<ProductAllocationInput> = fc
  .record({
    base: fc.oneof(
      { weight: 3, arbitrary: gradeTableArbitrary },
      { weight: 2, arbitrary: fc.constant<AllocationStrategy['base']>({ kind: 'proportional' }) },
      { weight: 1, arbitrary: fc.constant<AllocationStrategy['base']>({ kind: 'unlimited' }) },
    ),
    classMultipliers: fc.option(
      fc.dictionary(fc.constantFrom(...customerClasses), multiplierArbitrary, { maxKeys: 4 }),
      { nil: undefined },
    ),
    creditMultipliers: fc.option(fc.dictionary(fc.constantFrom(...creditLevels), multiplierArbitrary, { maxKeys: 4 }), {
      nil: undefined,
    }),
    regionMultipliers: fc.option(
      fc.record(
        {
          districts: fc.dictionary(fc.constantFrom(...districts), multiplierArbitrary, { maxKeys: 3 }),
          branches: fc.dictionary(fc.constantFrom(...branchIds.map(String)), multiplierArbitrary, { maxKeys: 3 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    eligibility: eligibilityArbitrary,
    cap: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    supply: fc.option(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3000 })), { nil: null }),
  })
  .map(({ supply, ...strategy }) => {
    const cleaned = Object.fromEntries(
      Object.entries(strategy).filter(([, value]) => value !== undefined),
    ) as AllocationStrategy;
    // The combinations checkStrategy refuses are made valid rather than thrown away.
    let fixedSupply = supply;
    if (cleaned.base.kind === 'proportional' && fixedSupply === null) fixedSupply = 100;
    if (cleaned.base.kind === 'unlimited' && cleaned.cap === undefined) fixedSupply = null;
    return { productId: 1, supply: fixedSupply, strategy: cleaned };
  });

const isUnlimited = (input: ProductAllocationInput) =>
  input.strategy.base.kind === 'unlimited' && input.strategy.cap === undefined;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

// The exact (unrounded) shares of a proportional allocation, computed the slow, obvious way: shares
// ∝ recentQty × multipliers; any share over the cap is set to the cap and the rest re-shared.
function proportionalShares(stores: readonly AllocationStore[], input: ProductAllocationInput): number[] {
  const { strategy } = input;
  const weights = stores.map((store) => {
    if (failedEligibility(store, strategy.eligibility).length > 0) return 0;
    const classMultiplier = store.customerClass ? (strategy.classMultipliers?.[store.customerClass] ?? 1) : 1;
    const creditMultiplier = store.creditLevel ? (strategy.creditMultipliers?.[store.creditLevel] ?? 1) : 1;
    const districtMultiplier = strategy.regionMultipliers?.districts?.[store.districtCode] ?? 1;
    const branchMultiplier = strategy.regionMultipliers?.branches?.[String(store.branchId)] ?? 1;
    const units = Math.round(classMultiplier * creditMultiplier * districtMultiplier * branchMultiplier * 10_000);
    return store.recentQty * units;
  });
  const shares = weights.map(() => 0);
  const capped = weights.map(() => false);
  const cap = strategy.cap ?? Number.POSITIVE_INFINITY;
  for (;;) {
    const free = weights.map((weight, index) => (capped[index] ? 0 : weight));
    const freeWeight = sum(free);
    const freeSupply = (input.supply ?? 0) - sum(capped.map((isCapped) => (isCapped ? cap : 0)));
    let changed = false;
    free.forEach((weight, index) => {
      if (weight === 0) return;
      shares[index] = (weight * freeSupply) / freeWeight;
      if (shares[index] >= cap - 1e-9) {
        capped[index] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return shares.map((share, index) => (capped[index] ? cap : share));
}

describe(`${allocateProduct.name} (properties)`, () => {
  it('gives every store a whole number of cartons ≥ 0, or −1 only when unlimited', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, (stores, input) => {
        const { quotas } = allocateProduct(stores, input);
        expect(quotas).toHaveLength(stores.length);
        for (const quota of quotas) {
          expect(Number.isInteger(quota)).toBe(true);
          expect(quota >= 0 || (quota === -1 && isUnlimited(input))).toBe(true);
        }
      }),
    );
  });

  it('never allocates more than the supply, whatever the rounding', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, (stores, input) => {
        const outcome = allocateProduct(stores, input);
        const allocated = sum([...outcome.quotas].filter((quota) => quota > 0));
        expect(outcome.allocated).toBe(allocated);
        if (input.supply !== null) expect(allocated).toBeLessThanOrEqual(input.supply);
      }),
    );
  });

  it('gives ineligible stores 0 and counts the eligible ones', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, (stores, input) => {
        const outcome = allocateProduct(stores, input);
        let eligible = 0;
        stores.forEach((store, index) => {
          if (failedEligibility(store, input.strategy.eligibility).length > 0) expect(outcome.quotas[index]).toBe(0);
          else eligible += 1;
        });
        expect(outcome.eligibleStores).toBe(eligible);
        const eligibleAtZero = stores.filter(
          (store, index) =>
            outcome.quotas[index] === 0 && failedEligibility(store, input.strategy.eligibility).length === 0,
        );
        expect(outcome.storesAtZero).toBe(eligibleAtZero.length);
      }),
    );
  });

  it('never puts a store above the cap', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, (stores, input) => {
        const { cap } = input.strategy;
        if (cap === undefined) return;
        for (const quota of allocateProduct(stores, input).quotas) expect(quota).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('gives the same quotas for the same input, in whatever order the stores come', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, fc.integer(), (stores, input, seed) => {
        const first = allocateProduct(stores, input);
        expect(allocateProduct(stores, input)).toEqual(first);
        const byCustomer = new Map(stores.map((store, index) => [store.customerId, first.quotas[index]]));
        const reordered = shuffled(stores, seed);
        const second = allocateProduct(reordered, input);
        reordered.forEach((store, index) => {
          expect(second.quotas[index]).toBe(byCustomer.get(store.customerId));
        });
        expect(second.scale).toBe(first.scale);
      }),
    );
  });

  // Raw demand (after multipliers and cap) is what the same strategy gives with no supply limit.
  function rawDemand(stores: readonly AllocationStore[], input: ProductAllocationInput): number[] {
    return [...allocateProduct(stores, { ...input, supply: null }).quotas];
  }

  function expectLargestRemainder(stores: readonly AllocationStore[], input: ProductAllocationInput): void {
    const raw = rawDemand(stores, input);
    const demand = sum(raw);
    const outcome = allocateProduct(stores, input);
    if (input.supply === null || demand <= input.supply) {
      expect([...outcome.quotas]).toEqual(raw);
      expect(outcome.scale).toBe(1);
      return;
    }
    const supply = input.supply;
    expect(outcome.scale).toBeCloseTo(supply / demand, 12);
    expect(outcome.allocated).toBe(supply); // the leftover cartons all go out
    const remainders = raw.map((demandOfStore) => (demandOfStore * supply) % demand);
    const gotExtra = raw.map(
      (demandOfStore, index) => outcome.quotas[index] > Math.floor((demandOfStore * supply) / demand),
    );
    const rankKey = (index: number) => [remainders[index], raw[index], -stores[index].customerId];
    stores.forEach((_, index) => {
      const exactShare = (raw[index] * supply) / demand;
      expect(Math.abs(outcome.quotas[index] - exactShare)).toBeLessThan(1);
      // Stable tie-break: whoever got an extra carton ranks before whoever could have and did not —
      // larger remainder, then larger raw demand, then smaller customerId.
      if (!gotExtra[index]) return;
      stores.forEach((_, otherIndex) => {
        if (gotExtra[otherIndex] || remainders[otherIndex] === 0) return;
        const [a, b] = [rankKey(index), rankKey(otherIndex)];
        const before = a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])));
        expect(before).toBe(true);
      });
    });
  }

  const rawFirst = inputArbitrary.filter((input) => input.strategy.base.kind !== 'proportional' && !isUnlimited(input));

  it('scales nothing when the demand fits the supply, and otherwise rounds by largest remainder', () => {
    fc.assert(fc.property(storesArbitrary, rawFirst, expectLargestRemainder));
  });

  it('breaks ties in the remainder by raw demand, then customerId', () => {
    // Supplies of ¼, ½ and ¾ of the demand make many remainders equal.
    fc.assert(
      fc.property(storesArbitrary, rawFirst, fc.constantFrom(1, 2, 3), (stores, input, quarters) => {
        const supply = Math.floor((sum(rawDemand(stores, input)) * quarters) / 4);
        expectLargestRemainder(stores, { ...input, supply });
      }),
    );
  });

  it('shares a proportional supply within one carton of each store’s exact share, caps included', () => {
    const proportional = inputArbitrary.filter((input) => input.strategy.base.kind === 'proportional');
    fc.assert(
      fc.property(storesArbitrary, proportional, (stores, input) => {
        const outcome = allocateProduct(stores, input);
        const shares = proportionalShares(stores, input);
        shares.forEach((share, index) => {
          expect(Math.abs(outcome.quotas[index] - share)).toBeLessThan(1);
        });
        // The whole supply goes out unless every store with orders is at its cap.
        const canTake = sum(shares.map((share) => (share > 0 ? (input.strategy.cap ?? Number.POSITIVE_INFINITY) : 0)));
        const ordered = shares.some((share) => share > 0);
        expect(outcome.allocated).toBe(ordered ? Math.min(input.supply ?? 0, canTake) : 0);
        stores.forEach((store, index) => {
          if (store.recentQty === 0) expect(outcome.quotas[index]).toBe(0);
        });
      }),
    );
  });

  it('gives the same quotas from stores prepared once and reused for product after product', () => {
    fc.assert(
      fc.property(storesArbitrary, fc.array(inputArbitrary, { minLength: 2, maxLength: 5 }), (stores, inputs) => {
        const prepared = prepareStores(stores);
        for (const input of inputs) expect(allocateProduct(prepared, input)).toEqual(allocateProduct(stores, input));
      }),
    );
  });

  it('explains every quota it gives, in both languages', () => {
    fc.assert(
      fc.property(storesArbitrary, inputArbitrary, (stores, input) => {
        const outcome = allocateProduct(stores, input);
        stores.forEach((store, index) => {
          const quota = outcome.quotas[index];
          const zh = explainQuota(store, input, outcome, quota);
          const en = explainQuota(store, input, outcome, quota, 'en');
          expect(zh).toMatch(/[\u4e00-\u9fff]/);
          expect(en).not.toMatch(/[\u4e00-\u9fff]/);
          // Whatever the steps, the last figure is the quota itself (or the cap / 不限量 it comes from).
          if (quota > 0 && !zh.endsWith(`限量 ${quota}`))
            expect(zh).toMatch(new RegExp(`(→ ${quota}|^不限量；限量 ${quota})(（最大余数）)?$`));
        });
      }),
    );
  });
});
