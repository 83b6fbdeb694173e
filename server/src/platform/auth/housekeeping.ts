import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { deleteLoginAttemptsBefore } from '../identity/identity.repository.ts';
import { sessions } from '../identity/identity.schema.ts';
import { everyMinutes } from '../jobs/cadence.rules.ts';
import type { Job } from '../jobs/job-runner.ts';

const day = 24 * 3_600_000;

// Sign-in attempts matter for 15 minutes and ended sessions for a month of "my sessions"
// history; older rows only slow the lookups down. (The audit trail is never pruned.)
export async function pruneAuthRecords(context: AppContext): Promise<void> {
  const now = context.now().getTime();
  await deleteLoginAttemptsBefore(context.db, new Date(now - day));
  const monthAgo = new Date(now - 30 * day);
  await context.db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, monthAgo), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, monthAgo))));
}

export const authPruningJob: Job = {
  name: 'auth.prune',
  description: 'Prunes sign-in attempts older than a day and sessions ended over a month ago',
  cadence: everyMinutes(60),
  run: pruneAuthRecords,
};
