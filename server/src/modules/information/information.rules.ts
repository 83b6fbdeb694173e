import { beijingMidnightOf } from '../../platform/time/beijing.ts';
import type { ArticleStatus } from './information.schema.ts';

// 信息推送's rules, pure: the seeded categories, who may target which stores, when an article goes
// out, when an unread important article becomes a reminder, the receipts' rates, the portal feed's
// cursor and a month's bounds for the newsletter.

export const defaultCategories = ['营销信息', '行业政策', '新品介绍', '真假识别', '陈列指导'] as const;

// An important article not acknowledged (for one not asking, not read) this long after delivery
// becomes a reminder in the portal and a line on the manager's worklist.
export const reminderAfterHours = 24;

// Whom an article may reach. A city-wide author (marketing at the city company) any store; anyone
// else only stores of their own scope: every targeted store must be in it, and "everyone" is not
// theirs to send to. `targeted`: the segment's active stores in the whole tenant; `inScope`: of them,
// those in the author's scope.
export type TargetingInput = { cityWide: boolean; everyone: boolean; targeted: number; inScope: number };
export type TargetingOutcome = 'ok' | 'empty' | 'outside_scope';

export function checkTargeting(input: TargetingInput): TargetingOutcome {
  if (!input.cityWide && input.everyone) return 'outside_scope';
  if (input.targeted === 0) return 'empty';
  if (!input.cityWide && input.inScope < input.targeted) return 'outside_scope';
  return 'ok';
}

// What saving an article with a publication time does: publish now (no time, or a time already
// come), or wait for the publisher job.
export function publicationOf(publishAt: Date | null, now: Date): 'now' | 'scheduled' {
  return publishAt === null || publishAt.getTime() <= now.getTime() ? 'now' : 'scheduled';
}

// Only a draft or a scheduled article may still change; a published one may be withdrawn.
export function canEdit(status: ArticleStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

// Is a delivery due for a reminder at `now`?
export function isReminderDue(
  delivery: { deliveredAt: Date; readAt: Date | null; acknowledgedAt: Date | null; remindedAt: Date | null },
  acknowledgeRequired: boolean,
  now: Date,
): boolean {
  if (!acknowledgeRequired || delivery.remindedAt !== null) return false;
  if (delivery.acknowledgedAt !== null) return false;
  return now.getTime() - delivery.deliveredAt.getTime() >= reminderAfterHours * 3_600_000;
}

export function reminderCutoff(now: Date): Date {
  return new Date(now.getTime() - reminderAfterHours * 3_600_000);
}

// A share as a percentage with one decimal (0 of 0 → 0).
export function rateOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

// The portal feed's order: unread first, then newest; the cursor is the last item's place in it.
export type FeedCursor = { read: boolean; deliveredAt: Date; articleId: number };

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.read ? 1 : 0}.${cursor.deliveredAt.getTime()}.${cursor.articleId}`, 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(text: string): FeedCursor | undefined {
  const match = /^([01])\.(\d{1,15})\.([1-9]\d{0,9})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) return undefined;
  const articleId = Number(match[3]);
  if (articleId > 2_147_483_647) return undefined;
  return { read: match[1] === '1', deliveredAt: new Date(Number(match[2])), articleId };
}

// A month's bounds in Beijing time: [first day 00:00, next month's first day 00:00).
export function monthBounds(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { from: beijingMidnightOf(`${month}-01`), to: beijingMidnightOf(`${next}-01`) };
}
