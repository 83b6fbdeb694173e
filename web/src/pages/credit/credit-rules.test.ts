import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  formatMonth,
  formatPoints,
  formatScore,
  formatShare,
  formatSharePoints,
} from '../../shared/credit-format.ts';
import { bandProblems, ledgerTotal, levelMove, levelsInOrder } from './credit.api.ts';

describe('credit formats', () => {
  it.each([
    [formatShare(81.23, 'zh-CN'), '81.2%'],
    [formatScore(102, 'zh-CN'), '102.0'],
    [formatScore(null, 'zh-CN'), '—'],
    [formatPoints(-2, 'zh-CN'), '−2'],
    [formatPoints(5, 'zh-CN'), '+5'],
    [formatPoints(0, 'zh-CN'), '0'],
    [formatSharePoints(80, 82.5, 'zh-CN'), '+2.5'],
    [formatMonth('2026-11', 'zh-CN'), '2026-11'],
    [formatMonth('2026-11', 'en'), 'Nov 2026'],
    [formatMonth('soon', 'en'), 'soon'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('counts the days to a deadline, negative once past', () => {
    expect(daysUntil('2026-12-10', '2026-12-07')).toBe(3);
    expect(daysUntil('2026-12-07', '2026-12-07')).toBe(0);
    expect(daysUntil('2026-12-01', '2026-12-07')).toBe(-6);
  });
});

describe(bandProblems.name, () => {
  it.each([
    [
      [
        { level: 'AAA', min: 120 },
        { level: 'AA', min: 110 },
        { level: 'A', min: 100 },
        { level: 'D', min: null },
      ],
      [],
    ],
    [
      [
        { level: 'AAA', min: 100 },
        { level: 'AA', min: 110 },
        { level: 'D', min: null },
      ],
      ['order'],
    ],
    [
      [
        { level: 'AAA', min: 120 },
        { level: 'D', min: 70 },
      ],
      ['lowest'],
    ],
    [
      [
        { level: 'AAA', min: null },
        { level: 'D', min: null },
      ],
      ['missing'],
    ],
    [[], ['missing']],
  ] as const)('%j → %j', (bands, expected) => {
    expect(bandProblems(bands as never)).toEqual(expected);
  });
});

describe('ledger and levels', () => {
  it('reconciles the score with the base and the items, to one decimal', () => {
    expect(ledgerTotal(100, [{ points: -2 }, { points: 5 }, { points: 0.1 }, { points: 0.2 }])).toBe(103.3);
  });

  it('orders the levels by band, filling those with no store', () => {
    expect(levelsInOrder([{ level: 'A', count: 3, share: 1 }]).map((entry) => entry.count)).toEqual([0, 0, 3, 0, 0, 0]);
  });

  it.each([
    ['A', 'AA', 'up'],
    ['AA', 'B', 'down'],
    ['A', 'A', 'same'],
    [null, 'A', 'same'],
  ] as const)('%s → %s is %s', (from, to, move) => {
    expect(levelMove(from, to)).toBe(move);
  });
});
