import { describe, expect, it } from 'vitest';
import { formatStepDurations, stepDurations } from './progress.ts';

describe(stepDurations.name, () => {
  it.each([
    ['no reports', [], []],
    ['one step', [{ step: 'a', at: 1_500 }], [{ step: 'a', ms: 500 }]],
    [
      'a step in batches counts to its last batch',
      [
        { step: 'a', at: 1_100 },
        { step: 'b', at: 1_200 },
        { step: 'b', at: 1_700 },
        { step: 'c', at: 4_700 },
      ],
      [
        { step: 'a', ms: 100 },
        { step: 'b', ms: 600 },
        { step: 'c', ms: 3_000 },
      ],
    ],
    [
      'a step reported again later is a new step',
      [
        { step: 'a', at: 1_100 },
        { step: 'b', at: 1_300 },
        { step: 'a', at: 1_600 },
      ],
      [
        { step: 'a', ms: 100 },
        { step: 'b', ms: 200 },
        { step: 'a', ms: 300 },
      ],
    ],
  ])('%s', (_name, reports, expected) => {
    expect(stepDurations(1_000, reports)).toEqual(expected);
  });

  it('formats seconds with one decimal', () => {
    expect(
      formatStepDurations([
        { step: 'customers', ms: 7_840 },
        { step: 'orders', ms: 40_000 },
      ]),
    ).toBe('customers 7.8 s · orders 40.0 s');
  });
});
