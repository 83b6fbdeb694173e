import { and, between, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { getHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { addDays, mondayOfDay } from '../../platform/time/weeks.ts';
import { checkPlanDate } from './visit-plan.rules.ts';
import { findScopedStore, insertAdjustment, insertPlanItem } from './visits.repository.ts';
import { visitPlanItems } from './visits.schema.ts';

// Stores added to this week's plan of their managers at once (周微调：增加, for several stores), as
// another module's worklist asks — the brand programme's, through the plan-brand-visits workflow.
// Every store must be in the caller's scope (a manager: their own), else nothing is added (404). A
// store already planned (or visited) in the date's week is left as it is.
export async function addPlannedVisitsIn(
  tx: Executor,
  actor: Actor,
  input: { customerIds: readonly number[]; date: string; reason: string },
  now: Date,
): Promise<{ added: number; alreadyPlanned: number }> {
  const month = input.date.slice(0, 7);
  checkPlanDate(month, input.date, await getHolidayCalendar(tx, actor.tenantId));
  const ids = [...new Set(input.customerIds)];
  const stores = [];
  for (const customerId of ids) {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, customerId);
    if (store?.status !== 'active') throw new DomainError('NOT_FOUND', { customerId }, 'customerIds');
    stores.push(store);
  }
  const monday = mondayOfDay(input.date);
  const planned = await tx
    .selectDistinct({ customerId: visitPlanItems.customerId })
    .from(visitPlanItems)
    .where(
      and(
        eq(visitPlanItems.tenantId, actor.tenantId),
        inArray(visitPlanItems.customerId, ids),
        between(visitPlanItems.plannedOn, monday, addDays(monday, 6)),
        ne(visitPlanItems.status, 'dropped'),
      ),
    );
  const alreadyPlanned = new Set(planned.map((row) => row.customerId));
  let added = 0;
  for (const store of stores) {
    if (alreadyPlanned.has(store.id)) continue;
    await addStoreToPlan(tx, actor, store, { date: input.date, reason: input.reason }, now, { customerId: store.id });
    added += 1;
  }
  return { added, alreadyPlanned: alreadyPlanned.size };
}

// One store added to its manager's plan on a day (周微调：增加): the plan item, its adjustment and
// the audit entry (`after` plus the day, the reason and the month).
export async function addStoreToPlan(
  tx: Executor,
  actor: Actor,
  store: { id: number; managerId: number; orgPath: string },
  input: { date: string; reason: string },
  now: Date,
  after: Record<string, unknown>,
): Promise<{ id: number; adjustmentId: number }> {
  const month = input.date.slice(0, 7);
  const created = await insertPlanItem(
    tx,
    actor.tenantId,
    {
      month,
      managerId: store.managerId,
      customerId: store.id,
      orgPath: store.orgPath,
      plannedOn: input.date,
      source: 'added',
    },
    now,
  );
  const adjustment = await insertAdjustment(tx, {
    tenantId: actor.tenantId,
    planItemId: created.id,
    kind: 'add',
    toDate: input.date,
    reason: input.reason,
    adjustedBy: actor.userId,
    adjustedAt: now,
  });
  await recordChange(
    tx,
    actor,
    { action: 'add', entity: 'visit_plan_item', entityId: created.id, after: { ...after, ...input, month } },
    now,
  );
  return { id: created.id, adjustmentId: adjustment.id };
}
