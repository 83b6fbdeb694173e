import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { tickets } from './tickets.schema.ts';

// A ticket keeps its store's place in the organisation (org path, manager) so that its data scope
// needs no join. When stores move to another manager (the reassign-customers workflow), their
// tickets — open and closed — move with them: the new manager reads them, the old one does not.
export async function moveTicketsWithStoresIn(
  tx: Transaction,
  tenantId: number,
  customerIds: number[],
  to: { managerId: number; orgPath: string },
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const moved = await tx
    .update(tickets)
    .set({ managerId: to.managerId, orgPath: to.orgPath })
    .where(
      and(
        eq(tickets.tenantId, tenantId),
        inArray(tickets.customerId, customerIds),
        or(ne(tickets.managerId, to.managerId), ne(tickets.orgPath, to.orgPath)),
      ),
    )
    .returning({ id: tickets.id });
  return moved.length;
}
