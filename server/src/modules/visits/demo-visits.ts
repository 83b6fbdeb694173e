import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { recordChanges } from '../../platform/audit/audit.ts';
import { defaultServiceMenu } from './service-menu.rules.ts';
import { insertDefaultMenu } from './services.repository.ts';
import { beijingDateOf, monthOf } from './visit-plan.rules.ts';
import { generatePlansIn } from './visits.service.ts';

// A store's pseudo-random numbers: h from its id (and the month), deterministic.
const visitColumns = sql`tenant_id, customer_id, manager_id, org_path, plan_item_id, check_in_at, check_out_at,
  check_in_latitude, check_in_longitude, check_out_latitude, check_out_longitude, check_in_distance_m, checklist,
  image_score, submitted_at`;
const visitValues = (
  day: ReturnType<typeof sql>,
  h: ReturnType<typeof sql>,
  planItem: ReturnType<typeof sql>,
  now: Date,
) => sql`
  c.tenant_id, c.id, c.manager_id, c.org_path, ${planItem},
  (${day})::timestamp + interval '1 hour' + (${h} % 480) * interval '1 minute',
  (${day})::timestamp + interval '1 hour' + (${h} % 480 + CASE WHEN ${h} % 50 = 0 THEN 1 ELSE 6 + ${h} % 35 END) * interval '1 minute',
  CASE WHEN ${h} % 33 = 0 THEN NULL ELSE c.latitude + ((${h} % 7) - 3) * 0.0002 END,
  CASE WHEN ${h} % 33 = 0 THEN NULL ELSE c.longitude + ((${h} % 5) - 2) * 0.0002 END,
  CASE WHEN ${h} % 33 = 0 THEN NULL ELSE c.latitude END,
  CASE WHEN ${h} % 33 = 0 THEN NULL ELSE c.longitude END,
  CASE WHEN ${h} % 33 = 0 OR c.latitude IS NULL THEN NULL ELSE 20 + ${h} % 90 END,
  jsonb_build_object('displayStandard', ${h} % 10 < 7, 'pricesMarked', ${h} % 10 < 8,
    'targetBrandsOnShelf', (${h} / 10) % 10 < 6, 'issues', CASE WHEN ${h} % 10 >= 8 THEN '价签不全' ELSE '' END),
  (CASE WHEN ${h} % 10 < 7 THEN 40 ELSE 0 END) + (CASE WHEN ${h} % 10 < 8 THEN 30 ELSE 0 END)
    + (CASE WHEN (${h} / 10) % 10 < 6 THEN 30 ELSE 0 END),
  ${now}`;

// The three months before this month: one visit a store, in one of them (its id decides which),
// on a weekday, with its checklist and 终端形象 score. Seeded before the demo classifies its city
// (classification reads the image scores); the plan of those months is not kept.
export async function seedDemoPastVisitsIn(tx: Executor, tenantId: number, now: Date) {
  const month = monthOf(now);
  const [year, monthNumber] = month.split('-').map(Number);
  const firstOfPast = new Date(Date.UTC(year, monthNumber - 4, 1)).toISOString().slice(0, 10);
  const hm = sql`((c.id * 2654435761) % 1000003)`;
  const pastDay = sql`(${firstOfPast}::date + (c.id % 3) * interval '1 month' + (${hm} % 26)::int * interval '1 day')::date`;
  const weekday = sql`(${pastDay} - CASE extract(isodow FROM ${pastDay}) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END)`;
  await tx.execute(sql`
    INSERT INTO visits (${visitColumns})
    SELECT ${visitValues(weekday, hm, sql`NULL::int`, now)}
    FROM customers c WHERE c.tenant_id = ${tenantId} AND c.status = 'active'`);
}

// The demo city's 走访: the default service menu, this month's plan for every manager, the plan's
// visits due before today (most done), and a shelf price and a stock count on a third of the last
// four weeks' visits (the three months before were seeded by seedDemoPastVisitsIn). Generated in
// SQL from each store's id, so the whole step is a handful of statements.
export async function seedDemoVisitsIn(tx: Executor, tenantId: number, managerIds: readonly number[], now: Date) {
  const actor = systemActor(tenantId, 'demo');
  await insertDefaultMenu(tx, tenantId, defaultServiceMenu, now);
  const month = monthOf(now);
  const planned = await generatePlansIn(tx, actor, { month, managerIds, replace: false }, now);
  const today = beijingDateOf(now);
  // This month: 85 % of the visits planned before today were made, on their day (times in UTC:
  // 09:00 Beijing is 01:00).
  const h = sql`((p.id * 2654435761) % 1000003)`;
  await tx.execute(sql`
    WITH made AS (
      INSERT INTO visits (${visitColumns})
      SELECT ${visitValues(sql`p.planned_on`, h, sql`p.id`, now)}
      FROM visit_plan_items p JOIN customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
      WHERE p.tenant_id = ${tenantId} AND p.month = ${month} AND p.planned_on < ${today} AND ${h} % 100 < 85
      RETURNING id, plan_item_id)
    UPDATE visit_plan_items p SET status = 'done', visit_id = made.id
    FROM made WHERE p.tenant_id = ${tenantId} AND p.id = made.plan_item_id`);

  // Observations on a third of the last four weeks' visits: one product of the catalogue, its
  // shelf price near the suggested retail price a pack, and the cartons on hand.
  const since = new Date(now.getTime() - 28 * 86_400_000);
  const observed = sql`
    WITH p AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(retail_price_fen ORDER BY id) AS prices,
        count(*)::int AS n
      FROM products WHERE tenant_id = ${tenantId} AND status = 'active')
    SELECT v.id AS visit_id, v.customer_id, v.check_in_at, v.h, p.ids[1 + (v.h / 7) % p.n] AS product_id,
      p.prices[1 + (v.h / 7) % p.n] AS retail_price_fen
    FROM (SELECT id, customer_id, check_in_at, (id * 2654435761) % 1000003 AS h FROM visits
      WHERE tenant_id = ${tenantId} AND check_in_at >= ${since} AND id % 3 = 0) v
    CROSS JOIN p WHERE p.n > 0`;
  await tx.execute(sql`
    WITH o AS MATERIALIZED (${observed}),
    prices AS (
      INSERT INTO visit_price_observations (tenant_id, visit_id, product_id, customer_id, observed_at, pack_price_fen)
      SELECT ${tenantId}, visit_id, product_id, customer_id, check_in_at, round(retail_price_fen / 10.0 * (0.97 + (h % 9) * 0.01))
      FROM o)
    INSERT INTO visit_stock_counts (tenant_id, visit_id, product_id, customer_id, counted_at, cartons)
    SELECT ${tenantId}, visit_id, product_id, customer_id, check_in_at, (h % 12) * 0.5 FROM o`);
  await recordChanges(
    tx,
    actor,
    [{ action: 'seed_demo', entity: 'visit', entityId: 0, after: { month, planned, pastMonths: 3 } }],
    now,
  );
}
