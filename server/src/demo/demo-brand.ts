import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  brandKpis,
  changeProgrammeStatusIn,
  createProgrammeIn,
  editProgrammeIn,
  foldProgrammeIn,
} from '../modules/brand/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { addDays, mondayOf } from '../platform/time/weeks.ts';
import { historyWeeks } from './demo-supply.ts';

// 品牌培育 in the demo city, through the brand module's own use cases, over the demo's order history
// and visits: 七匹狼(通系列) for demonstration and growth stores city-wide (active, ahead of its
// goals), a new product for urban convenience stores (active, behind), and last quarter's programme
// (closed). Each goal is set from the programme's own figures, so "ahead" and "behind" hold whatever
// the city's size.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// A goal in whole percent: a little below where a programme stands (ahead), or well above (behind).
const aheadOf = (value: number) => Math.max(0.01, Math.floor(value * 85) / 100);
const behindOf = (value: number) => Math.min(0.95, Math.ceil(Math.max(value * 140, value * 100 + 10)) / 100);

export async function seedDemoBrandIn(tx: Executor, tenantId: number, now: Date) {
  const actor = systemActor(tenantId, 'demo');
  const [owner] = rowsOf<{ id: number }>(
    await tx.execute(
      sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'marketing' ORDER BY id LIMIT 1`,
    ),
  );
  if (!owner) return;
  // A city without stores (`kewo demo --customers 0`, as the import benchmark starts it) has no
  // target stores to cultivate.
  const [stores] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} LIMIT 1`),
  );
  if (Number(stores?.n ?? 0) === 0) return;
  // Products by what the history ordered of them, most first.
  const productsWhere = async (condition: ReturnType<typeof sql>, limit: number) =>
    rowsOf<{ id: number }>(
      await tx.execute(sql`
        SELECT p.id FROM products p
        LEFT JOIN store_product_weeks w ON w.tenant_id = p.tenant_id AND w.product_id = p.id
        WHERE p.tenant_id = ${tenantId} AND p.status = 'active' AND ${condition}
        GROUP BY p.id ORDER BY coalesce(sum(w.ordered), 0) DESC, p.id LIMIT ${limit}`),
    ).map((row) => Number(row.id));
  const tong = await productsWhere(sql`p.brand = '七匹狼' AND p.name LIKE '%通%'`, 6);
  const wolves = tong.length > 0 ? tong : await productsWhere(sql`p.brand = '七匹狼'`, 3);
  const newProducts = await productsWhere(sql`p.is_new`, 1);
  const lastQuarterProducts = await productsWhere(sql`p.brand = '利群'`, 4);
  const [brandService] = rowsOf<{ id: number }>(
    await tx.execute(
      sql`SELECT id FROM service_items WHERE tenant_id = ${tenantId} AND category = 'brand' AND active ORDER BY position LIMIT 1`,
    ),
  );
  const service = brandService
    ? [{ kind: 'service' as const, title: '品牌培育服务', serviceItemId: Number(brandService.id) }]
    : [];

  const thisMonday = mondayOf(now);
  const historyStart = addDays(thisMonday, -7 * historyWeeks);
  // Last quarter (calendar), as far as the history reaches back.
  const [year, month] = thisMonday.split('-').map(Number);
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const quarterStart = `${year}-${String(quarterStartMonth).padStart(2, '0')}-01`;
  const lastQuarterEnd = addDays(quarterStart, -1);
  const lastQuarterStart =
    quarterStartMonth === 1 ? `${year - 1}-10-01` : `${year}-${String(quarterStartMonth - 3).padStart(2, '0')}-01`;
  const closedStart = lastQuarterStart > historyStart ? lastQuarterStart : historyStart;
  const closedEnd = lastQuarterEnd > closedStart ? lastQuarterEnd : addDays(closedStart, 27);

  const created: number[] = [];
  const seed = async (
    input: Parameters<typeof createProgrammeIn>[2],
    goalsOf: (row: {
      shelvingRate: number | null;
      sellThroughRate: number | null;
    }) => Parameters<typeof createProgrammeIn>[2]['goals'],
  ) => {
    const programme = await createProgrammeIn(tx, actor, { ...input, ownerId: owner.id }, now);
    const [row] = await brandKpis(tx, tenantId, programme.id, 'none', undefined, { now });
    await editProgrammeIn(tx, actor, programme.id, { goals: goalsOf(row) }, now);
    await changeProgrammeStatusIn(tx, actor, programme.id, 'activate', now);
    created.push(programme.id);
    return programme.id;
  };

  if (wolves.length > 0)
    await seed(
      {
        name: '七匹狼(通系列) 品牌培育',
        description: '示范、成长客户全市推进：卖点培训、优质客户陈列物料，跟踪上柜率、动销率、存销比。',
        productIds: wolves,
        startDate: historyStart,
        endDate: addDays(thisMonday, 7 * 13 - 1),
        segment: { classes: ['demonstration', 'growth'] },
        goals: {},
        actions: [
          { kind: 'classroom', title: '七匹狼通系列品牌课堂：卖点培训', date: addDays(historyStart, 9) },
          { kind: 'display', title: '通系列陈列物料投放（优质客户）', date: addDays(historyStart, 14) },
          ...service,
        ],
      },
      (row) => ({
        shelvingRate: aheadOf(row.shelvingRate ?? 0.6),
        sellThroughRate: aheadOf(row.sellThroughRate ?? 0.5),
        stockToSales: { min: 0.5, max: 1.5 },
      }),
    );

  if (newProducts.length > 0)
    await seed(
      {
        name: '新品培育：城镇便利店',
        description: '新品在城镇便利店的上柜与动销。',
        productIds: newProducts,
        startDate: addDays(thisMonday, -42),
        endDate: addDays(thisMonday, 7 * 8 - 1),
        segment: { formats: ['convenience'], urbanRural: ['urban'] },
        goals: {},
        actions: [{ kind: 'display', title: '新品推荐牌上柜', date: addDays(thisMonday, -40) }, ...service],
      },
      (row) => ({
        shelvingRate: behindOf(row.shelvingRate ?? 0.3),
        sellThroughRate: behindOf(row.sellThroughRate ?? 0.3),
        stockToSales: { min: 0.8, max: 1.2 },
      }),
    );

  if (lastQuarterProducts.length > 0) {
    const id = await seed(
      {
        name: '利群 上季度培育',
        description: '上季度项目，已结束。',
        productIds: lastQuarterProducts,
        startDate: closedStart,
        endDate: closedEnd,
        segment: { classes: ['ordinary'] },
        goals: {},
        actions: [{ kind: 'classroom', title: '利群品牌课堂', date: closedStart }],
      },
      (row) => ({
        shelvingRate: aheadOf(row.shelvingRate ?? 0.5),
        sellThroughRate: aheadOf(row.sellThroughRate ?? 0.4),
      }),
    );
    await changeProgrammeStatusIn(tx, actor, id, 'close', now);
  }
  // 培育汇总: the history's closed weeks folded now, as the job would within minutes of starting.
  for (const id of created) await foldProgrammeIn(tx, tenantId, id, now);
}
