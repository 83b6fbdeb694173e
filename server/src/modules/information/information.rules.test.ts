import { describe, expect, it } from 'vitest';
import {
  canEdit,
  checkTargeting,
  decodeCursor,
  encodeCursor,
  isReminderDue,
  monthBounds,
  publicationOf,
  rateOf,
} from './information.rules.ts';

describe('targeting', () => {
  it.each([
    ['city-wide, everyone', { cityWide: true, everyone: true, targeted: 300, inScope: 300 }, 'ok'],
    ['city-wide, a segment', { cityWide: true, everyone: false, targeted: 40, inScope: 40 }, 'ok'],
    ['city-wide, an empty segment', { cityWide: true, everyone: false, targeted: 0, inScope: 0 }, 'empty'],
    ['a branch, its own stores', { cityWide: false, everyone: false, targeted: 25, inScope: 25 }, 'ok'],
    ['a branch, everyone', { cityWide: false, everyone: true, targeted: 300, inScope: 60 }, 'outside_scope'],
    [
      'a branch, some stores elsewhere',
      { cityWide: false, everyone: false, targeted: 30, inScope: 29 },
      'outside_scope',
    ],
    ['a branch, none of its own', { cityWide: false, everyone: false, targeted: 30, inScope: 0 }, 'outside_scope'],
    ['a branch, an empty segment', { cityWide: false, everyone: false, targeted: 0, inScope: 0 }, 'empty'],
  ] as const)('%s → %s', (_name, input, expected) => {
    expect(checkTargeting(input)).toBe(expected);
  });
});

describe('publication', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  it.each([
    [null, 'now'],
    [new Date('2026-11-23T01:59:59Z'), 'now'],
    [new Date('2026-11-23T02:00:00Z'), 'now'],
    [new Date('2026-11-23T02:00:01Z'), 'scheduled'],
  ] as const)('publishAt %s → %s', (publishAt, expected) => {
    expect(publicationOf(publishAt, now)).toBe(expected);
  });
  it.each([
    ['draft', true],
    ['scheduled', true],
    ['published', false],
    ['withdrawn', false],
  ] as const)('%s editable: %s', (status, expected) => expect(canEdit(status)).toBe(expected));
});

describe('reminders (injected now)', () => {
  const delivered = new Date('2026-11-20T02:00:00Z');
  const base = { deliveredAt: delivered, readAt: null, acknowledgedAt: null, remindedAt: null };
  const at = (hours: number) => new Date(delivered.getTime() + hours * 3_600_000);
  it.each([
    ['important, unread, 23 h', base, true, at(23), false],
    ['important, unread, 24 h', base, true, at(24), true],
    ['important, read not acknowledged, 30 h', { ...base, readAt: at(1) }, true, at(30), true],
    ['important, acknowledged', { ...base, readAt: at(1), acknowledgedAt: at(2) }, true, at(30), false],
    ['important, already reminded', { ...base, remindedAt: at(25) }, true, at(48), false],
    ['not important, unread', base, false, at(48), false],
  ] as const)('%s → %s', (_name, delivery, important, now, expected) => {
    expect(isReminderDue(delivery, important, now)).toBe(expected);
  });
});

describe('receipt rates', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [250_000, 250_000, 100],
  ])('%i of %i → %f %', (part, whole, expected) => expect(rateOf(part, whole)).toBe(expected));
});

describe('feed cursor', () => {
  it('round-trips and refuses anything else', () => {
    const cursor = { read: true, deliveredAt: new Date('2026-11-01T00:00:00Z'), articleId: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of [
      '',
      'xyz',
      Buffer.from('2.1.1').toString('base64url'),
      Buffer.from('0.1.0').toString('base64url'),
    ])
      expect(decodeCursor(bad)).toBeUndefined();
    expect(decodeCursor(Buffer.from('0.1.9999999999').toString('base64url'))).toBeUndefined();
  });
});

describe('month bounds (Beijing)', () => {
  it.each([
    ['2026-11', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('%s', (month, from, to) => {
    const bounds = monthBounds(month);
    expect([bounds.from.toISOString(), bounds.to.toISOString()]).toEqual([from, to]);
  });
});
