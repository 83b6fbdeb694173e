import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';

// 消费者意见, pure: topics, the text's bound, the ticket category a topic is filed under, the state
// of an item at `now` (its clock is its ticket's: responseDueAt is the ticket's first-response due
// time), and the month's summary by product and topic.

export const feedbackTopics = ['price', 'quality', 'availability', 'packaging', 'other'] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

export const feedbackTopicNames: Record<FeedbackTopic, string> = {
  price: '价格',
  quality: '质量',
  availability: '货源',
  packaging: '包装',
  other: '其他',
};

// Characters as a person counts them (a Chinese character or an emoji is one).
export const maxFeedbackTextLength = 2000;
export const maxAnswerLength = 2000;

export const feedbackStates = ['open', 'overdue', 'answered'] as const;
export type FeedbackState = (typeof feedbackStates)[number];

// The complaint library's category (tickets module) the item's ticket is filed under: its SLA
// policy is that category's, so the feedback desk's time limits are set where the complaints' are.
const ticketCategoryByTopic: Record<FeedbackTopic, string> = {
  price: 'price',
  quality: 'quality',
  availability: 'supply',
  packaging: 'quality',
  other: 'other',
};

export function ticketCategoryOf(topic: FeedbackTopic): string {
  return ticketCategoryByTopic[topic];
}

export function lengthOf(text: string): number {
  return [...text].length;
}

// The text as stored: trimmed, not empty, at most 2,000 characters — else a clear error, nothing written.
export function checkFeedbackText(text: string, field = 'text', max = maxFeedbackTextLength): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new DomainError('CONSUMER_FEEDBACK_TEXT_EMPTY', {}, field);
  const length = lengthOf(trimmed);
  if (length > max) throw new DomainError('CONSUMER_FEEDBACK_TEXT_TOO_LONG', { max, length }, field);
  return trimmed;
}

export function feedbackStateOf(item: { answeredAt: Date | null; responseDueAt: Date }, now: Date): FeedbackState {
  if (item.answeredAt) return 'answered';
  return now.getTime() >= item.responseDueAt.getTime() ? 'overdue' : 'open';
}

// Answered within the clock: the answer came before the first-response due time.
export function answeredInTime(item: { answeredAt: Date | null; responseDueAt: Date }): boolean | null {
  if (!item.answeredAt) return null;
  return item.answeredAt.getTime() < item.responseDueAt.getTime();
}

// An item is answered once; the answer is what the store sees.
export function checkAnswerable(item: { answeredAt: Date | null }): void {
  if (item.answeredAt) throw new DomainError('CONSUMER_FEEDBACK_ALREADY_ANSWERED');
}

// A month "YYYY-MM", Beijing time, as [from, to).
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, number] = month.split('-').map(Number);
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return { from: beijingMidnightOf(`${month}-01`), to: beijingMidnightOf(`${next}-01`) };
}

export function monthOf(instant: Date): string {
  return beijingDateOf(instant).slice(0, 7);
}

export type SummaryCount = {
  productId: number | null;
  productName: string | null;
  topic: FeedbackTopic;
  count: number;
};
export type SummaryRow = {
  productId: number | null;
  productName: string | null;
  counts: Record<FeedbackTopic, number>;
  total: number;
};

// Counts per product and topic → one row per product (no product last), topic columns and a total,
// the busiest product first; plus the totals per topic.
export function summariseByProduct(counts: readonly SummaryCount[]): {
  rows: SummaryRow[];
  topicTotals: Record<FeedbackTopic, number>;
  total: number;
} {
  const empty = () => Object.fromEntries(feedbackTopics.map((topic) => [topic, 0])) as Record<FeedbackTopic, number>;
  const byProduct = new Map<number | null, SummaryRow>();
  const topicTotals = empty();
  let total = 0;
  for (const count of counts) {
    let row = byProduct.get(count.productId);
    if (!row) {
      row = { productId: count.productId, productName: count.productName, counts: empty(), total: 0 };
      byProduct.set(count.productId, row);
    }
    row.counts[count.topic] += count.count;
    row.total += count.count;
    topicTotals[count.topic] += count.count;
    total += count.count;
  }
  const rows = [...byProduct.values()].sort((a, b) => {
    if ((a.productId === null) !== (b.productId === null)) return a.productId === null ? 1 : -1;
    return b.total - a.total || (a.productId ?? 0) - (b.productId ?? 0);
  });
  return { rows, topicTotals, total };
}
