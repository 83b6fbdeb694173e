import type { AppContext } from '../app-context.ts';
import type { Transaction } from '../db/client.ts';
import { type MovedStore, reassignCustomersIn } from '../modules/customers/index.ts';
import { moveTicketsWithStoresIn } from '../modules/tickets/index.ts';
import { handOverPlannedVisitsIn } from '../modules/visits/index.ts';
import type { Actor } from '../platform/access/actor.ts';

// 调整客户经理: stores move to another manager, and so to that manager's branch — by the reassign
// route, or by an import whose rows name another manager. One transaction, each step owned by its
// module:
//   1. customers — the stores' manager, branch and org path (audited per store);
//   2. tickets   — each ticket keeps its store's place for its data scope: the copy moves along,
//                  so the new manager reads the store's tickets and the old one no longer does;
//   3. visits    — the visits still planned for the stores from today on go to the new manager's
//                  plan; visit records are scoped by their store's place now, so they need no step.
// Orders and service requests are scoped through the store itself and follow without a step.
export async function reassignCustomers(
  context: AppContext,
  actor: Actor,
  input: { customerIds: number[]; managerId: number },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const { moved, to, unchanged } = await reassignCustomersIn(tx, actor, input, now);
    await storesMovedIn(
      tx,
      actor.tenantId,
      moved.map((customerId) => ({ customerId, to })),
      now,
    );
    return { reassigned: moved.length, unchanged };
  });
}

// The steps after customers' (2 and 3 above), for stores customers has just moved: the import
// calls them in its transaction too (customerImportRoutes' onStoresMoved, wired in app.ts).
export async function storesMovedIn(tx: Transaction, tenantId: number, moved: MovedStore[], now: Date) {
  const byManager = new Map<number, { to: MovedStore['to']; customerIds: number[] }>();
  for (const store of moved) {
    const group = byManager.get(store.to.managerId) ?? { to: store.to, customerIds: [] };
    group.customerIds.push(store.customerId);
    byManager.set(store.to.managerId, group);
  }
  for (const { to, customerIds } of byManager.values()) {
    await moveTicketsWithStoresIn(tx, tenantId, customerIds, to);
    await handOverPlannedVisitsIn(tx, tenantId, customerIds, to, now);
  }
}
