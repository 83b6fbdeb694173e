import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// What part of the tenant's data a user may see: a subtree of the organisation, the
// customers they manage, or (a retailer) their own store.
export type DataScope =
  | { kind: 'org'; orgUnitId: number; orgPath: string; orgUnitName: string }
  | { kind: 'own'; userId: number }
  | { kind: 'customer'; customerId: number };

// Does the scope cover the whole city company? Only an 'org' scope at the tenant's root org unit
// (path "/1/", one level deep) does; the system actor's "/" too. A city-wide setting (the service
// menu, the SLA policies, a classification run …) may be changed only from such a scope.
export function isCityWideScope(scope: DataScope): boolean {
  return scope.kind === 'org' && scope.orgPath.split('/').filter(Boolean).length <= 1;
}

// The one place where a data scope becomes SQL. Each entity names the columns that place it in
// the organisation (its org unit's path, "/1/4/": every path ends with a slash, so the prefix
// "/1/4/" never matches "/1/40/"), with a manager (for 'own') and a customer (retailer).
// An entity without a column for a scope kind is invisible to that scope: deny by default.
export type ScopedColumns = {
  orgPath?: AnyPgColumn | SQL;
  managerId?: AnyPgColumn | SQL;
  customerId?: AnyPgColumn | SQL;
};

export function scopeCondition(scope: DataScope, columns: ScopedColumns): SQL {
  return scopeConditionOf(scope.kind, columns, scopeValueOf(scope));
}

// The same condition for a kind of scope, its value given apart: a statement built once per
// shape (db/prepared.ts) passes a placeholder, and scopeValueOf(scope) as that placeholder's value.
export function scopeConditionOf(kind: DataScope['kind'], columns: ScopedColumns, value: unknown): SQL {
  switch (kind) {
    case 'org':
      return columns.orgPath ? sql`${columns.orgPath} LIKE ${value}` : sql`false`;
    case 'own':
      return columns.managerId ? sql`${columns.managerId} = ${value}` : sql`false`;
    case 'customer':
      return columns.customerId ? sql`${columns.customerId} = ${value}` : sql`false`;
  }
}

export function scopeValueOf(scope: DataScope): string | number {
  switch (scope.kind) {
    case 'org':
      return `${escapeLike(scope.orgPath)}%`;
    case 'own':
      return scope.userId;
    case 'customer':
      return scope.customerId;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
