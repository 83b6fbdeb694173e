import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { visitPlanItems } from './visits.schema.ts';

// When stores move to another manager (the reassign-customers workflow), the visits still planned
// for them from today on go to the new manager's plan, on the same days. What is done, missed or
// past stays in the old manager's plan: it is their record of the month.
export async function handOverPlannedVisitsIn(
  tx: Transaction,
  tenantId: number,
  customerIds: number[],
  to: { managerId: number; orgPath: string },
  now: Date,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const handedOver = await tx
    .update(visitPlanItems)
    .set({ managerId: to.managerId, orgPath: to.orgPath })
    .where(
      and(
        eq(visitPlanItems.tenantId, tenantId),
        inArray(visitPlanItems.customerId, customerIds),
        eq(visitPlanItems.status, 'planned'),
        gte(visitPlanItems.plannedOn, beijingDateOf(now)),
      ),
    )
    .returning({ id: visitPlanItems.id });
  return handedOver.length;
}
