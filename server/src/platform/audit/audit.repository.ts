import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type ArrayElement, arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../access/data-scope.ts';
import { orgUnits, users } from '../identity/identity.schema.ts';
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

// Many entries (an import) travel as one parameter per column: an array literal of each scalar
// column, and the before/after snapshots as one JSON array each, zipped back into rows by
// ROWS FROM. Both drivers pass that far faster than tens of thousands of bound parameters
// (PostgreSQL caps those at 65,535 per statement), and PostgreSQL reads it about twice as fast as
// the same entries as one JSON recordset.
const entriesPerStatement = 5_000;
const bulkFrom = 200;

// One entry whose entity id is SQL over another sub-statement of the same statement (see
// changeRecordedWith): an INSERT … SELECT … FROM source, to be placed in a WITH. Its values are
// placeholders (the statement is built once per shape, db/prepared.ts), filled by
// auditEntryValues.
export function auditInsertFrom(source: { from: SQL; entityId: SQL }): SQL {
  const value = (name: keyof AuditEntry) => sql.placeholder(`audit_${name}`);
  return sql`INSERT INTO audit_log (tenant_id, at, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id)
    SELECT ${value('tenantId')}, ${value('at')}, ${value('actorId')}, ${value('actorName')}, ${value('action')},
      ${value('entity')}, (${source.entityId})::text, ${value('before')}::jsonb, ${value('after')}::jsonb,
      ${value('ip')}, ${value('requestId')}
    FROM ${source.from}`;
}

// An entry's values for auditInsertFrom's placeholders (its entityId is the statement's to give).
export function auditEntryValues(entry: AuditEntry): Record<string, unknown> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return {
    audit_tenantId: entry.tenantId,
    audit_at: entry.at,
    audit_actorId: entry.actorId,
    audit_actorName: entry.actorName,
    audit_action: entry.action,
    audit_entity: entry.entity,
    audit_before: json(entry.before),
    audit_after: json(entry.after),
    audit_ip: entry.ip,
    audit_requestId: entry.requestId,
  };
}

export async function insertAuditEntries(executor: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length < bulkFrom) {
    await executor.insert(auditLog).values([...entries]);
    return;
  }
  for (let start = 0; start < entries.length; start += entriesPerStatement) {
    const batch = entries.slice(start, start + entriesPerStatement);
    const column = (value: (entry: AuditEntry) => ArrayElement) => arrayLiteral(batch.map(value));
    // A snapshot that is JSON null is stored as SQL NULL, as the single-row insert stores it.
    await executor.execute(sql`
      INSERT INTO audit_log (tenant_id, at, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id)
      SELECT tenant_id, at, actor_id, actor_name, action, entity, entity_id,
        CASE WHEN json_typeof(before) = 'null' THEN NULL ELSE before::jsonb END,
        CASE WHEN json_typeof(after) = 'null' THEN NULL ELSE after::jsonb END,
        ip, request_id
      FROM ROWS FROM (
        unnest(${column((entry) => entry.tenantId)}::integer[]),
        unnest(${column((entry) => entry.at.toISOString())}::timestamptz[]),
        unnest(${column((entry) => entry.actorId ?? null)}::integer[]),
        unnest(${column((entry) => entry.actorName)}::text[]),
        unnest(${column((entry) => entry.action)}::text[]),
        unnest(${column((entry) => entry.entity)}::text[]),
        unnest(${column((entry) => entry.entityId)}::text[]),
        json_array_elements(${JSON.stringify(batch.map((entry) => entry.before ?? null))}::json),
        json_array_elements(${JSON.stringify(batch.map((entry) => entry.after ?? null))}::json),
        unnest(${column((entry) => entry.ip ?? null)}::text[]),
        unnest(${column((entry) => entry.requestId ?? null)}::text[])
      ) AS v(tenant_id, at, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id)`);
  }
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  ip: auditLog.ip,
};

// System entries have no acting user; they count as made at the root of the tenant's tree,
// whose path is the first segment of any path in it ("/1/4/" → "/1/").
function actorUnitPath(scope: DataScope) {
  const rootPath = scope.kind === 'org' ? `/${scope.orgPath.split('/')[1]}/` : '/';
  return sql`coalesce(${orgUnits.path}, ${rootPath})`;
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

// Entries are placed in the organisation by who made them: a branch sees what its people did;
// only a city-wide scope sees entries made by the system (setup, demo, console).
export async function findAuditEntries(executor: Executor, tenantId: number, scope: DataScope, filters: AuditFilters) {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId), scopeCondition(scope, { orgPath: actorUnitPath(scope) })];
  if (filters.entity) conditions.push(eq(auditLog.entity, filters.entity));
  if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actorId !== undefined) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lte(auditLog.at, filters.to));
  if (filters.beforeId !== undefined) conditions.push(lt(auditLog.id, filters.beforeId));
  return executor
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filters.limit);
}
