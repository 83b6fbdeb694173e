import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  calendarDate,
  calendarMonth,
  idParam,
  idSchema,
  instantParam,
  maxInteger,
  multilineText,
  ruleCheckedNumber,
  singleLineText,
} from './input-bounds.ts';

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('input bounds', () => {
  it.each([
    ['the smallest id', 1, true],
    ['the largest 32-bit id', maxInteger, true],
    ['2³¹', 2 ** 31, false],
    ['2⁵³ − 1', Number.MAX_SAFE_INTEGER, false],
    ['0', 0, false],
    ['−1', -1, false],
    ['a fraction', 1.5, false],
  ])('an id in a body: %s → %s', (_, value, ok) => {
    expect(accepts(idSchema, value)).toBe(ok);
  });

  it.each([
    ['42', true],
    [String(maxInteger), true],
    ['2147483648', false],
    ['9007199254740991', false],
    ['0', false],
    ['', false],
    ['abc', false],
  ])('an id in a path or query: "%s" → %s', (value, ok) => {
    expect(accepts(idParam, value)).toBe(ok);
  });

  it.each([
    ['plain text', '胜利路 12 号', true],
    ['NUL', 'a\u0000b', false],
    ['a bell', 'a\u0007b', false],
    ['DEL', 'a\u007fb', false],
    ['a tab', 'a\tb', false],
    ['a line break', 'a\nb', false],
    ['too long', 'x'.repeat(11), false],
  ])('one line of text: %s → %s', (_, value, ok) => {
    expect(accepts(singleLineText(10), value)).toBe(ok);
  });

  it.each([
    ['lines', '第一行\n第二行\r\n第三行', true],
    ['a tab', '品名\t数量', true],
    ['NUL', '投诉\u0000内容', false],
    ['an escape', 'x\u001b[2J', false],
    ['a vertical tab', 'a\u000bb', false],
    ['DEL', 'a\u007f', false],
  ])('text of several lines: %s → %s', (_, value, ok) => {
    expect(accepts(multilineText(50), value)).toBe(ok);
  });

  it('trims before it measures, and then needs what is left', () => {
    const name = singleLineText(3, { trim: true, min: 1 });
    expect(name.parse('  ab  ')).toBe('ab');
    expect(accepts(name, '   ')).toBe(false);
  });

  it.each([
    ['2026-11-23', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['1900-02-29', false],
    ['1899-12-31', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['2026-11-23T00:00:00Z', false],
  ])('a calendar date "%s" → %s', (value, ok) => {
    expect(accepts(calendarDate, value)).toBe(ok);
  });

  it.each([
    ['2026-11', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['0000-01', false],
    ['2026-1', false],
  ])('a calendar month "%s" → %s', (value, ok) => {
    expect(accepts(calendarMonth, value)).toBe(ok);
  });

  it.each([
    ['2026-11-23', '2026-11-23T00:00:00.000Z'],
    ['2026-11-23T10:00:00+08:00', '2026-11-23T02:00:00.000Z'],
    ['2026-11-23T02:00:00.000Z', '2026-11-23T02:00:00.000Z'],
  ])('an instant in a query "%s" is %s', (value, iso) => {
    expect(instantParam.parse(value).toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', 'tomorrow', '1700000000000'])(
    'an instant in a query "%s" is refused',
    (value) => {
      expect(accepts(instantParam, value)).toBe(false);
    },
  );

  it.each([
    [0, true],
    [-maxInteger, true],
    [maxInteger, true],
    [2 ** 31, false],
    [-(2 ** 31), false],
  ])('a number a rule checks further: %s → %s', (value, ok) => {
    expect(accepts(ruleCheckedNumber, value)).toBe(ok);
  });
});
