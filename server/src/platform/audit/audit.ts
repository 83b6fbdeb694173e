import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { type AuditEntry, auditEntryValues, auditInsertFrom, insertAuditEntries } from './audit.repository.ts';
import type { AuditedChange } from './audit-catalogue.ts';

// A declared entity with one of its declared actions (audit-catalogue.ts). A change to a whole
// set (the SLA policies, the demo's seeded stores) names no one entity: it has no entityId.
export type Change = AuditedChange & {
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
};

// Fields that must never reach the audit trail, wherever they appear.
const secretKeys = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword', 'token']);

export function redactSecrets(value: unknown): unknown {
  // Most snapshots hold neither secrets nor dates: they go as they are, without a copy (an import
  // records hundreds of thousands of them).
  if (isPlain(value)) return value;
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !secretKeys.has(key))
        .map(([key, entry]) => [key, redactSecrets(entry)]),
    );
  }
  return value;
}

// True when redactSecrets would change nothing: no secret key and no Date anywhere inside (and
// nothing but plain objects and arrays, whose JSON is what it looks like).
function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const entry of value) if (!isPlain(entry)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) {
    if (secretKeys.has(key)) return false;
    if (!isPlain((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function entryOf(actor: Actor, change: Change, now: Date): AuditEntry {
  return {
    tenantId: actor.tenantId,
    at: now,
    actorId: actor.userId || null,
    actorName: actor.displayName,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId === undefined ? '' : String(change.entityId),
    before: change.before === undefined ? null : redactSecrets(change.before),
    after: change.after === undefined ? null : redactSecrets(change.after),
    ip: actor.ip || null,
    requestId: actor.requestId || null,
  };
}

// Records writes in the same transaction as the writes themselves: both land, or neither.
export async function recordChanges(executor: Executor, actor: Actor, changes: Change[], now: Date): Promise<void> {
  await insertAuditEntries(
    executor,
    changes.map((change) => entryOf(actor, change, now)),
  );
}

export function recordChange(executor: Executor, actor: Actor, change: Change, now: Date): Promise<void> {
  return recordChanges(executor, actor, [change], now);
}

// The record of a change made by a single statement, as a sub-statement of that statement's WITH:
// the write and its audit row are one statement (an order is written by one). The entity's
// id exists only inside the statement, so it is SQL over `source`, the sub-statement that made the
// entity (`id` of an INSERT … RETURNING id); no row from `source`, no audit row. The sub-statement
// holds placeholders (its statement is built once per shape, db/prepared.ts); the change's values
// for them come from changeRecordValues.
export function changeRecordedWith(source: { from: SQL; entityId: SQL }): SQL {
  return auditInsertFrom(source);
}

export function changeRecordValues(actor: Actor, change: Change, now: Date): Record<string, unknown> {
  return auditEntryValues(entryOf(actor, { ...change, entityId: undefined }, now));
}
