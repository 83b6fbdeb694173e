import { describe, expect, it } from 'vitest';
import {
  builtInRule,
  checkBands,
  checkStatusChange,
  evaluateWeek,
  isBranchJudged,
  lastCompleteWeek,
  ruleFor,
  type WarningRule,
  warningStepOf,
} from './price-warning.rules.ts';
import type { WarningStatus } from './prices.schema.ts';

describe(evaluateWeek.name, () => {
  it.each([
    ['inside the band', 104, 10, null, null, null],
    ['below yellow', 93.2, 10, null, 'yellow', '指数 93.20 低于黄色下限 95'],
    ['above yellow', 105.01, 10, null, 'yellow', '高于黄色上限 105'],
    ['below red', 89.99, 10, null, 'red', '低于红色下限 90'],
    ['above red', 110.5, 10, null, 'red', '高于红色上限 110'],
    ['on the floor', 95, 10, null, null, null],
    ['too few observations', 80, 4, null, null, null],
    ['no index', null, 0, null, null, null],
    ['a drop of 6 points', 97, 10, { index: 103, observations: 6 }, 'yellow', '较上周下降 6.00 点'],
    ['a drop of exactly 5', 97, 10, { index: 102, observations: 6 }, null, null],
    ['a drop on too few last week', 97, 10, { index: 103, observations: 3 }, null, null],
    ['red and dropping', 88, 10, { index: 100, observations: 8 }, 'red', '较上周下降 12.00 点'],
  ])('%s', (_name, index, observations, previous, level, words) => {
    const finding = evaluateWeek(builtInRule, { index, observations }, previous);
    if (level === null) expect(finding).toBeNull();
    else {
      expect(finding?.level).toBe(level);
      expect(finding?.rule).toContain(words);
      expect(finding?.rule).toContain('系统默认规则');
      expect(finding?.ruleEn).toMatch(/built-in default/);
    }
  });
});

const rule = (overrides: Partial<WarningRule>): WarningRule => ({ ...builtInRule, id: 1, ...overrides });

describe(ruleFor.name, () => {
  const product = { id: 7, priceClass: 2 };
  const byProduct = rule({ id: 3, scope: 'product', productId: 7 });
  const byClass = rule({ id: 2, scope: 'price_class', priceClass: 2 });
  const byDefault = rule({ id: 1, scope: 'default' });
  it.each([
    ['product > class > default', [byDefault, byClass, byProduct], 3],
    ['class > default', [byDefault, byClass], 2],
    ['another class', [byDefault, rule({ id: 4, scope: 'price_class', priceClass: 3 })], 1],
    ['nothing set: built in', [], null],
  ])('%s', (_name, rules, id) => expect(ruleFor(rules, product).id).toBe(id));
});

describe(checkBands.name, () => {
  it.each([
    [{ yellowFloor: 95, yellowCeiling: 105, redFloor: 90, redCeiling: 110 }, null],
    [{ yellowFloor: 95, yellowCeiling: 95, redFloor: 90, redCeiling: 110 }, 'PRICE_RULE_BANDS_INVALID'],
    [{ yellowFloor: 106, yellowCeiling: 105, redFloor: 90, redCeiling: 110 }, 'PRICE_RULE_BANDS_INVALID'],
    [{ yellowFloor: 95, yellowCeiling: 105, redFloor: 110, redCeiling: 90 }, 'PRICE_RULE_BANDS_INVALID'],
    [{ yellowFloor: 95, yellowCeiling: 105, redFloor: 96, redCeiling: 110 }, 'PRICE_RULE_BANDS_INVALID'],
    [{ yellowFloor: 95, yellowCeiling: 105, redFloor: 95, redCeiling: 105 }, null],
  ])('%j: %s', (bands, code) => {
    if (code) expect(() => checkBands(bands)).toThrow(code);
    else expect(() => checkBands(bands)).not.toThrow();
  });
});

describe(warningStepOf.name, () => {
  it.each([
    [undefined, '2026-11-30', 'create'],
    [{ weekStart: '2026-11-23' }, '2026-11-30', 'extend'],
    [{ weekStart: '2026-11-30' }, '2026-11-30', 'refresh'],
    [{ weekStart: '2026-12-07' }, '2026-11-30', 'skip'],
  ])('%j, %s → %s', (open, week, step) => expect(warningStepOf(open, week)).toBe(step));
});

describe(lastCompleteWeek.name, () => {
  it.each([
    ['2026-12-07T02:00:00Z', '2026-11-30'], // Monday 10:00 Beijing
    ['2026-12-06T17:00:00Z', '2026-11-30'], // Monday 01:00 Beijing
    ['2026-12-06T15:00:00Z', '2026-11-23'], // Sunday 23:00 Beijing
  ])('%s → %s', (now, monday) => expect(lastCompleteWeek(new Date(now))).toBe(monday));
});

// The weekly evaluation with an injected clock over a district whose index dips for three weeks:
// one warning, carried from its first week to its last, not three.
describe('a three-week dip', () => {
  it('raises one warning', () => {
    const weeks: { now: string; index: number }[] = [
      { now: '2026-11-16T20:00:00Z', index: 100.5 }, // judges W46
      { now: '2026-11-23T20:00:00Z', index: 93.1 }, // W47
      { now: '2026-11-30T20:00:00Z', index: 92.4 }, // W48
      { now: '2026-12-07T20:00:00Z', index: 94 }, // W49
      { now: '2026-12-07T21:00:00Z', index: 94.2 }, // W49 judged again
      { now: '2026-12-14T20:00:00Z', index: 100 }, // W50: back in the band
    ];
    const warnings: { firstWeek: string; weekStart: string; weeks: number; index: number }[] = [];
    let previous: { index: number; observations: number } | null = null;
    for (const week of weeks) {
      const monday = lastCompleteWeek(new Date(week.now));
      const current = { index: week.index, observations: 12 };
      const finding = evaluateWeek(builtInRule, current, previous);
      if (finding) {
        const open = warnings.at(-1);
        const step = warningStepOf(open, monday);
        if (step === 'create') warnings.push({ firstWeek: monday, weekStart: monday, weeks: 1, index: week.index });
        if (step === 'extend' && open)
          Object.assign(open, { weekStart: monday, weeks: open.weeks + 1, index: week.index });
        if (step === 'refresh' && open) open.index = week.index;
      }
      previous = current;
    }
    expect(warnings).toEqual([{ firstWeek: '2026-11-16', weekStart: '2026-11-30', weeks: 3, index: 94.2 }]);
  });
});

describe(checkStatusChange.name, () => {
  it.each<[WarningStatus, WarningStatus, string | undefined, string | null]>([
    ['new', 'acknowledged', undefined, null],
    ['acknowledged', 'action_taken', '下调 思明区 配额 20%', null],
    ['acknowledged', 'action_taken', '  ', 'PRICE_WARNING_NOTE_REQUIRED'],
    ['action_taken', 'closed', undefined, null],
    ['new', 'closed', '误报', null],
    ['closed', 'acknowledged', undefined, 'PRICE_WARNING_STATUS'],
    ['acknowledged', 'acknowledged', undefined, 'PRICE_WARNING_STATUS'],
  ])('%s → %s', (from, to, note, code) => {
    if (code) expect(() => checkStatusChange(from, to, note)).toThrow(code);
    else expect(() => checkStatusChange(from, to, note)).not.toThrow();
  });
});

describe(isBranchJudged.name, () => {
  it.each([
    ['a branch of one district (its figures are the district’s)', 1, false],
    ['a branch of two districts', 2, true],
    ['a branch with no stores (market points only)', undefined, true],
  ])('%s', (_name, districts, judged) => expect(isBranchJudged(districts)).toBe(judged));
});
