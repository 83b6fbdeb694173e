import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  checkProductCode,
  checkProductPrices,
  defaultPriceClass,
  fenToYuan,
  priceClassAfterEdit,
  yuanToFen,
} from './product.rules.ts';
import {
  findProduct,
  findProductBrands,
  findProductPage,
  insertProducts,
  isProductCodeTaken,
  type ProductChanges,
  type ProductCursor,
  type ProductFilters,
  type ProductView,
  updateProduct,
} from './products.repository.ts';
import type { ProductStatus } from './products.schema.ts';

// Use cases of the product catalogue: read, create, edit. Writes: load → rules → save → audit, in
// one transaction.

export function presentProduct(row: ProductView) {
  const { wholesalePriceFen, retailPriceFen, ...rest } = row;
  return { ...rest, wholesalePrice: fenToYuan(wholesalePriceFen), retailPrice: fenToYuan(retailPriceFen) };
}

export type ProductDetails = ReturnType<typeof presentProduct>;

// ---- Reading ----

export async function getProduct(context: AppContext, actor: Actor, id: number): Promise<ProductDetails> {
  const row = await findProduct(context.db, actor.tenantId, id);
  // Another city company's product and a nonexistent one look the same.
  if (!row) throw new DomainError('NOT_FOUND');
  return presentProduct(row);
}

export type ProductListQuery = ProductFilters & { limit: number; cursor?: string };

export async function listProducts(context: AppContext, actor: Actor, query: ProductListQuery) {
  const { limit, cursor, ...filters } = query;
  const page = await findProductPage(context.db, actor.tenantId, filters, {
    limit,
    after: cursor ? decodeProductCursor(cursor) : undefined,
  });
  return {
    items: page.items.map(presentProduct),
    total: page.total,
    nextCursor: page.next ? encodeProductCursor(page.next) : null,
  };
}

export async function listProductBrands(context: AppContext, actor: Actor) {
  return { items: await findProductBrands(context.db, actor.tenantId) };
}

export function encodeProductCursor(cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify([cursor.brand, cursor.name, cursor.id])).toString('base64url');
}

export function decodeProductCursor(text: string): ProductCursor {
  try {
    const [brand, name, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof brand === 'string' && typeof name === 'string' && Number.isInteger(id)) return { brand, name, id };
  } catch {
    // falls through to the error below
  }
  throw new DomainError('INVALID_CURSOR', {}, 'cursor');
}

// ---- Writing ----

export type NewProduct = {
  code: string;
  brand: string;
  name: string;
  priceClass?: number;
  wholesalePrice: number;
  retailPrice: number;
  status: ProductStatus;
  isNew: boolean;
};

export type ProductEdit = Partial<Omit<NewProduct, 'code'>>;

// The contract has already refused prices with more than two decimals.
function fenOf(yuan: number): number {
  return yuanToFen(yuan) ?? Math.round(yuan * 100);
}

export async function createProduct(context: AppContext, actor: Actor, input: NewProduct): Promise<ProductDetails> {
  const code = checkProductCode(input.code);
  const prices = { wholesalePriceFen: fenOf(input.wholesalePrice), retailPriceFen: fenOf(input.retailPrice) };
  checkProductPrices(prices);
  const now = context.now();
  const created = await context.db.transaction(async (tx) => {
    if (await isProductCodeTaken(tx, actor.tenantId, code))
      throw new DomainError('PRODUCT_CODE_TAKEN', { code }, 'code');
    const [inserted] = await insertProducts(tx, [
      {
        tenantId: actor.tenantId,
        code,
        brand: input.brand,
        name: input.name,
        priceClass: input.priceClass ?? defaultPriceClass(prices.wholesalePriceFen),
        ...prices,
        status: input.status,
        isNew: input.isNew,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const after = await findProduct(tx, actor.tenantId, inserted.id);
    await recordChange(tx, actor, { action: 'create', entity: 'product', entityId: inserted.id, after }, now);
    return after;
  });
  if (!created) throw new DomainError('NOT_FOUND');
  return presentProduct(created);
}

export async function editProduct(
  context: AppContext,
  actor: Actor,
  id: number,
  edit: ProductEdit,
): Promise<ProductDetails> {
  const now = context.now();
  const edited = await context.db.transaction(async (tx) => {
    const before = await findProduct(tx, actor.tenantId, id);
    if (!before) throw new DomainError('NOT_FOUND');
    const changes = changesOf(before, edit);
    if (!changes) return before;
    await updateProduct(tx, actor.tenantId, id, { ...changes, updatedAt: now });
    const after = await findProduct(tx, actor.tenantId, id);
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'product', entityId: id, ...differenceOf(before, changes) },
      now,
    );
    return after;
  });
  if (!edited) throw new DomainError('NOT_FOUND');
  return presentProduct(edited);
}

type StoredFields = Omit<ProductChanges, 'updatedAt'>;

// The stored fields an edit changes (after the price and class rules), or undefined for none.
export function changesOf(before: ProductView, edit: ProductEdit): StoredFields | undefined {
  const wholesalePriceFen = edit.wholesalePrice !== undefined ? fenOf(edit.wholesalePrice) : before.wholesalePriceFen;
  const retailPriceFen = edit.retailPrice !== undefined ? fenOf(edit.retailPrice) : before.retailPriceFen;
  if (wholesalePriceFen !== before.wholesalePriceFen || retailPriceFen !== before.retailPriceFen) {
    checkProductPrices({ wholesalePriceFen, retailPriceFen });
  }
  const next: Required<StoredFields> = {
    brand: edit.brand ?? before.brand,
    name: edit.name ?? before.name,
    priceClass: priceClassAfterEdit(before, { priceClass: edit.priceClass, wholesalePriceFen }),
    wholesalePriceFen,
    retailPriceFen,
    status: edit.status ?? before.status,
    isNew: edit.isNew ?? before.isNew,
  };
  const changed = Object.fromEntries(
    (Object.keys(next) as (keyof StoredFields)[])
      .filter((key) => next[key] !== before[key])
      .map((key) => [key, next[key]]),
  ) as StoredFields;
  return Object.keys(changed).length > 0 ? changed : undefined;
}

export function differenceOf(before: ProductView, changes: StoredFields) {
  const keys = Object.keys(changes) as (keyof StoredFields)[];
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, changes[key]])),
  };
}
