import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { insertInBatches, unnestArrays } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { shapedStatement } from '../../db/prepared.ts';
import { type DataScope, scopeCondition, scopeConditionOf, scopeValueOf } from '../../platform/access/data-scope.ts';
import { changeRecordedWith } from '../../platform/audit/audit.ts';
import { orgUnits } from '../../platform/identity/identity.schema.ts';
import { creditLevelInForce } from '../credit/index.ts';
import { activeStoresSql, type CustomerClass, customers, type DemoType, districts } from '../customers/index.ts';
import { products } from '../products/index.ts';
import type { AllocationStrategy } from './allocation-strategy.rules.ts';
import { currentGradeRunIdSql } from './segment-stores.ts';
import { storeProductWeeksFollowing } from './store-product-weeks.ts';
import {
  type CycleProductOutcome,
  cycleProducts,
  idempotencyKeys,
  type OrderChannelOfOrder,
  orderCycles,
  orderLines,
  orders,
  type SettlementSource,
  type SettlementStatus,
  storeQuotas,
} from './supply.schema.ts';

// Queries of the supply module. Every one filters by tenant; those that read stores or orders
// take the caller's data scope and apply it to the store's columns.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const customerColumns = { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id };
const customerScope = (scope: DataScope): SQL => scopeCondition(scope, customerColumns);

// A value of a statement built once per shape (db/prepared.ts).
const value = (name: string) => sql.placeholder(name);

// ── Cycles ────────────────────────────────────────────────────────────────────────────────────

export type CycleRow = typeof orderCycles.$inferSelect;

export async function insertCycle(executor: Executor, row: typeof orderCycles.$inferInsert): Promise<CycleRow> {
  const [created] = await executor.insert(orderCycles).values(row).returning();
  return created;
}

export async function findCycleByWeek(executor: Executor, tenantId: number, weekStart: string) {
  const [row] = await executor
    .select({ id: orderCycles.id })
    .from(orderCycles)
    .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.weekStart, weekStart)))
    .limit(1);
  return row;
}

export async function listCycles(executor: Executor, tenantId: number, limit: number) {
  return executor
    .select({
      cycle: orderCycles,
      productCount: sql<number>`(SELECT count(*)::int FROM ${cycleProducts} WHERE ${cycleProducts.tenantId} = ${orderCycles.tenantId} AND ${cycleProducts.cycleId} = ${orderCycles.id})`,
    })
    .from(orderCycles)
    .where(eq(orderCycles.tenantId, tenantId))
    .orderBy(desc(orderCycles.weekStart), desc(orderCycles.id))
    .limit(limit);
}

export async function getCycle(executor: Executor, tenantId: number, cycleId: number, lock = false) {
  const query = executor
    .select()
    .from(orderCycles)
    .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.id, cycleId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

// The cycle a store orders in now: the latest published one that has opened.
export async function findCurrentCycle(executor: Executor, tenantId: number, now: Date) {
  const [row] = await executor
    .select()
    .from(orderCycles)
    .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.status, 'published'), lte(orderCycles.opensAt, now)))
    .orderBy(desc(orderCycles.weekStart), desc(orderCycles.id))
    .limit(1);
  return row;
}

export async function setCycleStatus(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  status: CycleRow['status'],
  publishedAt: Date | null,
) {
  await executor
    .update(orderCycles)
    .set({ status, publishedAt })
    .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.id, cycleId)));
}

export type CycleProductRow = {
  productId: number;
  position: number;
  supply: number | null;
  strategy: AllocationStrategy;
  outcome: CycleProductOutcome | null;
  code: string;
  name: string;
  brand: string;
  priceClass: number;
  wholesalePriceFen: number;
  retailPriceFen: number;
  isNew: boolean;
};

const cycleProductColumns = {
  productId: cycleProducts.productId,
  position: cycleProducts.position,
  supply: cycleProducts.supply,
  strategy: cycleProducts.strategy,
  outcome: cycleProducts.outcome,
  code: products.code,
  name: products.name,
  brand: products.brand,
  priceClass: products.priceClass,
  wholesalePriceFen: products.wholesalePriceFen,
  retailPriceFen: products.retailPriceFen,
  isNew: products.isNew,
};

export async function getCycleProducts(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  productIds?: readonly number[],
): Promise<CycleProductRow[]> {
  return executor
    .select(cycleProductColumns)
    .from(cycleProducts)
    .innerJoin(products, and(eq(products.tenantId, cycleProducts.tenantId), eq(products.id, cycleProducts.productId)))
    .where(
      and(
        eq(cycleProducts.tenantId, tenantId),
        eq(cycleProducts.cycleId, cycleId),
        productIds ? inArray(cycleProducts.productId, [...productIds]) : undefined,
      ),
    )
    .orderBy(asc(cycleProducts.position));
}

export async function replaceCycleProducts(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  rows: ReadonlyArray<{ productId: number; supply: number | null; strategy: AllocationStrategy }>,
) {
  await executor
    .delete(cycleProducts)
    .where(and(eq(cycleProducts.tenantId, tenantId), eq(cycleProducts.cycleId, cycleId)));
  if (rows.length === 0) return;
  await executor.insert(cycleProducts).values(
    rows.map((row, position) => ({
      tenantId,
      cycleId,
      productId: row.productId,
      position,
      supply: row.supply,
      strategy: row.strategy,
    })),
  );
}

export async function setCycleProductOutcomes(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  outcomes: Array<{ productId: number; outcome: CycleProductOutcome }>,
) {
  if (outcomes.length === 0) return;
  await executor.execute(sql`
    UPDATE ${cycleProducts} AS cp SET outcome = o.outcome
    FROM jsonb_to_recordset(${JSON.stringify(outcomes.map((o) => ({ product_id: o.productId, outcome: o.outcome })))}::jsonb)
      AS o(product_id int, outcome jsonb)
    WHERE cp.tenant_id = ${tenantId} AND cp.cycle_id = ${cycleId} AND cp.product_id = o.product_id`);
}

export async function activeProductsByIds(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...ids]), eq(products.status, 'active')));
}

// ── What an allocation reads ──────────────────────────────────────────────────────────────────

export type AllocationStoreRow = {
  customerId: number;
  format: string;
  districtCode: string;
  urbanRural: 'urban' | 'rural';
  customerClass: CustomerClass | null;
  demoType: DemoType | null;
  branchId: number;
  grade: number | null;
  // 信用等级 in force on `onDate` (credit's latest published run effective by then); null: none.
  creditLevel: string | null;
};

// Every active store of the tenant with its current grade (the latest published run in effect
// on `onDate`) and credit level in force that day, in id order, so the same data always yields
// the same allocation.
export async function storesForAllocation(
  executor: Executor,
  tenantId: number,
  onDate: string,
): Promise<AllocationStoreRow[]> {
  const result = await executor.execute(sql`
    SELECT c.id AS "customerId", c.format, c.district_code AS "districtCode", c.urban_rural AS "urbanRural",
      c.class_code AS "customerClass", c.demo_type AS "demoType", c.branch_id AS "branchId", g.grade,
      ${creditLevelInForce(tenantId, sql`c.id`, onDate)} AS "creditLevel"
    FROM ${customers} c
    LEFT JOIN customer_grades g
      ON g.tenant_id = c.tenant_id AND g.customer_id = c.id AND g.run_id = ${currentGradeRunIdSql(tenantId, onDate)}
    WHERE ${activeStoresSql('c', tenantId, 'tenant')}
    ORDER BY c.id`);
  return rowsOf<AllocationStoreRow>(result).map((row) => ({
    ...row,
    customerId: Number(row.customerId),
    branchId: Number(row.branchId),
    grade: row.grade === null ? null : Number(row.grade),
  }));
}

// What an allocation reads of one store (an explanation re-derives its quota from these), with the
// names of its district and branch (an explanation names a 区域系数 by them).
export async function allocationFactsOf(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select({
      format: customers.format,
      districtCode: customers.districtCode,
      urbanRural: customers.urbanRural,
      demoType: customers.demoType,
      branchId: customers.branchId,
      districtName: districts.name,
      branchName: orgUnits.name,
    })
    .from(customers)
    .leftJoin(districts, and(eq(districts.tenantId, customers.tenantId), eq(districts.code, customers.districtCode)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)))
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
  return row;
}

// The tenant's districts and org units: what a strategy's 区域系数 may name.
export async function regionVocabulary(executor: Executor, tenantId: number) {
  // One after the other: the executor is often a transaction.
  const districtRows = await executor
    .select({ code: districts.code })
    .from(districts)
    .where(eq(districts.tenantId, tenantId));
  const unitRows = await executor.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  return { districtCodes: districtRows.map((row) => row.code), branchIds: unitRows.map((row) => row.id) };
}

// Cartons each store bought of the given products in the cycles of the given weeks.
export async function recentPurchases(
  executor: Executor,
  tenantId: number,
  productIds: readonly number[],
  fromWeek: string,
  beforeWeek: string,
): Promise<Array<{ customerId: number; productId: number; qty: number }>> {
  if (productIds.length === 0) return [];
  const result = await executor.execute(sql`
    SELECT o.customer_id AS "customerId", l.product_id AS "productId", sum(l.qty)::bigint AS qty
    FROM order_cycles c
    JOIN orders o ON o.tenant_id = c.tenant_id AND o.cycle_id = c.id AND o.status = 'submitted'
    JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
    WHERE c.tenant_id = ${tenantId} AND c.week_start >= ${fromWeek} AND c.week_start < ${beforeWeek}
      AND l.product_id = ANY(${arrayLiteral(productIds)}::int[])
    GROUP BY o.customer_id, l.product_id`);
  return rowsOf<{ customerId: number; productId: number; qty: number }>(result).map((row) => ({
    customerId: Number(row.customerId),
    productId: Number(row.productId),
    qty: Number(row.qty),
  }));
}

// Writes a cycle's quotas: one row per store, arrays by product position. Each batch travels as a
// few array parameters: ids, grades, classes and credit levels one element per store, and every
// store's quotas (and last 4 weeks) laid end to end in one flat int[] that the statement slices by
// the store's ordinal — a flat literal is a third of the text of an array of quoted array literals
// and PostgreSQL parses it once, not twice. The quotas come as the allocation computed them, one
// column per product; the flat literal is written straight from those columns as bytes (no array
// per store, no string per number), and the next batch is built while the last one is written.
export type StoreQuotaColumns = {
  customerIds: ArrayLike<number>;
  grades: ArrayLike<number>;
  customerClasses: ArrayLike<string | null>;
  creditLevels: ArrayLike<string | null>;
  // By product position, each aligned with the stores (-1: unlimited).
  quotas: ReadonlyArray<ArrayLike<number>>;
  // By store: cartons bought in the last 4 weeks by product position, or null.
  recent: (storeIndex: number) => ArrayLike<number> | null;
};

const storeQuotaBatch = 10_000;

export async function insertStoreQuotas(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  columns: StoreQuotaColumns,
  batch = storeQuotaBatch,
) {
  const width = columns.quotas.length;
  const count = columns.customerIds.length;
  for (const column of columns.quotas) {
    if (column.length !== count) throw new Error(`expected ${count} quotas per product, got ${column.length}`);
  }
  const writer = new IntLiteralWriter();
  await insertInBatches(executor, count, batch, (start, end) => {
    const recent: Array<ArrayLike<number> | null> = [];
    let withRecent = false;
    let withClass = false;
    let withCredit = false;
    for (let index = start; index < end; index += 1) {
      const row = columns.recent(index);
      if (row !== null && row.length !== width) throw new Error(`expected ${width} values, got ${row.length}`);
      recent.push(row);
      withRecent ||= row !== null;
      withClass ||= columns.customerClasses[index] !== null;
      withCredit ||= columns.creditLevels[index] !== null;
    }
    const texts = (values: ArrayLike<string | null>) =>
      arrayLiteral(Array.prototype.slice.call(values, start, end) as Array<string | null>);
    const stores = unnestArrays(
      'r',
      {
        customer_id: ['int', writer.column(columns.customerIds, start, end)],
        grade: ['smallint', writer.column(columns.grades, start, end)],
        customer_class: ['text', withClass ? texts(columns.customerClasses) : null],
        credit_level: ['text', withCredit ? texts(columns.creditLevels) : null],
        has_recent: ['boolean', arrayLiteral(recent.map((row) => row !== null))],
      },
      { ordinality: 'n' },
    );
    return sql`
      INSERT INTO store_quotas (tenant_id, cycle_id, customer_id, quotas, ordered, grade, customer_class, credit_level, recent)
      SELECT ${tenantId}, ${cycleId}, r.customer_id,
        flat.quotas[(r.n::int - 1) * ${width}::int + 1 : r.n::int * ${width}::int],
        array_fill(0, ARRAY[${width}::int]), r.grade, r.customer_class, r.credit_level,
        CASE WHEN r.has_recent THEN flat.recent[(r.n::int - 1) * ${width}::int + 1 : r.n::int * ${width}::int] END
      FROM ${stores}
      CROSS JOIN (
        SELECT ${writer.matrix(columns.quotas, start, end)}::int[] AS quotas,
          ${withRecent ? writer.rows(recent, width) : null}::int[] AS recent
      ) AS flat`;
  });
}

// Integer array literals ('{1,0,-1,…}') written digit by digit into one reused byte buffer and
// read out once as a Latin-1 string: ten thousand stores × 60 products without a string per number.
class IntLiteralWriter {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  // Elements start..end-1 of one column.
  column(values: ArrayLike<number>, start: number, end: number): string {
    this.begin(end - start);
    for (let index = start; index < end; index += 1) this.put(values[index]);
    return this.finish();
  }

  // Stores start..end-1, each with its value in every column, end to end.
  matrix(columns: ReadonlyArray<ArrayLike<number>>, start: number, end: number): string {
    const width = columns.length;
    this.begin((end - start) * width);
    for (let index = start; index < end; index += 1) {
      for (let position = 0; position < width; position += 1) this.put(columns[position][index]);
    }
    return this.finish();
  }

  // Every row's `width` values end to end (a missing row is `width` zeros).
  rows(rows: ReadonlyArray<ArrayLike<number> | null>, width: number): string {
    this.begin(rows.length * width);
    for (const row of rows) {
      for (let position = 0; position < width; position += 1) this.put(row === null ? 0 : row[position]);
    }
    return this.finish();
  }

  private begin(elements: number) {
    // At most 11 characters and a comma per 32-bit integer, and the braces.
    const needed = elements * 12 + 2;
    if (this.bytes.length < needed) this.bytes = Buffer.allocUnsafe(needed);
    this.bytes[0] = 0x7b; // {
    this.at = 1;
  }

  private put(value: number) {
    if (!Number.isInteger(value)) throw new Error(`expected an integer, got ${value}`);
    const bytes = this.bytes;
    let at = this.at;
    if (at > 1) bytes[at++] = 0x2c; // ,
    if (value < 0) {
      bytes[at++] = 0x2d; // -
      value = -value;
    }
    if (value < 10) bytes[at++] = 0x30 + value;
    else if (value < 100) {
      bytes[at++] = 0x30 + Math.floor(value / 10);
      bytes[at++] = 0x30 + (value % 10);
    } else {
      const digits = String(value);
      for (let index = 0; index < digits.length; index += 1) bytes[at++] = digits.charCodeAt(index);
    }
    this.at = at;
  }

  private finish(): string {
    this.bytes[this.at++] = 0x7d; // }
    return this.bytes.toString('latin1', 0, this.at);
  }
}

// ── Orders ────────────────────────────────────────────────────────────────────────────────────

// What placing an order is judged on, read in one statement: the cycle the store orders in now,
// the store's quota row in it (when the store is in the caller's scope), the ordered products
// that are in the cycle, and what an earlier submission under the same idempotency key answered.
// Undefined when no cycle is open.
export type OrderSnapshot = {
  cycle: CycleWindowRow;
  quotaRow: LockedQuotaRow | undefined;
  products: PricedCycleProduct[];
  stored: { requestHash: string; response: unknown } | undefined;
};
export type CycleWindowRow = {
  id: number;
  weekStart: string;
  opensAt: Date;
  closesAt: Date;
  orderDayOnly: boolean;
  dailyCutoff: string;
  lineCap: number;
};
export type PricedCycleProduct = {
  productId: number;
  position: number;
  code: string;
  name: string;
  wholesalePriceFen: number;
};

export type OrderSnapshotQuery = {
  tenantId: number;
  scope: DataScope;
  customerId: number;
  productIds: readonly number[];
  now: Date;
  idempotency?: { userId: number; key: string };
};

// The statement itself (the order-day benchmark gives pgbench the same text), one per kind of
// data scope, with or without an idempotency key.
export const orderSnapshotStatement = shapedStatement({
  shapeOf: (query: OrderSnapshotQuery) => ({ scope: query.scope.kind, idempotent: query.idempotency !== undefined }),
  build: ({ scope, idempotent }) => sql`
    WITH cycle AS (
      SELECT id, week_start, opens_at, closes_at, order_day_only, daily_cutoff, line_cap FROM order_cycles
      WHERE tenant_id = ${value('tenantId')} AND status = 'published' AND opens_at <= ${value('now')}
      ORDER BY week_start DESC, id DESC LIMIT 1)
    SELECT cycle.id, cycle.week_start::text AS "weekStart", cycle.opens_at AS "opensAt", cycle.closes_at AS "closesAt",
      cycle.order_day_only AS "orderDayOnly", cycle.daily_cutoff AS "dailyCutoff", cycle.line_cap AS "lineCap",
      to_json(store.quotas) AS quotas, to_json(store.ordered) AS ordered, store.order_day AS "orderDay",
      ${idempotent ? sql`stored.request_hash` : sql`NULL::text`} AS "requestHash",
      ${idempotent ? sql`stored.response` : sql`NULL::jsonb`} AS response,
      (SELECT json_agg(json_build_object('productId', cp.product_id, 'position', cp.position, 'code', p.code,
          'name', p.name, 'wholesalePriceFen', p.wholesale_price_fen) ORDER BY cp.position)
        FROM cycle_products cp JOIN ${products} p ON p.tenant_id = cp.tenant_id AND p.id = cp.product_id
        WHERE cp.tenant_id = ${value('tenantId')} AND cp.cycle_id = cycle.id
          AND cp.product_id = ANY(${value('productIds')}::int[])) AS products
    FROM cycle
    LEFT JOIN LATERAL (
      SELECT q.quotas, q.ordered, customers.order_day
      FROM store_quotas q JOIN ${customers} ON customers.tenant_id = q.tenant_id AND customers.id = q.customer_id
      WHERE q.tenant_id = ${value('tenantId')} AND q.cycle_id = cycle.id AND q.customer_id = ${value('customerId')}
        AND ${scopeConditionOf(scope, customerColumns, value('scope'))}) store ON true
    ${
      idempotent
        ? sql`LEFT JOIN idempotency_keys stored ON stored.user_id = ${value('userId')} AND stored.key = ${value('key')}`
        : sql``
    }`,
  valuesOf: (query) => ({
    tenantId: query.tenantId,
    now: query.now,
    productIds: arrayLiteral(query.productIds),
    customerId: query.customerId,
    scope: scopeValueOf(query.scope),
    userId: query.idempotency?.userId,
    key: query.idempotency?.key,
  }),
});

export async function readOrderSnapshot(
  executor: Executor,
  query: OrderSnapshotQuery,
): Promise<OrderSnapshot | undefined> {
  // One row: the arrays and the products as JSON, which both drivers parse natively (an int[]
  // is parsed element by element in JavaScript).
  const [row] = rowsOf<Record<string, unknown>>(await orderSnapshotStatement.execute(executor, query));
  if (!row) return undefined;
  const quotas = jsonOf(row.quotas) as number[] | null;
  return {
    cycle: {
      id: Number(row.id),
      weekStart: String(row.weekStart),
      opensAt: new Date(row.opensAt as string | Date),
      closesAt: new Date(row.closesAt as string | Date),
      orderDayOnly: Boolean(row.orderDayOnly),
      dailyCutoff: String(row.dailyCutoff),
      lineCap: Number(row.lineCap),
    },
    quotaRow: quotas ? { quotas, ordered: jsonOf(row.ordered) as number[], orderDay: Number(row.orderDay) } : undefined,
    products: (jsonOf(row.products) as PricedCycleProduct[] | null) ?? [],
    stored:
      row.requestHash === null || row.requestHash === undefined
        ? undefined
        : { requestHash: String(row.requestHash), response: jsonOf(row.response) },
  };
}

// A json/jsonb column as a value: node-postgres parses it, PGlite's raw rows may hold the text.
function jsonOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export type LockedQuotaRow = {
  quotas: number[];
  ordered: number[];
  orderDay: number;
};

// Locks a store's quota row in a cycle — if the store is in the caller's scope: whoever holds it
// decides alone what the store may still order, until the transaction ends.
export async function lockStoreQuotas(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  cycleId: number,
  customerId: number,
): Promise<LockedQuotaRow | undefined> {
  const result = await executor.execute(sql`
    SELECT q.quotas, q.ordered, customers.order_day AS "orderDay"
    FROM store_quotas q JOIN ${customers} ON customers.tenant_id = q.tenant_id AND customers.id = q.customer_id
    WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND q.customer_id = ${customerId}
      AND ${customerScope(scope)}
    FOR UPDATE OF q`);
  const [row] = rowsOf<LockedQuotaRow>(result);
  return row
    ? { quotas: row.quotas.map(Number), ordered: row.ordered.map(Number), orderDay: Number(row.orderDay) }
    : undefined;
}

export async function getStoreQuotas(executor: Executor, tenantId: number, cycleId: number, customerId: number) {
  const [row] = await executor
    .select({
      quotas: storeQuotas.quotas,
      ordered: storeQuotas.ordered,
      grade: storeQuotas.grade,
      customerClass: storeQuotas.customerClass,
      creditLevel: storeQuotas.creditLevel,
      recent: storeQuotas.recent,
    })
    .from(storeQuotas)
    .where(
      and(eq(storeQuotas.tenantId, tenantId), eq(storeQuotas.cycleId, cycleId), eq(storeQuotas.customerId, customerId)),
    );
  return row;
}

// A store's new ordered quantities in a cycle, and its 店品周汇总 rows with them (store-product-weeks.ts).
export async function setStoreOrdered(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  customerId: number,
  ordered: readonly number[],
) {
  // The old row joined to itself gives the quantities before the update, for the roll-up.
  await executor.execute(sql`
    WITH changed AS (
      UPDATE store_quotas q SET ordered = ${arrayLiteral(ordered)}::int[]
      FROM store_quotas old
      WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND q.customer_id = ${customerId}
        AND old.tenant_id = q.tenant_id AND old.cycle_id = q.cycle_id AND old.customer_id = q.customer_id
      RETURNING q.tenant_id, q.cycle_id, q.customer_id, q.quotas, old.ordered AS before, q.ordered AS after),
    ${storeProductWeeksFollowing('changed')}
    SELECT count(*) FROM changed`);
}

export type OrderLineRow = { productId: number; qty: number; unitPriceFen: number };

export type OrderToInsert = {
  tenantId: number;
  cycleId: number;
  customerId: number;
  channel: OrderChannelOfOrder;
  createdBy: number | null;
  now: Date;
};
export type WrittenWithOrder = {
  quota?: { expected: readonly number[]; ordered: readonly number[] };
  idempotency?: IdempotentOrderResponse;
  // The audit row's values (changeRecordValues); its entity id is the new order's.
  audit?: Record<string, unknown>;
};

// An order and its lines in one statement, with what belongs to it: the store's new ordered
// quantities, the idempotent response and the audit row, when given. The quota update is a
// compare-and-set: it applies only while the store's ordered quantities are still `expected`, the
// ones the order was judged against, and the order is written only if it applied. Returns the new
// order's id, or undefined when the quantities had changed in between (nothing is written).
// A key already stored by another submission fails the whole statement (a duplicate key).
export async function insertOrder(
  executor: Executor,
  order: OrderToInsert,
  lines: readonly OrderLineRow[],
  with_: WrittenWithOrder = {},
): Promise<number | undefined> {
  const [row] = rowsOf<{ id: number }>(await orderInsertStatement.execute(executor, { order, lines, with_ }));
  return row ? Number(row.id) : undefined;
}

export type OrderWrite = { order: OrderToInsert; lines: readonly OrderLineRow[]; with_: WrittenWithOrder };

// The statement itself (the order-day benchmark gives pgbench the same text), one for each
// combination of what is written with the order.
export const orderInsertStatement = shapedStatement({
  shapeOf: ({ with_ }: OrderWrite) => ({
    quota: with_.quota !== undefined,
    idempotent: with_.idempotency !== undefined,
    audited: with_.audit !== undefined,
  }),
  build: ({ quota, idempotent, audited }) => {
    // With the quota row, the store's 店品周汇总 (store-product-weeks.ts): written from the same row.
    const quotaUpdate = quota
      ? sql`quota AS (
      UPDATE store_quotas SET ordered = ${value('ordered')}::int[]
      WHERE tenant_id = ${value('tenantId')} AND cycle_id = ${value('cycleId')} AND customer_id = ${value('customerId')}
        AND ordered = ${value('expected')}::int[]
      RETURNING tenant_id, cycle_id, customer_id, quotas, ${value('expected')}::int[] AS before, ordered AS after),
    ${storeProductWeeksFollowing('quota')},`
      : sql``;
    // The submission's response under its idempotency key: the caller's response with the new id.
    const keyInsert = idempotent
      ? sql`, kept AS (
      INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response, created_at)
      SELECT ${value('userId')}, ${value('key')}, ${value('requestHash')}, 201,
        jsonb_set(${value('response')}::jsonb, '{orderId}', to_jsonb(created.id)), ${value('now')}
      FROM created)`
      : sql``;
    const auditInsert = audited
      ? sql`, audited AS (${changeRecordedWith({ from: sql`created`, entityId: sql`created.id` })})`
      : sql``;
    return sql`
    WITH ${quotaUpdate} created AS (
      INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_by, created_at, updated_at)
      SELECT ${value('tenantId')}, ${value('cycleId')}, ${value('customerId')}, ${value('channel')}, 'submitted',
        ${value('total')}, ${value('quantity')}, ${value('createdBy')}, ${value('now')}, ${value('now')}
      ${quota ? sql`FROM quota` : sql``}
      RETURNING id),
    lines AS (
      INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
      SELECT ${value('tenantId')}, created.id, l.product_id, l.qty, l.price
      FROM created, unnest(${value('productIds')}::int[], ${value('qtys')}::int[], ${value('prices')}::int[])
        AS l(product_id, qty, price))${keyInsert}${auditInsert}
    SELECT id FROM created`;
  },
  valuesOf: ({ order, lines, with_ }) => ({
    tenantId: order.tenantId,
    cycleId: order.cycleId,
    customerId: order.customerId,
    channel: order.channel,
    total: lines.reduce((sum, line) => sum + line.qty * line.unitPriceFen, 0),
    quantity: lines.reduce((sum, line) => sum + line.qty, 0),
    createdBy: order.createdBy,
    now: order.now,
    productIds: arrayLiteral(lines.map((line) => line.productId)),
    qtys: arrayLiteral(lines.map((line) => line.qty)),
    prices: arrayLiteral(lines.map((line) => line.unitPriceFen)),
    ordered: with_.quota && arrayLiteral(with_.quota.ordered),
    expected: with_.quota && arrayLiteral(with_.quota.expected),
    userId: with_.idempotency?.userId,
    key: with_.idempotency?.key,
    requestHash: with_.idempotency?.requestHash,
    response: with_.idempotency && JSON.stringify(with_.idempotency.response),
    ...with_.audit,
  }),
});

// What a submission with an Idempotency-Key answers, kept for its repeats (`orderId` is filled in
// by the statement that creates the order).
export type IdempotentOrderResponse = { userId: number; key: string; requestHash: string; response: unknown };

export async function replaceOrderLines(
  executor: Executor,
  tenantId: number,
  orderId: number,
  lines: readonly OrderLineRow[],
  now: Date,
) {
  const total = lines.reduce((sum, line) => sum + line.qty * line.unitPriceFen, 0);
  const quantity = lines.reduce((sum, line) => sum + line.qty, 0);
  await executor.delete(orderLines).where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.orderId, orderId)));
  await executor.insert(orderLines).values(lines.map((line) => ({ tenantId, orderId, ...line })));
  await executor
    .update(orders)
    .set({ totalFen: total, quantity, updatedAt: now })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
}

export async function cancelOrderRow(executor: Executor, tenantId: number, orderId: number, now: Date) {
  await executor
    .update(orders)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
}

export type OrderRow = {
  id: number;
  cycleId: number;
  cycleCode: string;
  customerId: number;
  customerName: string;
  licenceNo: string;
  channel: OrderChannelOfOrder;
  status: 'submitted' | 'cancelled';
  totalFen: number;
  quantity: number;
  createdAt: Date;
  updatedAt: Date;
  settlementStatus: SettlementStatus | null;
  settlementLateDays: number | null;
  settlementSource: SettlementSource | null;
};

const orderColumns = {
  id: orders.id,
  cycleId: orders.cycleId,
  cycleCode: orderCycles.code,
  customerId: orders.customerId,
  customerName: customers.name,
  licenceNo: customers.licenceNo,
  channel: orders.channel,
  status: orders.status,
  totalFen: orders.totalFen,
  quantity: orders.quantity,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  settlementStatus: orders.settlementStatus,
  settlementLateDays: orders.settlementLateDays,
  settlementSource: orders.settlementSource,
};

function ordersQuery(executor: Executor, tenantId: number, scope: DataScope, where: SQL | undefined) {
  return executor
    .select(orderColumns)
    .from(orders)
    .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
    .innerJoin(orderCycles, and(eq(orderCycles.tenantId, orders.tenantId), eq(orderCycles.id, orders.cycleId)))
    .where(and(eq(orders.tenantId, tenantId), customerScope(scope), where));
}

export async function getOrder(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  orderId: number,
): Promise<OrderRow | undefined> {
  const [row] = await ordersQuery(executor, tenantId, scope, eq(orders.id, orderId));
  return row;
}

export async function listOrders(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { cycleId?: number; customerId?: number; limit: number },
): Promise<OrderRow[]> {
  return ordersQuery(
    executor,
    tenantId,
    scope,
    and(
      filter.cycleId ? eq(orders.cycleId, filter.cycleId) : undefined,
      filter.customerId ? eq(orders.customerId, filter.customerId) : undefined,
    ),
  )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(filter.limit);
}

export async function linesOfOrders(executor: Executor, tenantId: number, orderIds: readonly number[]) {
  if (orderIds.length === 0) return [];
  return executor
    .select({
      orderId: orderLines.orderId,
      productId: orderLines.productId,
      qty: orderLines.qty,
      unitPriceFen: orderLines.unitPriceFen,
      code: products.code,
      name: products.name,
    })
    .from(orderLines)
    .innerJoin(products, and(eq(products.tenantId, orderLines.tenantId), eq(products.id, orderLines.productId)))
    .where(and(eq(orderLines.tenantId, tenantId), inArray(orderLines.orderId, [...orderIds])))
    .orderBy(asc(orderLines.orderId), asc(products.code));
}

// ── Idempotency ───────────────────────────────────────────────────────────────────────────────

export async function findIdempotentResponse(executor: Executor, userId: number, key: string) {
  const [row] = await executor
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

export async function pruneIdempotencyKeys(executor: Executor, before: Date) {
  await executor.execute(sql`DELETE FROM idempotency_keys WHERE created_at < ${before}`);
}

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

// Per product of a cycle: its quotas and orders in the caller's scope. Unnesting every store's
// arrays (24,000 stores × 120 products: 2.9 M elements) took seconds, so stores are first grouped
// by what they hold: many share the same quotas (an allocation gives a grade and class the same
// share), and a store that ordered nothing adds nothing but its quotas. Only the distinct quota
// arrays, and the distinct (quotas, ordered) pairs of stores that ordered, are unnested, each
// weighted by its number of stores — the same sums and counts. The scope is a semi-join on the
// stores' ids: joining carried every store's arrays through a hash that spilled to disk.
export async function cycleDemand(executor: Executor, tenantId: number, scope: DataScope, cycleId: number) {
  const result = await executor.execute(sql`
    WITH scoped_stores AS (
      SELECT customers.id FROM ${customers} WHERE customers.tenant_id = ${tenantId} AND ${customerScope(scope)}),
    quota_groups AS (
      SELECT q.quotas, count(*) AS stores
      FROM store_quotas q
      WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND q.customer_id IN (SELECT id FROM scoped_stores)
      GROUP BY q.quotas),
    order_groups AS (
      SELECT q.quotas, q.ordered, count(*) AS stores
      FROM store_quotas q
      WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND 0 <> ANY(q.ordered)
        AND q.customer_id IN (SELECT id FROM scoped_stores)
      GROUP BY q.quotas, q.ordered),
    per_position AS (
      SELECT u.position, sum(GREATEST(u.quota, 0) * g.stores) AS quota_total,
        0 AS ordered, 0 AS stores_ordered, 0 AS stores_at_cap
      FROM quota_groups g CROSS JOIN LATERAL unnest(g.quotas) WITH ORDINALITY AS u(quota, position)
      GROUP BY u.position
      UNION ALL
      SELECT u.position, 0, sum(u.ordered * g.stores),
        coalesce(sum(g.stores) FILTER (WHERE u.ordered > 0), 0),
        coalesce(sum(g.stores) FILTER (WHERE u.quota > 0 AND u.ordered >= u.quota), 0)
      FROM order_groups g CROSS JOIN LATERAL unnest(g.quotas, g.ordered) WITH ORDINALITY AS u(quota, ordered, position)
      GROUP BY u.position)
    SELECT position - 1 AS position,
      sum(quota_total)::bigint AS "quotaTotal",
      sum(ordered)::bigint AS ordered,
      sum(stores_ordered)::int AS "storesOrdered",
      sum(stores_at_cap)::int AS "storesAtCap"
    FROM per_position
    GROUP BY position`);
  return rowsOf<{
    position: number;
    quotaTotal: string | number;
    ordered: string | number;
    storesOrdered: number;
    storesAtCap: number;
  }>(result).map((row) => ({
    position: Number(row.position),
    quotaTotal: Number(row.quotaTotal),
    ordered: Number(row.ordered),
    storesOrdered: Number(row.storesOrdered),
    storesAtCap: Number(row.storesAtCap),
  }));
}

// Per branch: stores with quotas, stores that ordered, stores that ordered online; cartons in all
// and online — the 网上订货率 by stores and by volume. The stores are the 在营客户 (customers'
// activeStoresSql, as on every page that counts stores) that the cycle allocated to: a store closed
// since cannot order and leaves the rate, with its orders; one opened since has no quota in it.
export async function onlineOrderingByBranch(executor: Executor, tenantId: number, scope: DataScope, cycleId: number) {
  const result = await executor.execute(sql`
    WITH store_orders AS (
      SELECT o.customer_id, sum(o.quantity)::bigint AS qty,
        sum(o.quantity) FILTER (WHERE o.channel = 'online')::bigint AS qty_online
      FROM orders o
      WHERE o.tenant_id = ${tenantId} AND o.cycle_id = ${cycleId} AND o.status = 'submitted'
      GROUP BY o.customer_id)
    SELECT customers.branch_id AS "branchId", u.name AS "branchName",
      count(*)::int AS stores,
      count(so.customer_id)::int AS "storesOrdered",
      count(*) FILTER (WHERE so.qty_online > 0)::int AS "storesOnline",
      coalesce(sum(so.qty), 0)::bigint AS qty,
      coalesce(sum(so.qty_online), 0)::bigint AS "qtyOnline"
    FROM store_quotas q
    JOIN ${customers} ON customers.tenant_id = q.tenant_id AND customers.id = q.customer_id
    JOIN ${orgUnits} u ON u.tenant_id = customers.tenant_id AND u.id = customers.branch_id
    LEFT JOIN store_orders so ON so.customer_id = q.customer_id
    WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND ${activeStoresSql('customers', tenantId, scope)}
    GROUP BY customers.branch_id, u.name ORDER BY customers.branch_id`);
  return rowsOf<{
    branchId: number;
    branchName: string;
    stores: number;
    storesOrdered: number;
    storesOnline: number;
    qty: string | number;
    qtyOnline: string | number;
  }>(result).map((row) => ({
    branchId: Number(row.branchId),
    branchName: row.branchName,
    stores: Number(row.stores),
    storesOrdered: Number(row.storesOrdered),
    storesOnline: Number(row.storesOnline),
    qty: Number(row.qty),
    qtyOnline: Number(row.qtyOnline),
  }));
}

// Is this store visible to the caller? (Phone orders and quota explanations check it first.)
export async function findScopedCustomer(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const [row] = await executor
    .select({ id: customers.id, name: customers.name, orderDay: customers.orderDay, status: customers.status })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId), customerScope(scope)));
  return row;
}
