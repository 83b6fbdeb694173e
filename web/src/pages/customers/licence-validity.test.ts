import { describe, expect, it } from 'vitest';
import { licenceValidity } from './licence-validity.ts';

describe(licenceValidity.name, () => {
  // 2026-06-15 08:00 in Beijing
  const now = new Date('2026-06-15T00:00:00Z');

  it.each([
    [null, { state: 'unknown' }],
    ['', { state: 'unknown' }],
    ['2026/07/01', { state: 'unknown' }],
    ['2027-06-15', { state: 'valid', daysLeft: 365 }],
    ['2026-07-16', { state: 'valid', daysLeft: 31 }],
    ['2026-07-15', { state: 'expiring', daysLeft: 30 }],
    ['2026-06-16', { state: 'expiring', daysLeft: 1 }],
    ['2026-06-15', { state: 'expiring', daysLeft: 0 }],
    ['2026-06-14', { state: 'expired', daysAgo: 1 }],
    ['2025-06-15', { state: 'expired', daysAgo: 365 }],
  ])('valid until %j → %j', (validUntil, expected) => {
    expect(licenceValidity(validUntil, now)).toEqual(expected);
  });

  it('counts days in Beijing time, not the browser zone', () => {
    // 23:30 UTC on 14 June is already 15 June in Beijing: a licence ending on the 14th has expired.
    expect(licenceValidity('2026-06-14', new Date('2026-06-14T23:30:00Z'))).toEqual({ state: 'expired', daysAgo: 1 });
    expect(licenceValidity('2026-06-14', new Date('2026-06-14T15:59:00Z'))).toEqual({
      state: 'expiring',
      daysLeft: 0,
    });
  });
});
