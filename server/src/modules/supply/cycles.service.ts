import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { addDays } from '../../platform/time/weeks.ts';
import {
  type AllocationStore,
  allocateProduct,
  type ProductAllocationInput,
  type ProductAllocationOutcome,
  prepareStores,
  quotaDistribution,
} from './allocation.rules.ts';
import { type AllocationStrategy, checkCycleProducts } from './allocation-strategy.rules.ts';
import { cycleWindowOf } from './cycle-window.rules.ts';
import { onlineOrderingRates } from './online-ordering-rate.rules.ts';
import { cycleCodeOf, lineCapOf, yuan } from './order.rules.ts';
import { explainQuota } from './quota-explanation.rules.ts';
import {
  activeProductsByIds,
  allocationFactsOf,
  type CycleProductRow,
  type CycleRow,
  cycleDemand,
  findCycleByWeek,
  findScopedCustomer,
  getCycle,
  getCycleProducts,
  getStoreQuotas,
  insertCycle,
  insertStoreQuotas,
  listCycles,
  onlineOrderingByBranch,
  recentPurchases,
  regionVocabulary,
  replaceCycleProducts,
  setCycleProductOutcomes,
  setCycleStatus,
  storesForAllocation,
} from './supply.repository.ts';

// 订货周期 and 货源投放: a cycle is created for a week, its products get a supply and a strategy,
// the allocation is previewed, then published — which writes every store's quotas and opens the
// cycle for ordering.

// Proportional strategies look at the store's last 4 weeks of orders.
const recentWeeks = 4;

export type NewCycle = {
  weekStart: string;
  opensAt?: string;
  closesAt?: string;
  orderDayOnly: boolean;
  dailyCutoff: string;
  lineCap?: number; // cartons per product per order; defaultLineCap when not given
};

export async function createCycle(context: AppContext, actor: Actor, input: NewCycle) {
  return context.db.transaction((tx) => createCycleIn(tx, actor, input, context.now()));
}

// The use case inside a caller's transaction (the demo builds its cycles with it).
export async function createCycleIn(tx: Executor, actor: Actor, input: NewCycle, now: Date) {
  const { opensAt, closesAt } = cycleWindowOf(input);
  const lineCap = lineCapOf(input.lineCap);
  if (await findCycleByWeek(tx, actor.tenantId, input.weekStart)) {
    throw new DomainError('CYCLE_EXISTS', { weekStart: input.weekStart });
  }
  const cycle = await insertCycle(tx, {
    tenantId: actor.tenantId,
    code: cycleCodeOf(input.weekStart),
    weekStart: input.weekStart,
    opensAt,
    closesAt,
    orderDayOnly: input.orderDayOnly,
    dailyCutoff: input.dailyCutoff,
    lineCap,
    status: 'draft',
    createdAt: now,
  });
  await recordChange(
    tx,
    actor,
    { action: 'create', entity: 'order_cycle', entityId: cycle.id, after: { ...input, lineCap } },
    now,
  );
  return cycleView(cycle, 0);
}

export function cycleView(cycle: CycleRow, productCount: number) {
  return {
    id: cycle.id,
    code: cycle.code,
    weekStart: cycle.weekStart,
    opensAt: cycle.opensAt.toISOString(),
    closesAt: cycle.closesAt.toISOString(),
    orderDayOnly: cycle.orderDayOnly,
    dailyCutoff: cycle.dailyCutoff,
    lineCap: cycle.lineCap,
    status: cycle.status,
    productCount,
    publishedAt: cycle.publishedAt?.toISOString() ?? null,
  };
}

export async function listOrderCycles(context: AppContext, actor: Actor) {
  const rows = await listCycles(context.db, actor.tenantId, 104);
  return { items: rows.map((row) => cycleView(row.cycle, Number(row.productCount))) };
}

export async function getCycleDetail(context: AppContext, actor: Actor, cycleId: number) {
  const cycle = await getCycle(context.db, actor.tenantId, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND');
  const rows = await getCycleProducts(context.db, actor.tenantId, cycleId);
  return { ...cycleView(cycle, rows.length), products: rows.map(cycleProductView) };
}

function cycleProductView(row: CycleProductRow) {
  return {
    productId: row.productId,
    code: row.code,
    name: row.name,
    brand: row.brand,
    priceClass: row.priceClass,
    wholesalePrice: yuan(row.wholesalePriceFen),
    supply: row.supply,
    strategy: row.strategy,
    outcome: row.outcome,
  };
}

export type CycleProductInput = { productId: number; supply: number | null; strategy: AllocationStrategy };

// The products of a draft cycle, all at once: supply and strategy per product, each checked.
export async function setCycleProducts(context: AppContext, actor: Actor, cycleId: number, input: CycleProductInput[]) {
  await context.db.transaction((tx) => setCycleProductsIn(tx, actor, cycleId, input, context.now()));
  return getCycleDetail(context, actor, cycleId);
}

export async function setCycleProductsIn(
  tx: Executor,
  actor: Actor,
  cycleId: number,
  input: readonly CycleProductInput[],
  now: Date,
) {
  checkCycleProducts(input);
  // 区域系数 may name only the tenant's districts and org units.
  if (input.some((product) => product.strategy.regionMultipliers !== undefined)) {
    checkCycleProducts(input, await regionVocabulary(tx, actor.tenantId));
  }
  const cycle = await draftCycle(tx, actor, cycleId);
  const active = new Set(
    (
      await activeProductsByIds(
        tx,
        actor.tenantId,
        input.map((product) => product.productId),
      )
    ).map((row) => row.id),
  );
  const unknown = input.find((product) => !active.has(product.productId));
  if (unknown) throw new DomainError('CYCLE_PRODUCT_UNKNOWN', { productId: unknown.productId });
  await replaceCycleProducts(tx, actor.tenantId, cycle.id, input);
  await recordChange(
    tx,
    actor,
    { action: 'set_products', entity: 'order_cycle', entityId: cycle.id, after: { products: input } },
    now,
  );
}

async function draftCycle(tx: Executor, actor: Actor, cycleId: number): Promise<CycleRow> {
  const cycle = await getCycle(tx, actor.tenantId, cycleId, true);
  if (!cycle) throw new DomainError('NOT_FOUND');
  if (cycle.status !== 'draft') throw new DomainError('CYCLE_NOT_DRAFT', { code: cycle.code });
  return cycle;
}

// ── Computing an allocation ───────────────────────────────────────────────────────────────────

type ComputedAllocation = {
  stores: AllocationStore[];
  products: CycleProductRow[];
  inputs: ProductAllocationInput[];
  outcomes: ProductAllocationOutcome[];
  recentByStore: Map<number, Int32Array>;
};

async function computeAllocation(executor: Executor, tenantId: number, cycle: CycleRow): Promise<ComputedAllocation> {
  const products = await getCycleProducts(executor, tenantId, cycle.id);
  if (products.length === 0) throw new DomainError('CYCLE_HAS_NO_PRODUCTS', { code: cycle.code });
  const storeRows = await storesForAllocation(executor, tenantId, cycle.weekStart);
  const stores: AllocationStore[] = storeRows.map((row) => ({
    customerId: row.customerId,
    grade: row.grade ?? 1,
    // The current class (客户分类, customers.class_code) and the credit level (信用等级) in force on
    // the cycle's Monday; stored with the quotas, so the explanation names the level it used.
    customerClass: row.customerClass,
    demoType: row.demoType,
    creditLevel: row.creditLevel,
    format: row.format,
    branchId: row.branchId,
    districtCode: row.districtCode,
    urbanRural: row.urbanRural,
    recentQty: 0,
  }));
  const proportional = products.filter((product) => product.strategy.base.kind === 'proportional');
  const recent = await recentPurchases(
    executor,
    tenantId,
    proportional.map((product) => product.productId),
    addDays(cycle.weekStart, -7 * recentWeeks),
    cycle.weekStart,
  );
  const indexOfStore = new Map(stores.map((store, index) => [store.customerId, index]));
  const recentByProduct = Map.groupBy(recent, (row) => row.productId);
  const recentByStore = new Map<number, Int32Array>();
  const inputs: ProductAllocationInput[] = [];
  const outcomes: ProductAllocationOutcome[] = [];
  // Prepared once (typed arrays of grades, classes, …) for every product; a proportional product
  // brings each store's cartons of the last 4 weeks alongside.
  const prepared = prepareStores(stores);
  for (const product of products) {
    const input = { productId: product.productId, supply: product.supply, strategy: product.strategy };
    if (product.strategy.base.kind !== 'proportional') {
      inputs.push(input);
      outcomes.push(allocateProduct(prepared, input));
      continue;
    }
    const recentQuantities = new Int32Array(stores.length);
    for (const row of recentByProduct.get(product.productId) ?? []) {
      const index = indexOfStore.get(row.customerId);
      if (index === undefined) continue;
      recentQuantities[index] = row.qty;
      const recent = recentByStore.get(row.customerId) ?? new Int32Array(products.length);
      recent[product.position] = row.qty;
      recentByStore.set(row.customerId, recent);
    }
    inputs.push(input);
    outcomes.push(allocateProduct(prepared, { ...input, recentQuantities }));
  }
  return { stores, products, inputs, outcomes, recentByStore };
}

export async function previewCycle(context: AppContext, actor: Actor, cycleId: number) {
  const cycle = await getCycle(context.db, actor.tenantId, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND');
  const computed = await computeAllocation(context.db, actor.tenantId, cycle);
  return previewOf(computed);
}

function previewOf({ products, outcomes }: ComputedAllocation) {
  const items = products.map((product, index) => {
    const outcome = outcomes[index];
    return {
      productId: product.productId,
      code: product.code,
      name: product.name,
      supply: outcome.supply,
      allocated: outcome.allocated,
      eligibleStores: outcome.eligibleStores,
      storesAtZero: outcome.storesAtZero,
      scale: outcome.scale,
      unlimited: product.strategy.base.kind === 'unlimited',
      distribution: quotaDistribution(outcome.quotas),
    };
  });
  const limited = items.filter((item) => item.supply !== null);
  return {
    products: items,
    totals: {
      supply: limited.reduce((sum, item) => sum + (item.supply ?? 0), 0),
      allocated: limited.reduce((sum, item) => sum + item.allocated, 0),
    },
  };
}

// Publishing computes the allocation again from the data of this moment, writes every store's
// quotas, and opens the cycle. A cycle is published once.
export async function publishCycle(context: AppContext, actor: Actor, cycleId: number) {
  return context.db.transaction((tx) => publishCycleIn(tx, actor, cycleId, context.now()));
}

export async function publishCycleIn(tx: Executor, actor: Actor, cycleId: number, now: Date) {
  const cycle = await draftCycle(tx, actor, cycleId);
  const computed = await computeAllocation(tx, actor.tenantId, cycle);
  await persistAllocation(tx, actor.tenantId, cycle, computed);
  await setCycleStatus(tx, actor.tenantId, cycle.id, 'published', now);
  const preview = previewOf(computed);
  await recordChange(
    tx,
    actor,
    {
      action: 'publish',
      entity: 'order_cycle',
      entityId: cycle.id,
      after: { stores: computed.stores.length, ...preview.totals },
    },
    now,
  );
  return { ...cycleView({ ...cycle, status: 'published', publishedAt: now }, computed.products.length), ...preview };
}

async function persistAllocation(tx: Executor, tenantId: number, cycle: CycleRow, computed: ComputedAllocation) {
  const { stores, products, outcomes, recentByStore } = computed;
  // Straight from the computed columns: no per-store copy of its quotas.
  await insertStoreQuotas(tx, tenantId, cycle.id, {
    customerIds: stores.map((store) => store.customerId),
    grades: stores.map((store) => store.grade),
    customerClasses: stores.map((store) => store.customerClass),
    creditLevels: stores.map((store) => store.creditLevel),
    quotas: outcomes.map((outcome) => outcome.quotas),
    recent: (storeIndex) => recentByStore.get(stores[storeIndex].customerId) ?? null,
  });
  await setCycleProductOutcomes(
    tx,
    tenantId,
    cycle.id,
    products.map((product, index) => ({
      productId: product.productId,
      outcome: {
        allocated: outcomes[index].allocated,
        eligibleStores: outcomes[index].eligibleStores,
        storesAtZero: outcomes[index].storesAtZero,
        scale: outcomes[index].scale,
      },
    })),
  );
}

// ── Reading a published allocation ────────────────────────────────────────────────────────────

// One store's quotas in a cycle, each with the reasoning that produced it.
export async function explainStoreQuotas(
  context: AppContext,
  actor: Actor,
  cycleId: number,
  customerId: number,
  locale: 'zh-CN' | 'en',
) {
  const db = context.db;
  const store = await findScopedCustomer(db, actor.tenantId, actor.scope, customerId);
  const cycle = await getCycle(db, actor.tenantId, cycleId);
  if (!store || !cycle) throw new DomainError('NOT_FOUND');
  const row = await getStoreQuotas(db, actor.tenantId, cycleId, customerId);
  const [products, storeRows] = await Promise.all([
    getCycleProducts(db, actor.tenantId, cycleId),
    row ? allocationFactsOf(db, actor.tenantId, customerId) : Promise.resolve(undefined),
  ]);
  if (!row || !storeRows) {
    return { cycleId, customerId, inCycle: false, items: [] };
  }
  return {
    cycleId,
    customerId,
    inCycle: true,
    creditLevel: row.creditLevel,
    items: products.map((product) => {
      const quota = row.quotas[product.position];
      const allocationStore: AllocationStore = {
        customerId,
        grade: row.grade,
        customerClass: (row.customerClass as AllocationStore['customerClass']) ?? null,
        demoType: storeRows.demoType,
        creditLevel: row.creditLevel,
        format: storeRows.format,
        branchId: storeRows.branchId,
        districtCode: storeRows.districtCode,
        urbanRural: storeRows.urbanRural,
        recentQty: row.recent?.[product.position] ?? 0,
      };
      const ordered = row.ordered[product.position] ?? 0;
      return {
        productId: product.productId,
        code: product.code,
        name: product.name,
        wholesalePrice: yuan(product.wholesalePriceFen),
        quota: quota === -1 ? null : quota,
        ordered,
        remaining: quota === -1 ? null : Math.max(0, quota - ordered),
        explanation: explainQuota(
          allocationStore,
          { productId: product.productId, supply: product.supply, strategy: product.strategy },
          { scale: product.outcome?.scale ?? 1, supply: product.supply },
          quota,
          locale,
          { district: storeRows.districtName ?? undefined, branch: storeRows.branchName ?? undefined },
        ),
      };
    }),
  };
}

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

// 需求汇总: per product, what stores ordered against what they could and what the company has.
export async function getCycleDemand(context: AppContext, actor: Actor, cycleId: number) {
  const cycle = await getCycle(context.db, actor.tenantId, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND');
  const [products, demand] = await Promise.all([
    getCycleProducts(context.db, actor.tenantId, cycleId),
    cycleDemand(context.db, actor.tenantId, actor.scope, cycleId),
  ]);
  const byPosition = new Map(demand.map((row) => [row.position, row]));
  return {
    cycleId,
    cycleCode: cycle.code,
    items: products.map((product) => {
      const row = byPosition.get(product.position);
      const unlimited = product.strategy.base.kind === 'unlimited';
      return {
        productId: product.productId,
        code: product.code,
        name: product.name,
        brand: product.brand,
        supply: product.supply,
        quotaTotal: unlimited ? null : (row?.quotaTotal ?? 0),
        ordered: row?.ordered ?? 0,
        storesOrdered: row?.storesOrdered ?? 0,
        storesAtCap: row?.storesAtCap ?? 0,
        amount: yuan((row?.ordered ?? 0) * product.wholesalePriceFen),
      };
    }),
  };
}

// 网上订货率 per branch and in all (online-ordering-rate.rules.ts).
export async function getOnlineOrderingRate(context: AppContext, actor: Actor, cycleId: number) {
  const cycle = await getCycle(context.db, actor.tenantId, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND');
  const rows = await onlineOrderingByBranch(context.db, actor.tenantId, actor.scope, cycleId);
  return { cycleId, cycleCode: cycle.code, ...onlineOrderingRates(rows) };
}
