import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { evaluateWarningsIn, refreshMarginWeeksIn, writeMarginGroupsIn } from '../modules/prices/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { addDays, mondayOf } from '../platform/time/weeks.ts';
import { historyWeeks } from './demo-supply.ts';

// 价格监管 in the demo city: a year of retail prices, the margin's roll-up and an open warning.
//
//   · the visits the demo made (the last three months and this one) observe 2 more products each,
//     of the 30 the city orders most (written as the demo writes visits: INSERT … SELECT), and the
//     demo's own visit observations are re-priced the same way (below);
//   · inspectors' market checks (price_reports, 'inspection') for 52 weeks: 1.5 % of the stores a
//     week, 3 products each; retailers' own reports ('retailer') in the last 8 weeks, 1 % a week;
//   · prices at 99.0–103.5 % of the suggested retail price (the city index ≈ 101), except one brand's
//     best seller (the product most ordered of the city's second brand by cartons) in one district
//     (the one with most stores) in the last three ended weeks: 92–94 %, so its index dips below 95
//     there. A warning is per product and region (the issue's rules: per product or price class), so
//     the dip is one product's: the weekly evaluation (the prices module's own, run for the last six
//     ended weeks in order) leaves one open yellow warning — that product in that district, over
//     three weeks — and none for the brand's other products, the district's branch or the city.
//     (In 漳州 that district, 龙海区, is a branch of its own, 龙海营销部: judged as the district only.)
//     Inspectors check the product at 8 of the district's stores a week those weeks, and at 16
//     stores elsewhere in the city (whether the dip spreads: it does not), so the city's figure is
//     not the district's checks alone;
//   · the margin roll-up (price_margin_weeks, price_margin_groups) of the history weeks and the
//     running one, stored as the refresh job does; and last year's same 13 weeks (52 weeks earlier), which the demo has no orders for:
//     written straight into the roll-up as the city's figures from before Kewo (no orders behind
//     them), each store-week with this year's cartons and wholesale amount and a retail amount that
//     makes its margin 1.28 points lower than this year's (10.48 % → 11.76 % in the seed city's
//     report). price_margin_refreshes marks both as stored; the job never recomputes last year's
//     weeks (they have no order cycles), only this year's trailing five.
// Every statement is set-based; the step adds a few seconds to the demo.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export const demoMarginRise = 0.0128;
const observedProducts = 30;

export async function seedDemoPricesIn(tx: Executor, tenantId: number, now: Date) {
  const actor = systemActor(tenantId, 'demo');
  const thisMonday = mondayOf(now);
  const historyStart = addDays(thisMonday, -7 * historyWeeks);
  const yearStart = addDays(thisMonday, -7 * 52);
  const dipWeeks = [3, 2, 1].map((back) => addDays(thisMonday, -7 * back));
  const [inspector] = rowsOf<{ id: number }>(
    await tx.execute(
      sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'inspector' ORDER BY id LIMIT 1`,
    ),
  );
  if (!inspector) return;
  const popular = sql`
    SELECT array_agg(id ORDER BY cartons DESC, id) AS ids, count(*)::int AS n FROM (
      SELECT p.id, coalesce(sum(w.ordered), 0) AS cartons FROM products p
      LEFT JOIN store_product_weeks w ON w.tenant_id = p.tenant_id AND w.product_id = p.id
      WHERE p.tenant_id = ${tenantId} AND p.status = 'active'
      GROUP BY p.id ORDER BY cartons DESC, p.id LIMIT ${observedProducts}) top`;
  // The dip: the best seller of the second brand by cartons (of the products observed), in the
  // district with most active stores.
  const [dip] = rowsOf<{ brand: string | null; product_id: number | null; district: string }>(
    await tx.execute(sql`
      WITH top AS (${popular}),
      brand AS (
        SELECT p.brand FROM store_product_weeks w JOIN products p ON p.tenant_id = w.tenant_id AND p.id = w.product_id
        WHERE w.tenant_id = ${tenantId} GROUP BY p.brand ORDER BY sum(w.ordered) DESC, p.brand OFFSET 1 LIMIT 1),
      district AS (
        SELECT district_code FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
        GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1)
      SELECT (SELECT brand FROM brand) AS brand,
        (SELECT p.id FROM top CROSS JOIN unnest(top.ids) WITH ORDINALITY AS t(id, n)
         JOIN products p ON p.tenant_id = ${tenantId} AND p.id = t.id
         WHERE p.brand = (SELECT brand FROM brand) ORDER BY t.n LIMIT 1) AS product_id,
        (SELECT district_code FROM district) AS district`),
  );
  if (!dip?.brand || dip.product_id == null) return;
  const dipProduct = Number(dip.product_id);
  const dipArray = sql`${`{${dipWeeks.join(',')}}`}::date[]`;
  // A pack price: the suggested one × a factor from h (a hash 0–999), to the jiao; the dip's product,
  // district and weeks 92.0–94.0 %, the rest 99.0–103.5 %. The arguments name columns.
  const priced = (h: string, week: string, product: string, district: string) => sql`
    round(p.retail_price_fen / 10.0 * CASE
      WHEN ${sql.raw(product)} = ${dipProduct} AND ${sql.raw(district)} = ${dip.district} AND ${sql.raw(week)} = ANY(${dipArray})
      THEN 0.92 + (${sql.raw(h)} % 21) / 1000.0 ELSE 0.99 + (${sql.raw(h)} % 46) / 1000.0 END / 10) * 10`;
  const week = (column: string) => `date_trunc('week', ${column} AT TIME ZONE 'Asia/Shanghai')::date`;

  // The demo's own visit observations (demo-visits.ts: 97–105 %) priced the same way, so the weeks
  // hold no accidental dips or jumps.
  await tx.execute(sql`
    UPDATE visit_price_observations o SET pack_price_fen = ${priced('((o.visit_id::bigint * 7919) % 1000)', week('o.observed_at'), 'p.id', 'c.district_code')}
    FROM products p, customers c
    WHERE o.tenant_id = ${tenantId} AND p.tenant_id = o.tenant_id AND p.id = o.product_id
      AND c.tenant_id = o.tenant_id AND c.id = o.customer_id`);
  // Visits: 2 more products each (k = 1, 2), of the popular ones.
  await tx.execute(sql`
    WITH top AS (${popular})
    INSERT INTO visit_price_observations (tenant_id, visit_id, product_id, customer_id, observed_at, pack_price_fen)
    SELECT v.tenant_id, v.id, p.id, v.customer_id, v.check_in_at, ${priced('((v.id::bigint * 7919 + k * 104729) % 1000)', week('v.check_in_at'), 'p.id', 'c.district_code')}
    FROM visits v
    JOIN customers c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id
    CROSS JOIN top CROSS JOIN generate_series(1, 2) AS k
    JOIN products p ON p.tenant_id = v.tenant_id AND p.id = top.ids[1 + (v.id * 3 + k * 11) % top.n]
    WHERE v.tenant_id = ${tenantId} AND top.n > 0
    ON CONFLICT DO NOTHING`);
  // Market checks: 52 weeks, 1.5 % of the stores a week, 3 products; and in the dip's weeks the
  // dipping product at 8 of the district's stores and at 16 stores elsewhere in the city.
  await tx.execute(sql`
    WITH top AS (${popular}),
    checks AS (
      SELECT c.tenant_id, c.id AS customer_id, c.district_code, c.branch_id, c.org_path, w, k,
        top.ids[1 + (c.id * 5 + w * 3 + k * 7) % top.n] AS product_id,
        (${yearStart}::date + 7 * w + (c.id % 5))::timestamp AT TIME ZONE 'Asia/Shanghai'
          + interval '10 hours' + (c.id % 7) * interval '1 hour' AS at
      FROM customers c CROSS JOIN top CROSS JOIN generate_series(0, 51) AS w CROSS JOIN generate_series(0, 2) AS k
      WHERE c.tenant_id = ${tenantId} AND c.status = 'active' AND top.n > 0 AND (c.id * 13 + w * 7) % 200 < 3
      UNION ALL
      SELECT c.tenant_id, c.id, c.district_code, c.branch_id, c.org_path, (d.week - ${yearStart}::date) / 7, 0,
        ${dipProduct}::int, (d.week + (c.id % 5))::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '15 hours'
      FROM customers c
      CROSS JOIN unnest(${dipArray}) AS d(week)
      WHERE c.tenant_id = ${tenantId} AND c.id IN (
        (SELECT id FROM customers WHERE tenant_id = ${tenantId} AND district_code = ${dip.district}
          AND status = 'active' ORDER BY (id::bigint * 7919) % 1009, id LIMIT 8)
        UNION ALL
        (SELECT id FROM customers WHERE tenant_id = ${tenantId} AND district_code <> ${dip.district}
          AND status = 'active' ORDER BY (id::bigint * 7919) % 1009, id LIMIT 16)))
    INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
      pack_price_fen, observed_at, reported_by, created_at)
    SELECT x.tenant_id, 'inspection', p.id, x.customer_id, x.district_code, x.branch_id, x.org_path,
      ${priced('((x.customer_id::bigint * 7919 + x.w * 31 + x.k * 104729) % 1000)', week('x.at'), 'p.id', 'x.district_code')},
      x.at, ${inspector.id}, x.at
    FROM checks x JOIN products p ON p.tenant_id = x.tenant_id AND p.id = x.product_id
    WHERE x.at < ${now}`);
  // Retailers' own reports: the last 8 weeks, 1 % of the stores a week, one product each, by the
  // store's portal account.
  await tx.execute(sql`
    WITH top AS (${popular}),
    reports AS (
      SELECT c.tenant_id, c.id AS customer_id, c.district_code, c.branch_id, c.org_path, u.id AS user_id, w,
        top.ids[1 + (c.id * 7 + w) % top.n] AS product_id,
        (${addDays(thisMonday, -7 * 8)}::date + 7 * w + (c.id % 6))::timestamp AT TIME ZONE 'Asia/Shanghai'
          + interval '19 hours' AS at
      FROM customers c CROSS JOIN top CROSS JOIN generate_series(0, 8) AS w
      JOIN users u ON u.tenant_id = c.tenant_id AND u.customer_id = c.id AND u.role = 'retailer'
      WHERE c.tenant_id = ${tenantId} AND c.status = 'active' AND top.n > 0 AND (c.id * 17 + w * 5) % 100 = 0)
    INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
      pack_price_fen, observed_at, reported_by, created_at)
    SELECT x.tenant_id, 'retailer', p.id, x.customer_id, x.district_code, x.branch_id, x.org_path,
      ${priced('((x.customer_id::bigint * 104729 + x.w * 7919) % 1000)', week('x.at'), 'p.id', 'x.district_code')},
      x.at, x.user_id, x.at
    FROM reports x JOIN products p ON p.tenant_id = x.tenant_id AND p.id = x.product_id
    WHERE x.at < ${now}`);

  // The margin's roll-up of the ended history weeks, then last year's same weeks.
  const endedWeeks = Array.from({ length: historyWeeks }, (_, index) => addDays(historyStart, 7 * index)).filter(
    (monday) => monday < thisMonday,
  );
  // Fresh statistics first: the tables were all just written, and the roll-up's joins and the
  // evaluation's medians are planned from them.
  await tx.execute(
    sql`ANALYZE customers, products, order_cycles, cycle_products, store_product_weeks, visits, visit_price_observations, price_reports`,
  );
  await refreshMarginWeeksIn(tx, tenantId, [...endedWeeks, thisMonday], now);
  const lastYearWeeks = endedWeeks.map((monday) => addDays(monday, -364));
  await tx.execute(sql`
    INSERT INTO price_margin_weeks (tenant_id, customer_id, week_start, retail_fen, wholesale_fen, cartons, own_cartons,
      district_cartons, suggested_cartons)
    SELECT tenant_id, customer_id, week_start - 364,
      wholesale_fen / (1 - (1 - wholesale_fen / retail_fen) + ${demoMarginRise} + ((customer_id::bigint * 7919) % 11 - 5) / 10000.0),
      wholesale_fen, cartons, own_cartons, district_cartons, suggested_cartons
    FROM price_margin_weeks
    WHERE tenant_id = ${tenantId} AND week_start = ANY(${`{${endedWeeks.join(',')}}`}::date[]) AND retail_fen > 0`);
  await tx.execute(sql`
    INSERT INTO price_margin_refreshes (tenant_id, week_start, refreshed_at, stores)
    SELECT ${tenantId}, w, ${now}, (SELECT count(*) FROM price_margin_weeks m WHERE m.tenant_id = ${tenantId} AND m.week_start = w)
    FROM unnest(${`{${lastYearWeeks.join(',')}}`}::date[]) AS w
    ON CONFLICT (tenant_id, week_start) DO NOTHING`);
  await writeMarginGroupsIn(tx, tenantId, lastYearWeeks);

  // The weekly evaluation, for the last six ended weeks in order.
  for (const back of [6, 5, 4, 3, 2, 1]) await evaluateWarningsIn(tx, actor, addDays(thisMonday, -7 * back), now);
  const [counts] = rowsOf<{ reports: number; visits: number }>(
    await tx.execute(sql`SELECT (SELECT count(*) FROM price_reports WHERE tenant_id = ${tenantId})::int AS reports,
      (SELECT count(*) FROM visit_price_observations WHERE tenant_id = ${tenantId})::int AS visits`),
  );
  await recordChanges(
    tx,
    actor,
    [
      {
        action: 'seed_demo',
        entity: 'price_report',
        after: {
          reports: counts.reports,
          visitObservations: counts.visits,
          dip: { brand: dip.brand, productId: dipProduct, district: dip.district },
          yearStart,
        },
      },
    ],
    now,
  );
}
