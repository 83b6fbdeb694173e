import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type ProductInsert, type ProductStatus, products } from './products.schema.ts';

// Queries of the product catalogue. Every one filters by tenant; no data scope applies (the
// catalogue is the whole city company's, read by every staff role).

const productColumns = {
  id: products.id,
  code: products.code,
  brand: products.brand,
  name: products.name,
  priceClass: products.priceClass,
  wholesalePriceFen: products.wholesalePriceFen,
  retailPriceFen: products.retailPriceFen,
  status: products.status,
  isNew: products.isNew,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};

export type ProductView = {
  id: number;
  code: string;
  brand: string;
  name: string;
  priceClass: number;
  wholesalePriceFen: number;
  retailPriceFen: number;
  status: ProductStatus;
  isNew: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type ProductFilters = {
  q?: string;
  brand?: string;
  priceClass?: number;
  status?: ProductStatus;
  isNew?: boolean;
};

// The list's order is brand, name, id; a page resumes after the last row's triple.
export type ProductCursor = { brand: string; name: string; id: number };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterConditions(tenantId: number, filters: ProductFilters): SQL {
  const pattern = filters.q ? `%${escapeLike(filters.q)}%` : undefined;
  return and(
    eq(products.tenantId, tenantId),
    pattern
      ? sql`(${products.code} ILIKE ${pattern} OR ${products.brand} ILIKE ${pattern} OR ${products.name} ILIKE ${pattern})`
      : undefined,
    filters.brand ? eq(products.brand, filters.brand) : undefined,
    filters.priceClass !== undefined ? eq(products.priceClass, filters.priceClass) : undefined,
    filters.status ? eq(products.status, filters.status) : undefined,
    filters.isNew !== undefined ? eq(products.isNew, filters.isNew) : undefined,
  ) as SQL;
}

export async function findProductPage(
  executor: Executor,
  tenantId: number,
  filters: ProductFilters,
  page: { limit: number; after?: ProductCursor },
) {
  const where = filterConditions(tenantId, filters);
  const after = page.after;
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select(productColumns)
      .from(products)
      .where(
        and(
          where,
          after
            ? sql`(${products.brand}, ${products.name}, ${products.id}) > (${after.brand}, ${after.name}, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(asc(products.brand), asc(products.name), asc(products.id))
      .limit(page.limit + 1),
    executor.select({ total: count() }).from(products).where(where),
  ]);
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    items: rows.slice(0, page.limit) as ProductView[],
    total,
    next: last ? { brand: last.brand, name: last.name, id: last.id } : undefined,
  };
}

export async function findProduct(executor: Executor, tenantId: number, id: number): Promise<ProductView | undefined> {
  const [row] = await executor
    .select(productColumns)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
    .limit(1);
  return row;
}

// The products of a list of ids, within the tenant (unknown ids are simply absent), in id order.
// Supply reads products through this (cycle products, order lines).
export async function getProductsByIds(
  executor: Executor,
  tenantId: number,
  ids: readonly number[],
): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  return executor
    .select(productColumns)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...new Set(ids)])))
    .orderBy(asc(products.id));
}

export async function findProductsByCodes(executor: Executor, tenantId: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return executor
    .select(productColumns)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.code, [...codes])));
}

export async function isProductCodeTaken(executor: Executor, tenantId: number, code: string) {
  const [row] = await executor
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.code, code)))
    .limit(1);
  return row !== undefined;
}

// Multi-row inserts, 1,000 rows a statement (the demo loads a catalogue in one call).
export async function insertProducts(executor: Executor, rows: readonly ProductInsert[]) {
  const inserted: { id: number; code: string }[] = [];
  for (let start = 0; start < rows.length; start += 1_000) {
    inserted.push(
      ...(await executor
        .insert(products)
        .values(rows.slice(start, start + 1_000) as ProductInsert[])
        .returning({ id: products.id, code: products.code })),
    );
  }
  return inserted;
}

export type ProductChanges = Partial<
  Pick<ProductInsert, 'brand' | 'name' | 'priceClass' | 'wholesalePriceFen' | 'retailPriceFen' | 'status' | 'isNew'>
> & { updatedAt: Date };

export async function updateProduct(executor: Executor, tenantId: number, id: number, changes: ProductChanges) {
  await executor
    .update(products)
    .set(changes)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)));
}

// Brands in the catalogue with their product counts, for the list's brand filter.
export async function findProductBrands(executor: Executor, tenantId: number) {
  return executor
    .select({ brand: products.brand, count: count() })
    .from(products)
    .where(eq(products.tenantId, tenantId))
    .groupBy(products.brand)
    .orderBy(asc(products.brand));
}

// The filtered catalogue in code order, for the export (a few thousand rows at most).
export async function findProductsForExport(executor: Executor, tenantId: number, filters: ProductFilters) {
  return executor
    .select(productColumns)
    .from(products)
    .where(filterConditions(tenantId, filters))
    .orderBy(asc(products.code)) as Promise<ProductView[]>;
}
