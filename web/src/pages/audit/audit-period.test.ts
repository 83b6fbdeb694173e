import { describe, expect, it } from 'vitest';
import { periodToRange } from './audit-period.ts';

describe(periodToRange.name, () => {
  it('covers whole Beijing days, sent as UTC instants', () => {
    expect(periodToRange('2026-03-01', '2026-03-02')).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-02T15:59:59.999Z',
    });
  });

  it('leaves an open end open', () => {
    expect(periodToRange(undefined, '2026-03-02')).toEqual({ from: undefined, to: '2026-03-02T15:59:59.999Z' });
  });
});
