import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../access/actor.ts';
import { type AuditFilters, findAuditEntries } from './audit.repository.ts';

export type AuditSearch = Omit<AuditFilters, 'beforeId' | 'limit'> & { cursor?: number; limit: number };

// Newest first; the cursor is the id of the last entry of the previous page.
export async function searchAuditTrail(context: AppContext, actor: Actor, search: AuditSearch) {
  const { cursor, limit, ...filters } = search;
  const rows = await findAuditEntries(context.db, actor.tenantId, actor.scope, {
    ...filters,
    beforeId: cursor,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
