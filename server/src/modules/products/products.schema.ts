import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/identity/identity.schema.ts';

export const productStatuses = ['active', 'discontinued'] as const;
export type ProductStatus = (typeof productStatuses)[number];

// 卷烟规格: one cigarette product a city company sells, priced per carton (条, 10 packs). Prices in
// fen (分). The price class (价类 一类–五类) defaults from the wholesale price (product.rules.ts) and
// may be set by hand. The catalogue is the whole city company's: no data scope narrows it.
export const products = pgTable(
  'products',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    brand: text('brand').notNull(),
    name: text('name').notNull(),
    priceClass: smallint('price_class').notNull(),
    wholesalePriceFen: integer('wholesale_price_fen').notNull(),
    retailPriceFen: integer('retail_price_fen').notNull(),
    status: text('status', { enum: productStatuses }).notNull().default('active'),
    isNew: boolean('is_new').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('products_tenant_code_key').on(table.tenantId, table.code),
    index('products_tenant_brand_name_idx').on(table.tenantId, table.brand, table.name, table.id),
    check('products_price_class_check', sql`${table.priceClass} BETWEEN 1 AND 5`),
    check('products_prices_check', sql`${table.wholesalePriceFen} > 0 AND ${table.retailPriceFen} > 0`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;
