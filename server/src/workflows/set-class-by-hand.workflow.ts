import type { AppContext } from '../app-context.ts';
import type { Executor } from '../db/client.ts';
import { type HandClassInput, recordClassByHandIn, recordSpecialInBulkIn } from '../modules/classification/index.ts';
import { setCustomerClassesIn } from '../modules/customers/index.ts';
import type { Actor } from '../platform/access/actor.ts';

// A store's class set by hand — 特殊客户, set and lifted only this way, with a reason. One
// transaction, each step owned by its module:
//   1. classification — checks the change, records the history, audited;
//   2. customers      — the store's class.
export async function setClassByHand(context: AppContext, actor: Actor, customerId: number, input: HandClassInput) {
  const now = context.now();
  return context.db.transaction((tx) => setClassByHandIn(tx, actor, customerId, input, now));
}

export async function setClassByHandIn(
  tx: Executor,
  actor: Actor,
  customerId: number,
  input: HandClassInput,
  now: Date,
) {
  const set = await recordClassByHandIn(tx, actor, customerId, input, now);
  await setCustomerClassesIn(tx, actor.tenantId, [set]);
  return set;
}

// Several stores made special at once (the demo's 特殊客户), by the same two steps.
export async function setSpecialInBulkIn(
  tx: Executor,
  actor: Actor,
  rows: readonly { customerId: number; reason: string }[],
  now: Date,
) {
  const classes = await recordSpecialInBulkIn(tx, actor, rows, now);
  await setCustomerClassesIn(tx, actor.tenantId, classes);
}
