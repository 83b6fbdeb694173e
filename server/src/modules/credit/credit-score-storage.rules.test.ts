import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FactEvent, scoreStore } from './credit.rules.ts';
import { compactExplanation, expandExplanation } from './credit-score-storage.rules.ts';
import { defaultCreditModel } from './default-model.ts';

const asOf = '2026-11-30';
const model = defaultCreditModel;
const event = (kind: string, type: string, id: string, at = '2026-10-02'): FactEvent => ({ kind, type, id, at });
const roundTrip = (result: ReturnType<typeof scoreStore>) =>
  expandExplanation(JSON.parse(JSON.stringify(compactExplanation(result, asOf))), model, asOf);
const explanationOf = ({ items, indicators, caps }: ReturnType<typeof scoreStore>) => ({ items, indicators, caps });

describe(compactExplanation.name, () => {
  it.each([
    ['no facts', [], {}],
    [
      'a full record',
      [],
      {
        orders_settled: 52,
        orders_on_time: 52,
        cycles_open: 52,
        cycles_ordered: 52,
        order_streak: 52,
        licence_months: 70,
        cooperation: 6,
      },
    ],
    [
      'a late payment and a failed deduction',
      [event('order', 'late', '11'), event('order', 'failed', '12')],
      { orders_settled: 10, orders_on_time: 8 },
    ],
    ['a severe violation (a cap)', [event('violation', 'severe', '7')], { cycles_open: 10, cycles_ordered: 4 }],
    ['a malicious complaint (a cap)', [event('ticket', 'malicious', '3')], {}],
    [
      'three unmarked-price visits in a quarter',
      [
        event('visit', 'unmarked_price', '1', '2026-10-01'),
        event('visit', 'unmarked_price', '2', '2026-10-15'),
        event('visit', 'unmarked_price', '3', '2026-11-03'),
      ],
      {},
    ],
  ])('gives back the explanation scoreStore gave: %s', (_name, events, measures) => {
    const result = scoreStore({ customerId: 1, events, measures }, model, asOf);
    expect(roundTrip(result)).toEqual(explanationOf(result));
  });

  it("keeps frozen items frozen, the indicators' too", () => {
    const facts = {
      customerId: 1,
      events: [event('order', 'late', '11')],
      measures: { orders_settled: 10, orders_on_time: 10 },
    };
    const result = scoreStore(
      facts,
      model,
      asOf,
      new Set(['late_payment:order:11', 'on_time_rate:indicator:on_time_rate']),
    );
    expect(result.items.filter((item) => item.frozen)).toHaveLength(2);
    expect(roundTrip(result)).toEqual(explanationOf(result));
  });

  it('keeps a fraction of the spelled-out size', () => {
    const result = scoreStore(
      {
        customerId: 1,
        events: [event('order', 'late', '11')],
        measures: {
          orders_settled: 13,
          orders_on_time: 12,
          cycles_open: 13,
          cycles_ordered: 13,
          order_streak: 13,
          licence_months: 40,
        },
      },
      model,
      asOf,
    );
    const spelled = JSON.stringify(explanationOf(result)).length;
    expect(JSON.stringify(compactExplanation(result, asOf)).length).toBeLessThan(spelled / 3);
  });

  it('reads rows written spelled out as they are', () => {
    const result = scoreStore(
      { customerId: 1, events: [event('violation', 'severe', '7')], measures: {} },
      model,
      asOf,
    );
    expect(expandExplanation(explanationOf(result), model, asOf)).toEqual(explanationOf(result));
  });

  it("gives back any store's explanation (property)", () => {
    const events = fc.array(
      fc.record({
        kind: fc.constantFrom('order', 'violation', 'ticket', 'visit'),
        type: fc.constantFrom('late', 'failed', 'minor', 'major', 'severe', 'unfounded', 'malicious', 'unmarked_price'),
        id: fc.integer({ min: 1, max: 99 }).map(String),
        at: fc.constantFrom('2026-01-05', '2026-02-20', '2026-06-30', '2026-11-29'),
      }),
      { maxLength: 8 },
    );
    const count = fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined });
    fc.assert(
      fc.property(events, count, count, count, (list, settled, open, streak) => {
        const measures = {
          orders_settled: settled,
          orders_on_time: settled,
          cycles_open: open,
          cycles_ordered: open,
          order_streak: streak,
        };
        const result = scoreStore({ customerId: 1, events: list, measures }, model, asOf);
        expect(roundTrip(result)).toEqual(explanationOf(result));
      }),
    );
  });
});
