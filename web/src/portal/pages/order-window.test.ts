import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n/i18n.ts';
import { formatTimeLeft, nextWindowBoundary, windowPhase } from './order-window.ts';

const window = { opensAt: '2026-11-26T00:00:00.000Z', closesAt: '2026-11-26T08:00:00.000Z' };
const at = (iso: string) => Date.parse(iso);

describe(windowPhase.name, () => {
  it.each([
    ['2026-11-25T23:59:59.999Z', undefined, 'upcoming'],
    ['2026-11-26T00:00:00.000Z', undefined, 'open'],
    ['2026-11-26T07:59:59.999Z', true, 'open'],
    ['2026-11-26T08:00:00.000Z', true, 'closed'],
    ['2026-11-27T08:00:00.000Z', undefined, 'closed'],
    // Inside the dates but the server says no (e.g. not the store's order day): closed.
    ['2026-11-26T03:00:00.000Z', false, 'closed'],
    // The browser's clock passed the cutoff even though the server said open when asked.
    ['2026-11-26T08:00:01.000Z', true, 'closed'],
  ] as const)('at %s with isOpen %s → %s', (now, isOpen, expected) => {
    expect(windowPhase(window, at(now), isOpen)).toBe(expected);
  });
});

describe(nextWindowBoundary.name, () => {
  it.each([
    ['2026-11-25T12:00:00.000Z', at(window.opensAt)],
    ['2026-11-26T00:00:00.000Z', at(window.closesAt)],
    ['2026-11-26T08:00:00.000Z', null],
  ])('after %s → %s', (now, expected) => {
    expect(nextWindowBoundary(window, at(now))).toBe(expected);
  });
});

describe(formatTimeLeft.name, () => {
  it.each([
    ['zh-CN', 2 * 86_400 + 3 * 3_600 + 59, '2 天 3 小时'],
    ['zh-CN', 5 * 3_600 + 12 * 60 + 5, '5 小时 12 分'],
    ['zh-CN', 849, '14:09'],
    ['zh-CN', 0, '0:00'],
    ['en', 3_600, '1 h 0 min'],
  ] as const)('%s, %i seconds → %s', (locale, seconds, expected) => {
    expect(formatTimeLeft(seconds, i18n.getFixedT(locale))).toBe(expected);
  });
});
