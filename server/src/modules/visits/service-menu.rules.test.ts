import { describe, expect, it } from 'vitest';
import { isOpenToCreditLevel } from './service-menu.rules.ts';

describe(isOpenToCreditLevel.name, () => {
  it.each([
    [null, 'B', true],
    [null, null, true],
    [[], 'D', true],
    [['AAA', 'AA'], 'AA', true],
    [['AAA', 'AA'], 'A', false],
    [['AAA', 'AA'], null, false],
    [['A'], 'A', true],
  ] as const)('an item for %j asked by a store at %s: %s', (creditLevels, level, expected) => {
    expect(isOpenToCreditLevel({ creditLevels }, level)).toBe(expected);
  });
});
