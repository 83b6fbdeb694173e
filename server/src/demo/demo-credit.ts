import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../db/array-literal.ts';
import type { Executor } from '../db/client.ts';
import {
  approveModelIn,
  computeCreditRunIn,
  createModelIn,
  defaultCreditModel,
  defaultCreditModelName,
  fileAppealIn,
  publishCreditRunIn,
  recordViolationsIn,
  type violationSeverities,
} from '../modules/credit/index.ts';
import { type Actor, systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { creditFactSources } from '../workflows/credit-facts.workflow.ts';
import { demoPortalLicence } from './demo-surveys.ts';
import { createRandom, type Random } from './random.ts';

// 零售客户信用 of the demo city: the facts a year of credit was scored from, then the year itself.
//   · 结算: every order of the 13 weeks settled, as the bank's file would say — on time but for a
//     few stores: ~3 % paid one order late (1–7 days), ~0.35 % several, ~0.15 % had deductions fail;
//   · 专卖 violations over the last 12 months at ~0.3 % of the stores, each with its decision's
//     document number (most minor, a few severe — those cap the store at B for 12 months);
//   · 投诉定性: the closed complaints judged founded, ~3 % unfounded, a few malicious;
//   · 信息配合: 10 % of the stores report prices weekly (价格信息采集户), a year of their reports;
//   · the default credit model approved, 12 monthly runs published on the 1st of the month after
//     (the last one in force now), two open appeals — see seedDemoCreditRunsIn.

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// What happened to a store's payments over the 13 weeks.
type PaymentHabit = { late: number; failed: number };

function paymentHabit(random: Random): PaymentHabit {
  const roll = random.next();
  if (roll < 0.0015) return { late: random.integer(0, 1), failed: random.integer(1, 2) };
  if (roll < 0.005) return { late: random.integer(2, 4), failed: 0 };
  if (roll < 0.035) return { late: 1, failed: 0 };
  return { late: 0, failed: 0 };
}

const violationKinds = [
  {
    type: 'illegal_purchase',
    weight: 30,
    severities: [
      ['minor', 40],
      ['major', 45],
      ['severe', 15],
    ],
    notes: ['从非指定烟草专卖批发企业购进卷烟 12 条', '异地购进卷烟 8 条，无合法来源凭证', '购进走私卷烟 5 条'],
  },
  {
    type: 'out_of_scope',
    weight: 20,
    severities: [
      ['minor', 70],
      ['major', 30],
    ],
    notes: ['超出许可证核定范围从事卷烟批发', '在许可证载明地址以外经营卷烟'],
  },
  {
    type: 'price',
    weight: 30,
    severities: [
      ['minor', 85],
      ['major', 15],
    ],
    notes: ['未按规定明码标价，经责令改正后仍未改正', '高于零售指导价销售卷烟', '以低于进货价倾销卷烟扰乱市场'],
  },
  {
    type: 'counterfeit',
    weight: 10,
    severities: [
      ['major', 50],
      ['severe', 50],
    ],
    notes: ['查获假冒注册商标卷烟 6 条', '销售假冒卷烟，案值 4,800 元'],
  },
  {
    type: 'other',
    weight: 10,
    severities: [['minor', 100]],
    notes: ['未在经营场所明显位置悬挂烟草专卖零售许可证', '未按规定配合专卖检查'],
  },
] as const;

// Beijing date YYYY-MM-DD of an instant.
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * hourMs).toISOString().slice(0, 10);

type ViolationSeverity = (typeof violationSeverities)[number];

type DemoViolation = {
  customerId: number;
  occurredOn: string;
  type: (typeof violationKinds)[number]['type'];
  severity: ViolationSeverity;
  documentNo: string;
  note: string;
};

export type DemoCreditFacts = {
  settledOrders: number;
  lateOrders: number;
  failedOrders: number;
  violations: number;
  judgedTickets: { founded: number; unfounded: number; malicious: number };
  priceReports: number;
};

// Settlements, violations and ticket judgements, written as sets; one audit entry says where they
// came from (they are nobody's edits).
export async function seedDemoCreditFactsIn(
  tx: Executor,
  tenantId: number,
  now: Date,
): Promise<DemoCreditFacts & { violationRows: DemoViolation[] }> {
  const actor = systemActor(tenantId, 'demo');
  const random = createRandom(2201);
  const stores = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`),
  ).map((row) => Number(row.id));

  // 结算: the bank's file, the day after an order (late ones that many days later).
  const [{ settled }] = rowsOf<{ settled: number }>(
    await tx.execute(sql`
      WITH settled AS (
        UPDATE orders SET settlement_status = 'on_time', settlement_late_days = NULL, settlement_source = 'imported',
          settlement_recorded_at = created_at + interval '1 day'
        WHERE tenant_id = ${tenantId} AND status = 'submitted' AND created_at < ${now}
        RETURNING 1)
      SELECT count(*)::int AS settled FROM settled`),
  );
  const settledOrders = Number(settled);
  const habits = new Map<number, PaymentHabit>();
  for (const id of stores) {
    const habit = paymentHabit(random);
    if (habit.late + habit.failed > 0) habits.set(id, habit);
  }
  const late: { id: number; days: number }[] = [];
  const failed: number[] = [];
  if (habits.size > 0) {
    const orders = rowsOf<{ id: number; customer_id: number }>(
      await tx.execute(sql`
        SELECT id, customer_id FROM orders
        WHERE tenant_id = ${tenantId} AND status = 'submitted' AND created_at < ${now}
          AND customer_id = ANY(${arrayLiteral([...habits.keys()])}::int[])
        ORDER BY customer_id, id`),
    );
    const byStore = new Map<number, number[]>();
    for (const row of orders) {
      const list = byStore.get(Number(row.customer_id)) ?? [];
      list.push(Number(row.id));
      byStore.set(Number(row.customer_id), list);
    }
    for (const [storeId, habit] of habits) {
      const ids = [...(byStore.get(storeId) ?? [])];
      for (let index = 0; index < habit.late + habit.failed && ids.length > 0; index += 1) {
        const [id] = ids.splice(random.integer(0, ids.length - 1), 1);
        if (index < habit.failed) failed.push(id);
        else late.push({ id, days: random.weighted([...[1, 2, 3, 5, 7].map((days, k) => [days, 5 - k] as const)]) });
      }
    }
    if (late.length > 0) {
      await tx.execute(sql`
        UPDATE orders o SET settlement_status = 'late', settlement_late_days = x.days,
          settlement_recorded_at = o.created_at + (1 + x.days) * interval '1 day'
        FROM unnest(${arrayLiteral(late.map((row) => row.id))}::int[], ${arrayLiteral(late.map((row) => row.days))}::int[]) AS x(id, days)
        WHERE o.tenant_id = ${tenantId} AND o.id = x.id`);
    }
    if (failed.length > 0) {
      await tx.execute(sql`
        UPDATE orders SET settlement_status = 'failed', settlement_late_days = NULL
        WHERE tenant_id = ${tenantId} AND id = ANY(${arrayLiteral(failed)}::int[])`);
    }
  }

  // 专卖 violations of the last 12 months, numbered as the 专卖 office numbers its decisions.
  const violationRows: DemoViolation[] = [];
  const serials = new Map<string, number>();
  for (const id of stores) {
    if (random.next() >= 0.003) continue;
    const kind = random.weighted(violationKinds.map((entry) => [entry, entry.weight] as const));
    const severity = random.weighted(kind.severities);
    const occurredOn = beijingDate(new Date(now.getTime() - random.integer(3, 360) * dayMs));
    const year = occurredOn.slice(0, 4);
    const prefix = severity === 'minor' ? '漳烟专责改' : '漳烟专罚';
    const serial = (serials.get(`${prefix}${year}`) ?? 0) + random.integer(1, 9);
    serials.set(`${prefix}${year}`, serial);
    violationRows.push({
      customerId: id,
      occurredOn,
      type: kind.type,
      severity: severity as ViolationSeverity,
      documentNo: `${prefix}〔${year}〕第${String(serial).padStart(3, '0')}号`,
      note: random.pick(kind.notes),
    });
  }
  violationRows.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.customerId - b.customerId);

  // 信息配合: the city's 价格信息采集户 — 10 % of the stores report a shelf price from the portal every
  // week. Their reports of the year before the price demo's evaluated weeks (8 to 52 weeks back),
  // priced as its other weeks (99.0–103.5 % of the suggested retail price): 12 and more in a run's
  // window is the cooperation indicator's top step, which with a clean record of settlements,
  // orders and tenure is what lifts a store to AA (110). The levels are the model's, not set here.
  const [{ reports }] = rowsOf<{ reports: number }>(
    await tx.execute(sql`
      WITH catalogue AS (
        SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n
        FROM (SELECT id FROM products WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id LIMIT 30) p),
      reports AS (
        SELECT c.tenant_id, c.id AS customer_id, c.district_code, c.branch_id, c.org_path, u.id AS user_id, w,
          catalogue.ids[1 + (c.id + w) % catalogue.n] AS product_id,
          (date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 7 * w + (c.id % 6))::timestamp
            AT TIME ZONE 'Asia/Shanghai' + interval '19 hours' AS at
        FROM customers c CROSS JOIN catalogue CROSS JOIN generate_series(8, 52) AS w
        JOIN users u ON u.tenant_id = c.tenant_id AND u.customer_id = c.id AND u.role = 'retailer'
        WHERE c.tenant_id = ${tenantId} AND c.status = 'active' AND catalogue.n > 0 AND (c.id::bigint * 37) % 100 < 10),
      written AS (
        INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
          pack_price_fen, observed_at, reported_by, created_at)
        SELECT x.tenant_id, 'retailer', p.id, x.customer_id, x.district_code, x.branch_id, x.org_path,
          round(p.retail_price_fen / 10.0 * (0.99 + ((x.customer_id::bigint * 104729 + x.w * 7919) % 46) / 1000.0) / 10) * 10,
          x.at, x.user_id, x.at
        FROM reports x JOIN products p ON p.tenant_id = x.tenant_id AND p.id = x.product_id
        WHERE x.at < ${now}
        RETURNING 1)
      SELECT count(*)::int AS reports FROM written`),
  );

  // 投诉定性: the handlers' judgement of the closed complaints.
  const closed = rowsOf<{ id: number }>(
    await tx.execute(sql`
      SELECT id FROM tickets
      WHERE tenant_id = ${tenantId} AND status = 'closed' AND type = 'complaint' AND customer_id IS NOT NULL
      ORDER BY id`),
  ).map((row) => Number(row.id));
  const unfounded: number[] = [];
  const malicious: number[] = [];
  for (const id of closed) {
    const roll = random.next();
    if (roll < 0.004) malicious.push(id);
    else if (roll < 0.034) unfounded.push(id);
  }
  await tx.execute(sql`
    UPDATE tickets SET judgement = CASE
        WHEN id = ANY(${arrayLiteral(malicious)}::int[]) THEN 'malicious'
        WHEN id = ANY(${arrayLiteral(unfounded)}::int[]) THEN 'unfounded'
        ELSE 'founded' END
    WHERE tenant_id = ${tenantId} AND id = ANY(${arrayLiteral(closed)}::int[])`);

  const facts: DemoCreditFacts = {
    settledOrders,
    lateOrders: late.length,
    failedOrders: failed.length,
    violations: violationRows.length,
    judgedTickets: {
      founded: closed.length - unfounded.length - malicious.length,
      unfounded: unfounded.length,
      malicious: malicious.length,
    },
    priceReports: Number(reports),
  };
  await recordChanges(
    tx,
    actor,
    [
      {
        action: 'seed_demo',
        entity: 'order',
        after: { settled: facts.settledOrders, late: facts.lateOrders, failed: facts.failedOrders },
      },
      { action: 'seed_demo', entity: 'ticket', after: { judged: facts.judgedTickets } },
      { action: 'seed_demo', entity: 'price_report', after: { retailerReports: facts.priceReports } },
    ],
    now,
  );
  return { ...facts, violationRows };
}

// The facts, then the year of credit they make: the default model approved a year ago; each month's
// violations recorded as the 专卖 office sends them, the month scored on the 1st of the next and
// published that day; then two stores appeal the level now in force.
export async function seedDemoCreditIn(tx: Executor, tenantId: number, now: Date) {
  const actor = systemActor(tenantId, 'demo');
  const { violationRows, ...facts } = await seedDemoCreditFactsIn(tx, tenantId, now);
  const today = beijingDate(now);
  // The 12 months before this one, oldest first.
  const months = Array.from({ length: 12 }, (_, index) => addMonths(today.slice(0, 7), index - 12));
  const firstDay = (month: string) => `${month}-01`;
  const clamp = (at: Date) => (at.getTime() > now.getTime() ? now : at);
  const atBeijing = (date: string, hour: number) =>
    clamp(new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`));

  const modelAt = atBeijing(firstDay(months[0]), 9);
  const model = await createModelIn(
    tx,
    actor,
    {
      name: `${defaultCreditModelName.replace('（默认）', '')}（${months[0].slice(0, 4)} 版）`,
      definition: defaultCreditModel,
    },
    modelAt,
  );
  await approveModelIn(tx, actor, model.id, modelAt);
  await tx.execute(sql`ANALYZE orders, tickets, visits, customers`);
  const runs: Array<{ id: number; month: string; effectiveFrom: string; levels: Record<string, number> }> = [];
  let recorded = 0;
  for (const month of months) {
    const next = addMonths(month, 1);
    const publishOn = firstDay(next);
    // The month's violations, as the 专卖 office's list arrives before the run.
    const ofMonth = violationRows.filter((row) => row.occurredOn.slice(0, 7) === month);
    if (ofMonth.length > 0) {
      await recordViolationsIn(tx, actor, ofMonth, 'imported', atBeijing(publishOn, 8));
      recorded += ofMonth.length;
    }
    const run = await computeCreditRunIn(
      tx,
      actor,
      { modelId: model.id, month },
      creditFactSources,
      atBeijing(publishOn, 9),
    );
    await publishCreditRunIn(tx, actor, run.id, { effectiveFrom: publishOn }, atBeijing(publishOn, 15));
    runs.push({
      id: run.id,
      month,
      effectiveFrom: publishOn,
      levels: Object.fromEntries((run.summary?.levels ?? []).map((entry) => [entry.level, entry.count])),
    });
  }
  // Violations of this month so far: recorded, scored by next month's run.
  const thisMonth = violationRows.filter((row) => row.occurredOn.slice(0, 7) > months[months.length - 1]);
  if (thisMonth.length > 0) await recordViolationsIn(tx, actor, thisMonth, 'imported', now);
  recorded += thisMonth.length;

  const appeals = await seedDemoAppealsIn(tx, tenantId, runs[runs.length - 1].id, atBeijing(today, 0), now);
  return { facts: { ...facts, violations: recorded }, modelId: model.id, runs, appeals };
}

// Two open appeals against the level in force: a store with a violation it disputes and one with
// a late payment it says the bank caused — both by the stores' own accounts, filed since the run.
async function seedDemoAppealsIn(tx: Executor, tenantId: number, runId: number, since: Date, now: Date) {
  const candidates = rowsOf<{
    customer_id: number;
    user_id: number;
    username: string;
    name: string;
    key: string;
    rule: string;
  }>(
    await tx.execute(sql`
      SELECT DISTINCT ON (item->>0) s.customer_id, u.id AS user_id, u.username, c.name,
        concat_ws(':', item->>0, item->>2, item->>3) AS key, item->>0 AS rule
      FROM credit_scores s
      CROSS JOIN LATERAL jsonb_array_elements(s.items) AS item
      JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
      JOIN users u ON u.tenant_id = s.tenant_id AND u.customer_id = s.customer_id AND u.role = 'retailer'
      WHERE s.tenant_id = ${tenantId} AND s.run_id = ${runId} AND item->>0 IN ('violation_minor', 'late_payment')
        AND c.licence_no <> ${demoPortalLicence}
      ORDER BY item->>0, s.customer_id`),
  );
  const reasons: Record<string, string> = {
    violation_minor: '该次检查时价签已张贴，只是被货架遮挡，当场已整改，申请撤销该条违规记录。',
    late_payment: '当周银行系统升级导致扣款延迟，并非本店原因，附银行出具的说明，申请撤销逾期记录。',
  };
  const filed: number[] = [];
  for (const [index, row] of candidates.entries()) {
    const actor: Actor = {
      userId: Number(row.user_id),
      tenantId,
      username: row.username,
      displayName: row.name,
      role: 'retailer',
      scope: { kind: 'customer', customerId: Number(row.customer_id) },
      sessionId: '',
      ip: 'local',
      requestId: 'demo',
    };
    const at = new Date(Math.min(now.getTime(), since.getTime() + (index + 1) * 5 * hourMs));
    const appeal = await fileAppealIn(
      tx,
      actor,
      Number(row.customer_id),
      { reason: reasons[row.rule] ?? '申请复核本月信用等级。', itemKey: row.key },
      at,
    );
    filed.push(appeal.id);
  }
  return filed;
}

// YYYY-MM plus `count` months.
function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
