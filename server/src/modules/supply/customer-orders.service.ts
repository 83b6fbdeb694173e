import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { addDays, mondayOf } from '../../platform/time/weeks.ts';
import { ordersOfCustomer, weeklyPurchasesOfCustomer } from './customer-orders.repository.ts';
import { yuan } from './order.rules.ts';
import { findScopedCustomer } from './supply.repository.ts';

// The store's orders and purchase trend in its 360° view. Outside the actor's data scope the store
// does not exist (404), as for its grades.

export const purchaseTrendWeeks = 13;

async function requireScopedStore(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedCustomer(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
}

export async function listCustomerOrders(
  context: AppContext,
  actor: Actor,
  customerId: number,
  page: { limit: number; offset: number },
) {
  await requireScopedStore(context, actor, customerId);
  const { rows, total } = await ordersOfCustomer(context.db, actor.tenantId, customerId, page);
  return {
    total,
    items: rows.map((row) => ({
      orderId: row.id,
      cycleId: row.cycleId,
      cycleCode: row.cycleCode,
      weekStart: row.weekStart,
      channel: row.channel,
      status: row.status,
      lineCount: row.lineCount,
      quantity: row.quantity,
      total: yuan(Number(row.totalFen)),
      settlementStatus: row.settlementStatus,
      settlementLateDays: row.settlementLateDays,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

// The last 13 cycle weeks up to the current one (Beijing time): what the store bought each week
// it ordered. Weeks without orders are left out; the view shows them as 0.
export async function getCustomerPurchaseTrend(context: AppContext, actor: Actor, customerId: number) {
  await requireScopedStore(context, actor, customerId);
  const to = mondayOf(context.now());
  const from = addDays(to, -7 * (purchaseTrendWeeks - 1));
  const weeks = await weeklyPurchasesOfCustomer(context.db, actor.tenantId, customerId, { from, to });
  return {
    from,
    to,
    weeks: weeks.map((week) => ({ weekStart: week.weekStart, quantity: week.quantity, amount: yuan(week.amountFen) })),
  };
}
