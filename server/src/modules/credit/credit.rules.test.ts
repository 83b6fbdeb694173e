import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import {
  type CreditModelDefinition,
  checkModel,
  creditLevels,
  type FactEvent,
  howToRaise,
  levelOf,
  levelRank,
  type StoreFacts,
  scoreStore,
  summariseRun,
  windowStart,
} from './credit.rules.ts';
import { defaultCreditModel } from './default-model.ts';

const asOf = '2026-11-30';
const model = defaultCreditModel;
const store = (events: FactEvent[], measures: StoreFacts['measures'] = {}): StoreFacts => ({
  customerId: 1,
  events,
  measures,
});
const reasonOf = (definition: CreditModelDefinition) => {
  try {
    checkModel(definition);
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return String(error.details.reasonEn);
  }
};

describe('checking a credit model', () => {
  it('takes the default model', () => {
    expect(reasonOf(model)).toBeNull();
  });

  it.each([
    [
      'overlapping bands',
      {
        bands: [
          { level: 'AAA', min: 100 },
          { level: 'AA', min: 110 },
          { level: 'D', min: null },
        ],
      },
      'overlap',
    ],
    [
      'unordered bands',
      {
        bands: [
          { level: 'A', min: 100 },
          { level: 'AA', min: 90 },
          { level: 'D', min: null },
        ],
      },
      'best level down',
    ],
    [
      'a closed lowest band',
      {
        bands: [
          { level: 'A', min: 100 },
          { level: 'D', min: 0 },
        ],
      },
      'no minimum',
    ],
    [
      'an open middle band',
      {
        bands: [
          { level: 'A', min: null },
          { level: 'D', min: null },
        ],
      },
      'A has no minimum',
    ],
    ['one band', { bands: [{ level: 'A', min: null }] }, 'two bands'],
    [
      'a level twice',
      {
        bands: [
          { level: 'A', min: 100 },
          { level: 'A', min: null },
        ],
      },
      'twice',
    ],
    [
      'a rule without points',
      { rules: [{ rule: 'late_payment', label: 'x', points: 0, sourceKind: 'order' }] },
      'no points',
    ],
    [
      'a rule without a source kind',
      { rules: [{ rule: 'late_payment', label: 'x', points: -2, sourceKind: '' }] },
      'no source kind',
    ],
    [
      'a rule on the wrong facts',
      { rules: [{ rule: 'late_payment', label: 'x', points: -2, sourceKind: 'visit' }] },
      'reads order',
    ],
    ['an unknown rule', { rules: [{ rule: 'nope', label: 'x', points: -2, sourceKind: 'order' }] }, 'unknown rule'],
    [
      'a cap outside the bands',
      {
        caps: [{ rule: 'severe_violation_12m', label: 'x', capLevel: 'AAA' }],
        bands: [
          { level: 'A', min: 100 },
          { level: 'D', min: null },
        ],
      },
      'not a band',
    ],
    [
      'rising indicator steps',
      {
        indicators: [
          {
            indicator: 'tenure',
            label: 't',
            steps: [
              { min: 10, points: 1 },
              { min: 5, points: 2 },
            ],
          },
        ],
      },
      'must fall',
    ],
    ['an alert threshold of 0', { alertSharePoints: 0 }, 'alert threshold'],
  ])('refuses %s', (_name, change, reason) => {
    expect(reasonOf({ ...model, ...(change as Partial<CreditModelDefinition>) })).toContain(reason);
  });
});

describe('scoring a store', () => {
  it.each([
    [130, 'AAA'],
    [120, 'AAA'],
    [119.9, 'AA'],
    [110, 'AA'],
    [100, 'A'],
    [99.9, 'B'],
    [85, 'B'],
    [70, 'C'],
    [69.9, 'D'],
    [-50, 'D'],
  ])('the band of %s is %s', (score, level) => {
    expect(levelOf(model.bands, score)).toBe(level);
  });

  it('cites every point with its fact and reconciles score = base + Σ items', () => {
    const result = scoreStore(
      store(
        [
          { kind: 'order', type: 'late', id: '11', at: '2026-10-02' },
          { kind: 'violation', type: 'major', id: '5', at: '2026-06-01' },
          { kind: 'ticket', type: 'unfounded', id: '9', at: '2026-03-01' },
          { kind: 'visit', type: 'unmarked_price', id: '1', at: '2026-07-01' },
          { kind: 'visit', type: 'unmarked_price', id: '2', at: '2026-08-01' },
          { kind: 'visit', type: 'unmarked_price', id: '3', at: '2026-09-30' },
          { kind: 'visit', type: 'unmarked_price', id: '4', at: '2026-10-01' },
          { kind: 'violation', type: 'minor', id: '6', at: '2025-11-30' }, // out of the window
        ],
        {
          orders_settled: 2, // order 11 late, another on time
          orders_on_time: 1,
          cycles_open: 10,
          cycles_ordered: 10,
          order_streak: 12,
          tenure_months: 30,
          days_since_purchase: 3,
        },
      ),
      model,
      asOf,
    );
    expect(result.items.map((item) => [item.rule, item.points, item.source.kind, item.source.id])).toEqual([
      ['late_payment', -2, 'order', '11'],
      ['violation_major', -10, 'violation', '5'],
      ['unmarked_prices', -3, 'visit', '2026-Q3'],
      ['unfounded_complaint', -3, 'ticket', '9'],
      ['ordering_streak', 3, 'cycle', 'streak-12'],
      ['ordering_regularity', 2, 'indicator', 'ordering_regularity'],
      ['tenure', 1, 'indicator', 'tenure'],
    ]);
    expect(result.score).toBe(88);
    expect(result.level).toBe('B');
    expect(result.indicators.find((entry) => entry.indicator === 'on_time_rate')).toMatchObject({
      value: 50,
      points: 0,
    });
    expect(result.activity).toBe(4);
  });

  it('caps the level after a severe violation within 12 months', () => {
    const clean = store([], {
      cycles_open: 10,
      cycles_ordered: 10,
      order_streak: 20,
      tenure_months: 100,
      cooperation: 20,
    });
    expect(scoreStore(clean, { ...model, base: 130 }, asOf).level).toBe('AAA');
    const severe = { ...clean, events: [{ kind: 'violation', type: 'severe', id: '7', at: '2026-02-01' }] };
    const result = scoreStore(severe, { ...model, base: 130 }, asOf);
    expect(result.score).toBe(119);
    expect(result.level).toBe('B');
    expect(result.caps).toEqual([
      {
        rule: 'severe_violation_12m',
        label: '12 个月内严重违规',
        capLevel: 'B',
        source: { kind: 'violation', id: '7', at: '2026-02-01' },
      },
    ]);
  });

  it.each([
    [{}, 0],
    [{ days_since_purchase: 91, cycles_open: 10, cycles_ordered: 10 }, 0],
    [{ days_since_purchase: 5 }, 1],
    [{ days_since_purchase: 5, cycles_open: 10, cycles_ordered: 3 }, 1],
    [{ days_since_purchase: 5, cycles_open: 10, cycles_ordered: 4 }, 2],
    [{ days_since_purchase: 5, cycles_open: 10, cycles_ordered: 7 }, 3],
    [{ days_since_purchase: 5, cycles_open: 10, cycles_ordered: 9 }, 4],
  ])('activity of %o is %s', (measures, activity) => {
    expect(scoreStore(store([], measures), model, asOf).activity).toBe(activity);
    expect(scoreStore(store([], measures), { ...model, activityAxis: false }, asOf).activity).toBeNull();
  });

  it.each([
    [{}, null, 0],
    [{ orders_settled: 20, orders_on_time: 20 }, 100, 2],
    [{ orders_settled: 20, orders_on_time: 19 }, 95, 1],
    [{ orders_settled: 20, orders_on_time: 18 }, 90, 0],
    [{ orders_settled: 0, orders_on_time: 0 }, null, 0],
  ])('the on-time rate of the counted settlements %o is %s, %s points', (measures, value, points) => {
    expect(scoreStore(store([], measures), model, asOf).indicators[0]).toMatchObject({
      indicator: 'on_time_rate',
      value,
      points,
    });
  });

  it('leaves a dropped late settlement out of the on-time rate as out of the ledger', () => {
    const facts = store([{ kind: 'order', type: 'late', id: '11', at: '2026-10-02' }], {
      orders_settled: 10,
      orders_on_time: 9,
    });
    const plain = scoreStore(facts, model, asOf);
    expect(plain.indicators[0]).toMatchObject({ value: 90, points: 0 });
    const dropped = scoreStore(facts, model, asOf, new Set(), new Set(['late_payment:order:11']));
    expect(dropped.indicators[0]).toMatchObject({ value: 100, points: 2 });
    expect(dropped.items.map((item) => item.rule)).toEqual(['on_time_rate']);
  });

  it('scores an appeal-corrected settlement the same when a later import says late again', () => {
    const appealed = new Set(['late_payment:order:11']);
    // The appeal corrected order 11 to on time: no event, counted on time.
    const corrected = scoreStore(
      store([], { orders_settled: 10, orders_on_time: 10 }),
      model,
      asOf,
      new Set(),
      appealed,
    );
    // The bank's file re-imported it late (or failed): the event is back, counted late.
    const reverted = (type: string) =>
      scoreStore(
        store([{ kind: 'order', type, id: '11', at: '2026-10-02' }], { orders_settled: 10, orders_on_time: 9 }),
        model,
        asOf,
        new Set(),
        appealed,
      );
    for (const type of ['late', 'failed']) {
      expect(reverted(type)).toEqual(corrected);
      expect(reverted(type).items.some((item) => item.source.id === '11')).toBe(false);
    }
  });

  it.each([
    [{}, null, 0],
    [{ tenure_months: 3 }, 3, 0],
    [{ licence_months: 30 }, 30, 1],
    [{ tenure_months: 3, licence_months: 30 }, 30, 1],
    [{ tenure_months: 70, licence_months: 30 }, 70, 2],
  ])('tenure of %o is %s months (the longer of first order and licence), %s points', (measures, value, points) => {
    expect(scoreStore(store([], measures), model, asOf).indicators[2]).toMatchObject({
      indicator: 'tenure',
      value,
      points,
    });
  });

  it('marks frozen items without changing them', () => {
    const facts = store([{ kind: 'order', type: 'late', id: '11', at: '2026-10-02' }]);
    const plain = scoreStore(facts, model, asOf);
    const frozen = scoreStore(facts, model, asOf, new Set([plain.items[0].key]));
    expect(frozen.items[0]).toMatchObject({ key: 'late_payment:order:11', frozen: true, points: -2 });
    expect(frozen.score).toBe(plain.score);
  });

  it('says what would raise the level', () => {
    const result = scoreStore(store([{ kind: 'order', type: 'late', id: '11', at: '2026-10-02' }]), model, asOf);
    const tips = howToRaise(model, result);
    expect(tips[0]).toMatchObject({ kind: 'points', level: 'A', points: 2 });
    expect(tips.some((tip) => tip.kind === 'expiry' && tip.at === '2026-10-02')).toBe(true);
  });

  it('the window is the 12 months before the day', () => {
    expect(windowStart('2026-11-30')).toBe('2025-11-30');
  });
});

// ---- Properties ----

const eventArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('order'), type: fc.constantFrom('late', 'failed') }),
  fc.record({ kind: fc.constant('violation'), type: fc.constantFrom('minor', 'major', 'severe') }),
  fc.record({ kind: fc.constant('visit'), type: fc.constantFrom('unmarked_price', 'price_deviation') }),
  fc.record({ kind: fc.constant('ticket'), type: fc.constantFrom('unfounded', 'malicious') }),
);
const factsArbitrary = fc
  .record({
    events: fc.array(
      fc.record({
        event: eventArbitrary,
        id: fc.integer({ min: 1, max: 10_000 }),
        day: fc.integer({ min: 0, max: 400 }),
      }),
      { maxLength: 25 },
    ),
    onTime: fc.integer({ min: 0, max: 60 }),
    measures: fc.record(
      {
        cycles_open: fc.integer({ min: 0, max: 52 }),
        cycles_ordered: fc.integer({ min: 0, max: 52 }),
        order_streak: fc.integer({ min: 0, max: 52 }),
        days_since_purchase: fc.integer({ min: 0, max: 400 }),
        tenure_months: fc.integer({ min: 0, max: 200 }),
        licence_months: fc.integer({ min: 0, max: 200 }),
        cooperation: fc.integer({ min: 0, max: 50 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ events, onTime, measures }) => {
    // The counts of the settlements as SQL gives them: the exceptional ones are also events.
    const exceptional = events.filter(({ event }) => event.kind === 'order').length;
    return store(
      events.map(({ event, id, day }) => ({
        ...event,
        id: `${event.kind}-${id}`,
        at: new Date(Date.UTC(2026, 10, 30) - day * 86_400_000).toISOString().slice(0, 10),
      })),
      { ...measures, orders_settled: onTime + exceptional, orders_on_time: onTime },
    );
  });
const modelArbitrary = fc
  .record({
    base: fc.integer({ min: 60, max: 140 }),
    severity: fc.integer({ min: 1, max: 30 }),
    activityAxis: fc.boolean(),
  })
  .map(({ base, severity, activityAxis }) => ({
    ...model,
    base,
    activityAxis,
    rules: model.rules.map((rule) => (rule.rule === 'violation_severe' ? { ...rule, points: -severity } : rule)),
  }));
const deductions = new Set([
  'late',
  'failed',
  'minor',
  'major',
  'severe',
  'unmarked_price',
  'price_deviation',
  'unfounded',
  'malicious',
]);

describe('credit scoring properties', () => {
  it('the score always equals base + Σ items', () => {
    fc.assert(
      fc.property(factsArbitrary, modelArbitrary, (facts, definition) => {
        const result = scoreStore(facts, definition, asOf);
        const sum = result.items.reduce((total, item) => total + item.points, 0);
        expect(result.score).toBeCloseTo(definition.base + sum, 9);
        expect(creditLevels).toContain(result.level);
      }),
    );
  });

  it('correcting a deduction (the order paid on time, any other fact removed) never lowers the level', () => {
    fc.assert(
      fc.property(factsArbitrary, modelArbitrary, fc.nat(), (facts, definition, pick) => {
        const candidates = facts.events.filter((event) => deductions.has(event.type));
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length];
        // An order paid on time is no longer an event, and counts as on time.
        const corrected = {
          ...facts,
          events: facts.events.filter((event) => event !== target),
          measures:
            target.kind === 'order'
              ? { ...facts.measures, orders_on_time: (facts.measures.orders_on_time ?? 0) + 1 }
              : facts.measures,
        };
        const before = scoreStore(facts, definition, asOf);
        const after = scoreStore(corrected, definition, asOf);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(levelRank(after.level)).toBeLessThanOrEqual(levelRank(before.level));
      }),
    );
  });

  it('the same facts give the same result, in any order', () => {
    fc.assert(
      fc.property(factsArbitrary, modelArbitrary, (facts, definition) => {
        const reversed = { ...facts, events: [...facts.events].reverse() };
        expect(scoreStore(reversed, definition, asOf)).toEqual(scoreStore(facts, definition, asOf));
      }),
    );
  });
});

describe("a run's review", () => {
  const scored = (customerId: number, branchId: number, level: string, score: number) => ({
    customerId,
    name: `店${customerId}`,
    branchId,
    branchName: `营销部${branchId}`,
    level,
    score,
  });

  it('summarises the distribution, the diff per branch, movers and alerts', () => {
    const stores = [scored(1, 1, 'A', 105), scored(2, 1, 'B', 90), scored(3, 2, 'AA', 111), scored(4, 2, 'A', 100)];
    const previous = new Map([
      [1, { level: 'A', score: 104 }],
      [2, { level: 'A', score: 101 }],
      [3, { level: 'A', score: 109 }],
    ]);
    const summary = summariseRun(model, stores, previous);
    expect(summary.total).toBe(4);
    expect(summary.levels.map((entry) => [entry.level, entry.count])).toEqual([
      ['AAA', 0],
      ['AA', 1],
      ['A', 2],
      ['B', 1],
      ['C', 0],
      ['D', 0],
    ]);
    expect(summary.branches).toEqual([
      { branchId: 1, branchName: '营销部1', total: 2, up: 0, down: 1, changed: 1 },
      { branchId: 2, branchName: '营销部2', total: 2, up: 1, down: 0, changed: 2 },
    ]);
    expect(summary.movers.map((mover) => mover.customerId)).toEqual([2, 3, 1]);
    expect(summary.alerts.map((alert) => alert.level)).toEqual(['AA', 'A', 'B']);
    expect(summariseRun(model, stores, null)).toMatchObject({ movers: [], alerts: [] });
  });
});
