import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog } from './audit.schema.ts';

export type AuditEntry = {
  tenantId: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
};

export async function insertAuditEntries(executor: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(entries);
}

export type AuditFilters = {
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
};

export async function findAuditEntries(executor: Executor, tenantId: number, filters: AuditFilters) {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (filters.entity) conditions.push(eq(auditLog.entity, filters.entity));
  if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actorId !== undefined) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lte(auditLog.at, filters.to));
  if (filters.beforeId !== undefined) conditions.push(lt(auditLog.id, filters.beforeId));
  return executor
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filters.limit);
}
