import type { AppContext } from '../app-context.ts';
import { reassignCustomersIn } from '../modules/customers/index.ts';
import { moveTicketsWithStoresIn } from '../modules/tickets/index.ts';
import { handOverPlannedVisitsIn } from '../modules/visits/index.ts';
import type { Actor } from '../platform/access/actor.ts';

// 调整客户经理: stores move to another manager, and so to that manager's branch. One transaction,
// each step owned by its module:
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
    if (moved.length > 0) {
      await moveTicketsWithStoresIn(tx, actor.tenantId, moved, to);
      await handOverPlannedVisitsIn(tx, actor.tenantId, moved, to, now);
    }
    return { reassigned: moved.length, unchanged };
  });
}
