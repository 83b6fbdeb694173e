import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { duplicateKeyOf } from '../../db/errors.ts';
import { type Actor, retailerStoreOf } from '../../platform/access/actor.ts';
import { changeRecordValues, recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertWindowOpen, orderWindowOf, storeOrderingOf } from './cycle-window.rules.ts';
import {
  applyToQuotas,
  checkLineCaps,
  checkOrderLines,
  cycleProductsOfLines,
  lineDeltas,
  type OrderLineInput,
  remainingOf,
  yuan,
} from './order.rules.ts';
import {
  type CycleRow,
  cancelOrderRow,
  findCurrentCycle,
  findIdempotentResponse,
  findScopedCustomer,
  getCycle,
  getCycleProducts,
  getOrder,
  getStoreQuotas,
  insertOrder,
  linesOfOrders,
  listOrders,
  lockStoreQuotas,
  type OrderRow,
  type PricedCycleProduct,
  readOrderSnapshot,
  replaceOrderLines,
  setStoreOrdered,
} from './supply.repository.ts';
import type { OrderChannelOfOrder } from './supply.schema.ts';

// 网上订货 and 电话订货: placing, changing and cancelling a store's orders against its quotas.
// Placing is optimistic (see placeOrder); changing and cancelling are each one transaction that
// first locks the store's quota row. Either way two submissions for one store never both spend
// the same remaining quota.

export type OrderResult = {
  orderId: number;
  cycleId: number;
  lines: Array<{ productId: number; code: string; name: string; qty: number; unitPrice: number; amount: number }>;
  total: number;
};

// ── The retailer's cycle ──────────────────────────────────────────────────────────────────────

export async function getPortalCycle(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  const db = context.db;
  const cycle = await findCurrentCycle(db, actor.tenantId, now);
  if (!cycle) throw new DomainError('NO_OPEN_CYCLE');
  const store = await findScopedCustomer(db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const [quotaRow, cycleProducts] = await Promise.all([
    getStoreQuotas(db, actor.tenantId, cycle.id, customerId),
    getCycleProducts(db, actor.tenantId, cycle.id),
  ]);
  const { window, isOpen } = storeOrderingOf(
    cycle,
    { orderDay: store.orderDay, isInCycle: quotaRow !== undefined },
    now,
  );
  return {
    cycleId: cycle.id,
    cycleCode: cycle.code,
    window: { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() },
    isOpen,
    lineCap: cycle.lineCap,
    items: quotaRow
      ? cycleProducts
          .filter((product) => quotaRow.quotas[product.position] !== 0)
          .map((product) => {
            const quota = quotaRow.quotas[product.position];
            const ordered = quotaRow.ordered[product.position] ?? 0;
            return {
              productId: product.productId,
              code: product.code,
              name: product.name,
              brand: product.brand,
              priceClass: product.priceClass,
              wholesalePrice: yuan(product.wholesalePriceFen),
              retailPrice: yuan(product.retailPriceFen),
              isNew: product.isNew,
              quota: quota === -1 ? null : quota,
              ordered,
              remaining: remainingOf(quota, ordered),
            };
          })
      : [],
  };
}

// ── Placing an order ──────────────────────────────────────────────────────────────────────────

export type PlaceOrderCommand = {
  customerId: number;
  lines: OrderLineInput[];
  channel: OrderChannelOfOrder;
  idempotencyKey?: string;
};

// An order for the store in its current cycle. With an idempotency key, a repeat of the same
// submission answers with the first result; the same key with a different submission is refused.
//
// Optimistic first, in two statements and no transaction: read what the order is judged on, judge
// it here, then write it in one statement that applies only if the store's ordered quantities are
// still the ones read (the order, its lines, the quantities, the key and the audit row land
// together or not at all). When another submission for the store got in between, the order is
// judged again under the store's row lock, where nothing can get in between. An order day is
// many stores ordering once each, so the lock is the rare path; the round trips it saves are
// most of an order's cost.
export async function placeOrder(
  context: AppContext,
  actor: Actor,
  command: PlaceOrderCommand,
): Promise<{ status: 201; body: OrderResult }> {
  checkOrderLines(command.lines);
  const now = context.now();
  const requestHash = command.idempotencyKey ? hashOf(command) : '';
  const attempt = (executor: Executor) => attemptOrder(executor, actor, command, requestHash, now);
  try {
    const placed = await attempt(context.db);
    if (!('changedIn' in placed)) return placed;
    return await context.db.transaction(async (tx) => {
      // The lock first, in a statement of its own: the snapshot read after it then sees whatever
      // the submission it waited for committed, its idempotency key included.
      await lockStoreQuotas(tx, actor.tenantId, actor.scope, placed.changedIn, command.customerId);
      const result = await attempt(tx);
      if ('changedIn' in result) throw new Error('the quota row changed under its lock');
      return result;
    });
  } catch (error) {
    // Another submission under the same key was written first: answer as it was answered.
    if (!command.idempotencyKey || duplicateKeyOf(error) !== idempotencyKeyConstraint) throw error;
    const stored = await findIdempotentResponse(context.db, actor.userId, command.idempotencyKey);
    if (!stored) throw error;
    return storedAnswer(stored, requestHash);
  }
}

const idempotencyKeyConstraint = 'idempotency_keys_user_id_key_pk';

function storedAnswer(stored: { requestHash: string; response: unknown }, requestHash: string) {
  if (stored.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  return { status: 201 as const, body: stored.response as OrderResult };
}

// One try: the order judged on one snapshot and written only if the store's ordered quantities
// have not changed since (`changedIn` the cycle: they had, and nothing was written).
async function attemptOrder(
  executor: Executor,
  actor: Actor,
  command: PlaceOrderCommand,
  requestHash: string,
  now: Date,
): Promise<{ status: 201; body: OrderResult } | { changedIn: number }> {
  const snapshot = await readOrderSnapshot(executor, {
    tenantId: actor.tenantId,
    scope: actor.scope,
    customerId: command.customerId,
    productIds: command.lines.map((line) => line.productId),
    now,
    idempotency: command.idempotencyKey ? { userId: actor.userId, key: command.idempotencyKey } : undefined,
  });
  if (!snapshot) throw new DomainError('NO_OPEN_CYCLE');
  const { cycle, quotaRow, stored } = snapshot;
  if (stored) return storedAnswer(stored, requestHash);
  if (!quotaRow) {
    const store = await findScopedCustomer(executor, actor.tenantId, actor.scope, command.customerId);
    throw new DomainError(store ? 'STORE_NOT_IN_CYCLE' : 'NOT_FOUND');
  }
  assertWindowOpen(orderWindowOf(cycle, quotaRow.orderDay), now);
  const products = cycleProductsOfLines(snapshot.products, command.lines);
  checkLineCaps(command.lines, cycle.lineCap, products);
  const ordered = applyToQuotas(
    quotaRow,
    command.lines.map((line) => ({ product: products.get(line.productId) as PricedCycleProduct, delta: line.qty })),
  );
  const lines = command.lines.map((line) => ({
    productId: line.productId,
    qty: line.qty,
    unitPriceFen: (products.get(line.productId) as PricedCycleProduct).wholesalePriceFen,
  }));
  const template = resultOf(0, cycle.id, lines, products);
  const orderId = await insertOrder(
    executor,
    {
      tenantId: actor.tenantId,
      cycleId: cycle.id,
      customerId: command.customerId,
      channel: command.channel,
      createdBy: actor.userId || null,
      now,
    },
    lines,
    {
      quota: { expected: quotaRow.ordered, ordered },
      idempotency: command.idempotencyKey
        ? { userId: actor.userId, key: command.idempotencyKey, requestHash, response: template }
        : undefined,
      audit: changeRecordValues(
        actor,
        {
          action: 'place',
          entity: 'order',
          after: {
            customerId: command.customerId,
            cycleId: cycle.id,
            channel: command.channel,
            lines: command.lines,
            total: template.total,
          },
        },
        now,
      ),
    },
  );
  if (orderId === undefined) return { changedIn: cycle.id };
  return { status: 201 as const, body: { ...template, orderId } };
}

async function productsOfLines(
  tx: Executor,
  tenantId: number,
  cycle: CycleRow,
  lines: readonly OrderLineInput[],
): Promise<Map<number, PricedCycleProduct>> {
  const rows = await getCycleProducts(
    tx,
    tenantId,
    cycle.id,
    lines.map((line) => line.productId),
  );
  return cycleProductsOfLines(rows, lines);
}

function resultOf(
  orderId: number,
  cycleId: number,
  lines: ReadonlyArray<{ productId: number; qty: number; unitPriceFen: number }>,
  products: Map<number, { code: string; name: string }>,
): OrderResult {
  const resultLines = lines.map((line) => {
    const product = products.get(line.productId) as { code: string; name: string };
    return {
      productId: line.productId,
      code: product.code,
      name: product.name,
      qty: line.qty,
      unitPrice: yuan(line.unitPriceFen),
      amount: yuan(line.qty * line.unitPriceFen),
    };
  });
  return {
    orderId,
    cycleId,
    lines: resultLines,
    total: yuan(lines.reduce((sum, line) => sum + line.qty * line.unitPriceFen, 0)),
  };
}

function hashOf(command: PlaceOrderCommand): string {
  const lines = [...command.lines].sort((a, b) => a.productId - b.productId);
  return createHash('sha256')
    .update(JSON.stringify({ customerId: command.customerId, channel: command.channel, lines }))
    .digest('hex');
}

// ── Changing and cancelling ───────────────────────────────────────────────────────────────────

// New lines for an order of the current window; quotas are judged on the difference.
export async function changeOrder(
  context: AppContext,
  actor: Actor,
  orderId: number,
  newLines: OrderLineInput[],
): Promise<OrderResult> {
  checkOrderLines(newLines);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const { order, cycle, quotaRow } = await lockOrder(tx, actor, orderId, now);
    const before = (await linesOfOrders(tx, actor.tenantId, [orderId])).map((line) => ({
      productId: line.productId,
      qty: line.qty,
    }));
    const products = await productsOfLines(tx, actor.tenantId, cycle, [...newLines, ...before]);
    checkLineCaps(newLines, cycle.lineCap, products);
    const ordered = applyToQuotas(
      quotaRow,
      lineDeltas(before, newLines).map(({ productId, delta }) => ({
        product: products.get(productId) as PricedCycleProduct,
        delta,
      })),
    );
    await setStoreOrdered(tx, actor.tenantId, cycle.id, order.customerId, ordered);
    const lines = newLines.map((line) => ({
      productId: line.productId,
      qty: line.qty,
      unitPriceFen: (products.get(line.productId) as PricedCycleProduct).wholesalePriceFen,
    }));
    await replaceOrderLines(tx, actor.tenantId, orderId, lines, now);
    const body = resultOf(orderId, cycle.id, lines, products);
    await recordChange(
      tx,
      actor,
      {
        action: 'change',
        entity: 'order',
        entityId: orderId,
        before: { lines: before },
        after: { lines: newLines, total: body.total },
      },
      now,
    );
    return body;
  });
}

export async function cancelOrder(context: AppContext, actor: Actor, orderId: number): Promise<void> {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const { order, cycle, quotaRow } = await lockOrder(tx, actor, orderId, now);
    const before = (await linesOfOrders(tx, actor.tenantId, [orderId])).map((line) => ({
      productId: line.productId,
      qty: line.qty,
    }));
    const products = await productsOfLines(tx, actor.tenantId, cycle, before);
    const ordered = applyToQuotas(
      quotaRow,
      before.map((line) => ({ product: products.get(line.productId) as PricedCycleProduct, delta: -line.qty })),
    );
    await setStoreOrdered(tx, actor.tenantId, cycle.id, order.customerId, ordered);
    await cancelOrderRow(tx, actor.tenantId, orderId, now);
    await recordChange(
      tx,
      actor,
      { action: 'cancel', entity: 'order', entityId: orderId, before: { lines: before, status: order.status } },
      now,
    );
  });
}

async function lockOrder(tx: Executor, actor: Actor, orderId: number, now: Date) {
  const order = await getOrder(tx, actor.tenantId, actor.scope, orderId);
  if (!order) throw new DomainError('NOT_FOUND');
  const cycle = await getCycle(tx, actor.tenantId, order.cycleId);
  const quotaRow = await lockStoreQuotas(tx, actor.tenantId, actor.scope, order.cycleId, order.customerId);
  if (!cycle || !quotaRow) throw new DomainError('NOT_FOUND');
  // Re-read under the lock: a concurrent cancel may have landed meanwhile.
  const current = await getOrder(tx, actor.tenantId, actor.scope, orderId);
  if (!current || current.status === 'cancelled') throw new DomainError('ORDER_CANCELLED');
  assertWindowOpen(orderWindowOf(cycle, quotaRow.orderDay), now);
  return { order: current, cycle, quotaRow };
}

// ── Reading orders ────────────────────────────────────────────────────────────────────────────

export async function listOrdersWithLines(
  context: AppContext,
  actor: Actor,
  filter: { cycleId?: number; customerId?: number; limit?: number },
) {
  const rows = await listOrders(context.db, actor.tenantId, actor.scope, { ...filter, limit: filter.limit ?? 100 });
  const lines = await linesOfOrders(
    context.db,
    actor.tenantId,
    rows.map((row) => row.id),
  );
  const byOrder = Map.groupBy(lines, (line) => line.orderId);
  return { items: rows.map((row) => orderView(row, byOrder.get(row.id) ?? [])) };
}

function orderView(
  row: OrderRow,
  lines: ReadonlyArray<{ productId: number; code: string; name: string; qty: number; unitPriceFen: number }>,
) {
  return {
    orderId: row.id,
    cycleId: row.cycleId,
    cycleCode: row.cycleCode,
    customerId: row.customerId,
    customerName: row.customerName,
    licenceNo: row.licenceNo,
    channel: row.channel,
    status: row.status,
    total: yuan(Number(row.totalFen)),
    quantity: row.quantity,
    lines: lines.map((line) => ({
      productId: line.productId,
      code: line.code,
      name: line.name,
      qty: line.qty,
      unitPrice: yuan(line.unitPriceFen),
      amount: yuan(line.qty * line.unitPriceFen),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    settlement: row.settlementStatus
      ? { status: row.settlementStatus, lateDays: row.settlementLateDays, source: row.settlementSource }
      : null,
  };
}
