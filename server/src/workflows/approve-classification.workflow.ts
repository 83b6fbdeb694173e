import type { AppContext } from '../app-context.ts';
import type { Executor } from '../db/client.ts';
import {
  approveRunIn,
  settleDueClassesIn,
  summariseClosedWeeksAll,
  tenantsWithClassesDue,
} from '../modules/classification/index.ts';
import { setCustomerClassesIn } from '../modules/customers/index.ts';
import type { Actor } from '../platform/access/actor.ts';
import { everyMinutes } from '../platform/jobs/cadence.rules.ts';
import type { Job } from '../platform/jobs/job-runner.ts';

// 审批生效: the centre approves a classification run, whole or for some branches. One transaction,
// each step owned by its module:
//   1. classification — checks the approval, records each changed store's history (special
//                       stores untouched) and the run's status, audited;
//   2. customers      — the stores' class, when the run takes effect now.
// A run that takes effect on a later date leaves its changes pending; on that date the switch
// (switchDueClassesAll, the hourly upkeep job) runs the same two steps for them.
export async function approveClassification(
  context: AppContext,
  actor: Actor,
  runId: number,
  branchIds: number[] | undefined,
) {
  const now = context.now();
  return context.db.transaction((tx) => approveClassificationIn(tx, actor, runId, branchIds, now));
}

export async function approveClassificationIn(
  tx: Executor,
  actor: Actor,
  runId: number,
  branchIds: number[] | undefined,
  now: Date,
) {
  const { run, classes } = await approveRunIn(tx, actor, runId, branchIds, now);
  if (classes) await setCustomerClassesIn(tx, actor.tenantId, classes);
  return run;
}

// The switch: every tenant's approved class changes whose effective date has come take effect,
// one transaction a tenant. Idempotent. Returns how many stores changed.
export async function switchDueClassesAll(context: AppContext): Promise<number> {
  const now = context.now();
  let total = 0;
  for (const tenantId of await tenantsWithClassesDue(context.db, now)) {
    total += await context.db.transaction((tx) => switchDueClassesIn(tx, tenantId, now));
  }
  return total;
}

export async function switchDueClassesIn(tx: Executor, tenantId: number, now: Date): Promise<number> {
  const { changed, classes } = await settleDueClassesIn(tx, tenantId, now);
  await setCustomerClassesIn(tx, tenantId, classes);
  return changed;
}

// The hourly upkeep of 客户分类: classes whose effective date has come, then the weeks closed since
// (classification's alone).
export const classificationUpkeepJob: Job = {
  name: 'classification.upkeep',
  description: 'Switches to approved classes whose effective date has come, then summarises the weeks closed since',
  cadence: everyMinutes(60),
  run: async (context) => {
    const switched = await switchDueClassesAll(context);
    const weeks = await summariseClosedWeeksAll(context);
    return { switched, weeks };
  },
};
