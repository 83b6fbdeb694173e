import type { AppContext } from '../app-context.ts';
import { recordWorklistPlanIn, type WorklistPlan, worklistPlanDateIn } from '../modules/brand/index.ts';
import { addPlannedVisitsIn } from '../modules/visits/index.ts';
import type { Actor } from '../platform/access/actor.ts';

// 品牌培育工作清单 → 走访计划: a manager (or marketing) puts stores of the brand worklist on this
// week's visit plan of their managers in one action. One transaction, each step owned by its module:
//   1. brand  — the day: the one asked for (a working day of this week, today or later) or the next
//               working day of this week;
//   2. visits — a planned visit per store not yet planned that week, in its manager's plan (the stores
//               must be in the caller's scope, a manager's own, else 404 and nothing is added; each
//               added visit audited);
//   3. brand  — the worklist action in the audit trail.
export async function planBrandVisits(context: AppContext, actor: Actor, input: WorklistPlan) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const date = await worklistPlanDateIn(tx, actor, input, now);
    const result = await addPlannedVisitsIn(
      tx,
      actor,
      { customerIds: input.customerIds, date, reason: '品牌培育工作清单' },
      now,
    );
    await recordWorklistPlanIn(tx, actor, { customerIds: input.customerIds, date, ...result }, now);
    return result;
  });
}
