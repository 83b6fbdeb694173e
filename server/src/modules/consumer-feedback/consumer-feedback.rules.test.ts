import { describe, expect, it } from 'vitest';
import {
  answeredInTime,
  checkAnswerable,
  checkFeedbackText,
  feedbackStateOf,
  monthOf,
  monthRange,
  summariseByProduct,
  ticketCategoryOf,
} from './consumer-feedback.rules.ts';

const due = new Date('2026-03-10T08:00:00Z');

describe('consumer feedback rules', () => {
  it.each([
    ['a normal text', '这款烟价格涨了', '这款烟价格涨了'],
    ['trimmed', '  包装破损  ', '包装破损'],
    ['exactly 2,000 characters', '价'.repeat(2000), '价'.repeat(2000)],
    ['2,000 emoji count as 2,000', '😀'.repeat(2000), '😀'.repeat(2000)],
  ])('accepts %s', (_name, text, stored) => {
    expect(checkFeedbackText(text)).toBe(stored);
  });

  it.each([
    ['2,001 characters', '价'.repeat(2001), 'CONSUMER_FEEDBACK_TEXT_TOO_LONG'],
    ['empty', '', 'CONSUMER_FEEDBACK_TEXT_EMPTY'],
    ['only spaces', '   \n ', 'CONSUMER_FEEDBACK_TEXT_EMPTY'],
  ])('refuses %s', (_name, text, code) => {
    expect(() => checkFeedbackText(text)).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['unanswered before the due time', null, new Date('2026-03-10T07:59:59Z'), 'open'],
    ['unanswered at the due time', null, due, 'overdue'],
    ['unanswered after the due time', null, new Date('2026-03-11T00:00:00Z'), 'overdue'],
    ['answered late is answered', new Date('2026-03-12T00:00:00Z'), new Date('2026-03-13T00:00:00Z'), 'answered'],
  ] as const)('is %s', (_name, answeredAt, now, state) => {
    expect(feedbackStateOf({ answeredAt, responseDueAt: due }, now)).toBe(state);
  });

  it.each([
    [null, null],
    [new Date('2026-03-10T07:00:00Z'), true],
    [new Date('2026-03-10T08:00:00Z'), false],
  ] as const)('answered at %s is in time: %s', (answeredAt, inTime) => {
    expect(answeredInTime({ answeredAt, responseDueAt: due })).toBe(inTime);
  });

  it('answers once', () => {
    expect(() => checkAnswerable({ answeredAt: null })).not.toThrow();
    expect(() => checkAnswerable({ answeredAt: due })).toThrow(
      expect.objectContaining({ code: 'CONSUMER_FEEDBACK_ALREADY_ANSWERED' }),
    );
  });

  it.each([
    ['price', 'price'],
    ['quality', 'quality'],
    ['availability', 'supply'],
    ['packaging', 'quality'],
    ['other', 'other'],
  ] as const)('files %s under the complaint category %s', (topic, category) => {
    expect(ticketCategoryOf(topic)).toBe(category);
  });

  it.each([
    ['2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('month %s is Beijing [from, to)', (month, from, to) => {
    const range = monthRange(month);
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual([from, to]);
  });

  it('months are Beijing months', () => {
    expect(monthOf(new Date('2026-02-28T16:30:00Z'))).toBe('2026-03');
  });

  it('summarises by product, the busiest first, no product last', () => {
    const summary = summariseByProduct([
      { productId: null, productName: null, topic: 'other', count: 9 },
      { productId: 1, productName: '甲', topic: 'price', count: 2 },
      { productId: 2, productName: '乙', topic: 'quality', count: 3 },
      { productId: 2, productName: '乙', topic: 'price', count: 1 },
    ]);
    expect(summary.rows.map((row) => [row.productId, row.total])).toEqual([
      [2, 4],
      [1, 2],
      [null, 9],
    ]);
    expect(summary.topicTotals).toEqual({ price: 3, quality: 3, availability: 0, packaging: 0, other: 9 });
    expect(summary.total).toBe(15);
  });
});
