import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { computeRunIn, defaultRuleSet, defaultRuleSetName, saveRuleSetIn } from '../modules/classification/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { approveClassificationIn } from '../workflows/approve-classification.workflow.ts';
import { setSpecialInBulkIn } from '../workflows/set-class-by-hand.workflow.ts';
import type { Random } from './random.ts';

// 客户分类 of the demo city: ~0.45 % of the stores made special by hand (with a reason), then the
// default rule set run on every store and approved, so the city shows the seed city's shares.

const specialShare = 0.0045;
const specialReasons = [
  '涉嫌违规经营，专卖管理部门立案调查中',
  '经营场所拆迁，暂停正常经营',
  '店主长期外出，委托他人代管',
  '学校周边，按规定限制服务',
  '新开业未满三个月，暂不参与分类',
];

export async function seedDemoClassification(tx: Executor, tenantId: number, now: Date, random: Random) {
  const actor = systemActor(tenantId, 'demo');
  const result = await tx.execute(
    sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`,
  );
  const ids = (result as unknown as { rows: { id: number }[] }).rows.map((row) => Number(row.id));
  const special = ids
    .filter(() => random.next() < specialShare)
    .map((customerId) => ({ customerId, reason: specialReasons[Math.floor(random.next() * specialReasons.length)] }));
  await setSpecialInBulkIn(tx, actor, special, now);
  const ruleSet = await saveRuleSetIn(
    tx,
    actor,
    { name: defaultRuleSetName, note: '演示城市的默认分类办法', ...defaultRuleSet },
    now,
  );
  const run = await computeRunIn(
    tx,
    actor,
    { ruleSetId: ruleSet.id, effectiveOn: now.toISOString().slice(0, 10) },
    now,
  );
  await approveClassificationIn(tx, actor, run.id, undefined, now);
  return { runId: run.id, special: special.length, distribution: run.distribution };
}
