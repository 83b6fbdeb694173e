import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { tenants } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';

// 资产台账 (the fixture register), after Snipe-IT: each fixture the city company lends a store —
// 烟柜, 烟架, 烟套, 招牌, 数字屏 — has a tag unique in the city, a type, a value, the store holding it
// and since when, its condition and the dates of its last and next audit. It moves by events
// (issue, transfer, return, write-off, audit), each kept in asset_events; the asset row is the
// state those events leave (one holder at a time, assets.rules.ts).

export const assetTypes = ['cabinet', 'rack', 'cover', 'signboard', 'screen', 'other'] as const;
export type AssetType = (typeof assetTypes)[number];

// in_stock: in a branch's store room (org_path says whose); issued: at a store (customer_id);
// written_off: gone for good (its reason kept).
export const assetStatuses = ['in_stock', 'issued', 'written_off'] as const;
export type AssetStatus = (typeof assetStatuses)[number];

export const assetConditions = ['good', 'fair', 'damaged', 'missing'] as const;
export type AssetCondition = (typeof assetConditions)[number];

export const assetEventKinds = ['register', 'issue', 'transfer', 'return', 'write_off', 'audit'] as const;
export type AssetEventKind = (typeof assetEventKinds)[number];

export const assets = pgTable(
  'assets',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    tag: text('tag').notNull(),
    type: text('type', { enum: assetTypes }).notNull(),
    model: text('model'),
    valueYuan: numeric('value_yuan', { precision: 12, scale: 2 }).notNull().default('0'),
    status: text('status', { enum: assetStatuses }).notNull().default('in_stock'),
    customerId: integer('customer_id'),
    heldSince: date('held_since'),
    // Where an asset not at a store is kept (a branch's path, "/1/4/"): its data scope then.
    orgPath: text('org_path').notNull(),
    condition: text('condition', { enum: assetConditions }).notNull().default('good'),
    lastAuditedOn: date('last_audited_on'),
    nextAuditOn: date('next_audit_on'),
    auditIntervalMonths: smallint('audit_interval_months').notNull().default(6),
    writeOffReason: text('write_off_reason'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('assets_tenant_tag_key').on(table.tenantId, table.tag),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('assets_tenant_customer_idx').on(table.tenantId, table.customerId),
    // The overdue-audit list: issued fixtures by their next audit date.
    index('assets_tenant_next_audit_idx').on(table.tenantId, table.nextAuditOn).where(sql`${table.status} = 'issued'`),
  ],
);

// What happened to a fixture, in order: never updated, never deleted.
export const assetEvents = pgTable(
  'asset_events',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    assetId: integer('asset_id').notNull(),
    kind: text('kind', { enum: assetEventKinds }).notNull(),
    fromCustomerId: integer('from_customer_id'),
    toCustomerId: integer('to_customer_id'),
    condition: text('condition', { enum: assetConditions }),
    // An audit made on a visit names it (visits' id); a standalone audit does not.
    visitId: integer('visit_id'),
    photoId: integer('photo_id'),
    note: text('note'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.assetId], foreignColumns: [assets.tenantId, assets.id] }),
    index('asset_events_tenant_asset_idx').on(table.tenantId, table.assetId, table.id),
  ],
);

// An audit's photo: uploaded first (its uploader's until an audit cites it), then the audit's.
export const assetPhotos = pgTable(
  'asset_photos',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    uploadedBy: integer('uploaded_by').notNull(),
    fileId: integer('file_id').notNull(),
    assetId: integer('asset_id'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.fileId], foreignColumns: [storedFiles.tenantId, storedFiles.id] }),
  ],
);
