import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notifications } from './notifications.schema.ts';

export type NotificationInsert = typeof notifications.$inferInsert;

// A sweep may notify thousands at once: 1,000 rows a statement keeps each under the parameter limit.
export async function insertNotifications(executor: Executor, rows: readonly NotificationInsert[]) {
  for (let start = 0; start < rows.length; start += 1000) {
    await executor.insert(notifications).values(rows.slice(start, start + 1000));
  }
}

export async function listNotifications(executor: Executor, tenantId: number, userId: number, limit: number) {
  const [rows, [unread]] = await Promise.all([
    executor
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    executor
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { rows, unread: unread.n };
}

export async function markNotificationsRead(executor: Executor, tenantId: number, userId: number, now: Date) {
  await executor
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}
