import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { insertNotifications, listNotifications, markNotificationsRead } from './notifications.repository.ts';

// In-app notifications: a module tells users something in its own transaction (notifyIn); each
// user reads theirs, newest first, in the bell (GET /notifications) and marks them all read.

export type NotificationDraft = {
  userId: number;
  kind: string;
  title: string;
  body?: string;
  // The ticket the message is about, which the bell opens.
  ticketId?: number | null;
};

// Written in the caller's transaction, so a notification exists exactly when what it tells of does.
export async function notifyIn(
  tx: Executor,
  tenantId: number,
  drafts: readonly NotificationDraft[],
  now: Date,
): Promise<void> {
  await insertNotifications(
    tx,
    drafts.map((draft) => ({ tenantId, createdAt: now, body: '', ...draft })),
  );
}

const shownInTheBell = 30;

export async function getNotifications(context: AppContext, actor: Actor) {
  const { rows, unread } = await listNotifications(context.db, actor.tenantId, actor.userId, shownInTheBell);
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      ticketId: row.ticketId,
      kind: row.kind,
      title: row.title,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

export async function readAllNotifications(context: AppContext, actor: Actor) {
  await markNotificationsRead(context.db, actor.tenantId, actor.userId, context.now());
  return getNotifications(context, actor);
}
