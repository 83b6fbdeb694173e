import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// A city company (市公司): the tenant. Every business table carries its id.
export const tenants = pgTable('tenants', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  province: text('province').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orgUnitKinds = ['city', 'branch', 'department'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

// The organisation tree inside a tenant: city company → county branches (营销部) → departments.
// `path` is the chain of ids ("/1/4/"), so a data scope is one prefix comparison.
export const orgUnits = pgTable(
  'org_units',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    parentId: integer('parent_id'),
    kind: text('kind', { enum: orgUnitKinds }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.parentId], foreignColumns: [table.tenantId, table.id] }),
    uniqueIndex('org_units_tenant_code_key').on(table.tenantId, table.code),
    index('org_units_tenant_path_idx').on(table.tenantId, sql`${table.path} text_pattern_ops`),
  ],
);

export const roles = ['admin', 'marketing', 'service', 'inspector', 'manager', 'retailer'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['admin', 'marketing', 'service', 'inspector', 'manager'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const scopeKinds = ['org', 'own', 'customer'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

// Staff and retailer accounts. Usernames are unique across the deployment so one sign-in
// form serves the whole province; a retailer's username is the licence number.
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    orgUnitId: integer('org_unit_id'),
    scopeKind: text('scope_kind', { enum: scopeKinds }).notNull(),
    scopeOrgUnitId: integer('scope_org_unit_id'),
    customerId: integer('customer_id'),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_username_key').on(sql`lower(${table.username})`),
    index('users_tenant_role_idx').on(table.tenantId, table.role),
    index('users_tenant_org_unit_idx').on(table.tenantId, table.orgUnitId),
    foreignKey({ columns: [table.tenantId, table.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({
      columns: [table.tenantId, table.scopeOrgUnitId],
      foreignColumns: [orgUnits.tenantId, orgUnits.id],
    }),
  ],
);

// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored,
// so a leaked table does not let anyone sign in.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tenantId: integer('tenant_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId, table.createdAt)],
);

// Sign-in attempts, kept for the failure rate limits (per account and per address).
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (table) => [
    index('login_attempts_username_at_idx').on(table.username, table.at),
    index('login_attempts_ip_at_idx').on(table.ip, table.at),
  ],
);

// Deployment-wide facts (schema of the demo, one-time setup done, …).
export const kewoMeta = pgTable('kewo_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
