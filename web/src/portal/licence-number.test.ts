import { describe, expect, it } from 'vitest';
import { formatLicenceNumber, isLicenceNumber, normaliseLicenceNumber } from './licence-number.ts';

describe(isLicenceNumber.name, () => {
  it.each([
    ['320102100001', true],
    ['3201 0210 0001', true],
    ['3201-0210-0001', true],
    ['32010210000', false],
    ['3201021000011', false],
    ['32010210000A', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isLicenceNumber(input)).toBe(expected);
  });
});

describe(normaliseLicenceNumber.name, () => {
  it('drops spaces and dashes people type or paste', () => {
    expect(normaliseLicenceNumber(' 3201 0210-0001 ')).toBe('320102100001');
  });
});

describe(formatLicenceNumber.name, () => {
  it('groups the digits in fours for reading', () => {
    expect(formatLicenceNumber('320102100001')).toBe('3201 0210 0001');
  });

  it('leaves anything that is not a licence number alone', () => {
    expect(formatLicenceNumber('demo-store')).toBe('demo-store');
  });
});
