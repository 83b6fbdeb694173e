import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { activeStoresSql, customers } from '../customers/index.ts';
import { type FactEvent, type MeasureKey, measureKeys, type StoreFacts } from './credit.rules.ts';

// What a credit run reads, in one set-based statement over every store of the tenant: the events
// its ledger cites and the measures its indicators score. The facts live in other modules (orders'
// settlements in supply, ticket judgements in tickets, visits, price reports, surveys); credit
// does not import them: the sources come in from the workflow that assembles the module
// (workflows/credit-facts.workflow.ts), each an SQL fragment of a fixed shape.
//
// Only exceptional facts are events (a late payment, a violation, an unfounded complaint): a
// province has millions of ordinary ones (on-time settlements), and those are counted per store in
// SQL as measures (settlementFactsOf), so a run moves a few numbers per store, not every order.

// The facts of the 12 months from (exclusive) to `to` (inclusive), YYYY-MM-DD.
export type FactWindow = { from: string; to: string };

// Selects exactly (customer_id int, kind text, type text, source_id text, at date).
export type EventsSql = (tenantId: number, window: FactWindow) => SQL;
// Selects exactly (customer_id int, key text, value double precision), key one of measureKeys;
// several sources may give the same key (cooperation): their values are added up.
export type MeasuresSql = (tenantId: number, window: FactWindow) => SQL;

export type CreditFactSources = { events: readonly EventsSql[]; measures: readonly MeasuresSql[] };

// Credit's own facts: the 专卖 violations not voided.
export const violationEventsSql: EventsSql = (tenantId, window) => sql`
  SELECT v.customer_id, 'violation'::text AS kind, v.severity::text AS type, v.id::text AS source_id, v.occurred_on AS at
  FROM credit_violations v
  WHERE v.tenant_id = ${tenantId} AND v.voided_at IS NULL AND v.occurred_on > ${window.from}::date
    AND v.occurred_on <= ${window.to}::date`;

// 客户档案 keeps the day the licence in force ends (licence_valid_until), not the day it was issued:
// a 烟草专卖零售许可证 runs for 5 years (the usual term; the demo's licences have it), so it was issued
// 5 years before, and the store has been licensed at least that long (a renewal restarts the term:
// this is a lower bound). Tenure (credit.rules.ts) takes the longer of this and the months since
// its first order.
export const licenceTermYears = 5;

// licence_months: whole months from the licence's issue to the window's end, for every store whose
// licence date is known and came before the window's end.
export const licenceMeasuresSql: MeasuresSql = (tenantId, window) => sql`
  SELECT l.customer_id, 'licence_months'::text AS key,
    (extract(year FROM age(${window.to}::date, l.issued_on)) * 12 + extract(month FROM age(${window.to}::date, l.issued_on)))::float8 AS value
  FROM (SELECT c.id AS customer_id, (c.licence_valid_until - ${sql.raw(`interval '${licenceTermYears} years'`)})::date AS issued_on
    FROM ${customers} c WHERE c.tenant_id = ${tenantId} AND c.licence_valid_until IS NOT NULL) l
  WHERE l.issued_on <= ${window.to}::date`;

// Settlements (one event per settled order, type on_time | late | failed): the late and failed
// ones are events, each a ledger item; all of them are counted per store — orders_settled and
// orders_on_time, what the on-time rate reads. Both only within the window (after from, up to to),
// as scoreStore takes events.
export function settlementFactsOf(settlements: EventsSql): CreditFactSources {
  const inWindow = (tenantId: number, window: FactWindow) => sql`
    SELECT s.customer_id, s.kind, s.type, s.source_id, s.at FROM (${settlements(tenantId, window)}) s
    WHERE s.at > ${window.from}::date AND s.at <= ${window.to}::date`;
  return {
    events: [(tenantId, window) => sql`SELECT * FROM (${inWindow(tenantId, window)}) e WHERE e.type <> 'on_time'`],
    measures: [
      (tenantId, window) => sql`
        SELECT n.customer_id, m.key, m.value
        FROM (SELECT e.customer_id, count(*)::float8 AS settled, count(*) FILTER (WHERE e.type = 'on_time')::float8 AS on_time
          FROM (${inWindow(tenantId, window)}) e GROUP BY e.customer_id) n
        CROSS JOIN LATERAL (VALUES ('orders_settled'::text, n.settled), ('orders_on_time', n.on_time)) AS m(key, value)`,
    ],
  };
}

const noEvents = sql`SELECT NULL::int AS customer_id, NULL::text AS kind, NULL::text AS type, NULL::text AS source_id, NULL::date AS at WHERE false`;
const noMeasures = sql`SELECT NULL::int AS customer_id, NULL::text AS key, NULL::float8 AS value WHERE false`;

function unionOf(parts: readonly SQL[], empty: SQL): SQL {
  if (parts.length === 0) return empty;
  return sql.join(
    parts.map((part) => sql`(${part})`),
    sql` UNION ALL `,
  );
}

export type FactRow = StoreFacts & { branchId: number; branchName: string; name: string };

// Every active store of the tenant (or the one store) with its events and measures: the measures
// pivoted to one column per key (summed over the sources that give it), the events — few: the
// exceptional ones — as a JSON array for the stores that have any.
export async function storeFactRows(
  executor: Executor,
  tenantId: number,
  sources: CreditFactSources,
  window: FactWindow,
  customerId?: number,
): Promise<FactRow[]> {
  const events = unionOf(
    [violationEventsSql, ...sources.events].map(
      (source) => sql`SELECT customer_id, kind, type, source_id, at FROM (${source(tenantId, window)}) x`,
    ),
    noEvents,
  );
  const measures = unionOf(
    [licenceMeasuresSql, ...sources.measures].map(
      (source) => sql`SELECT customer_id, key, value FROM (${source(tenantId, window)}) x`,
    ),
    noMeasures,
  );
  const one = customerId === undefined ? sql`true` : sql`c.id = ${customerId}`;
  const only = (column: string) =>
    customerId === undefined ? sql`true` : sql`${sql.identifier(column)} = ${customerId}`;
  const pivot = sql.join(
    measureKeys.map((key) => sql`sum(x.value) FILTER (WHERE x.key = ${key}) AS ${sql.identifier(key)}`),
    sql`, `,
  );
  const measureColumns = sql.join(
    measureKeys.map((key) => sql`m.${sql.identifier(key)}`),
    sql`, `,
  );
  // At a province's scale the statement groups ~2 M measure rows by store and sorts ~1 M orders:
  // with the default 4 MB of work_mem both went to disk, so it gets 64 MB, for its own transaction.
  const result = await executor.transaction(async (tx) => {
    await tx.execute(sql.raw('SET LOCAL work_mem = 65536'));
    return tx.execute(sql`
    SELECT c.id AS customer_id, c.branch_id, c.name, o.name AS branch_name, e.events, ${measureColumns}
    FROM ${customers} c
    JOIN org_units o ON o.tenant_id = c.tenant_id AND o.id = c.branch_id
    LEFT JOIN (
      SELECT ev.customer_id, json_agg(json_build_array(ev.kind, ev.type, ev.source_id, to_char(ev.at, 'YYYY-MM-DD'))) AS events
      FROM (${events}) ev WHERE ${only('customer_id')} GROUP BY ev.customer_id) e ON e.customer_id = c.id
    LEFT JOIN (
      SELECT x.customer_id, ${pivot} FROM (${measures}) x WHERE ${only('customer_id')} GROUP BY x.customer_id
    ) m ON m.customer_id = c.id
    WHERE ${activeStoresSql('c', tenantId, 'tenant')} AND ${one}
    ORDER BY c.id`);
  });
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => {
    const rawEvents = (typeof row.events === 'string' ? JSON.parse(row.events) : row.events) as
      | [string, string, string, string][]
      | null;
    const measureEntries: Partial<Record<MeasureKey, number>> = {};
    for (const key of measureKeys) {
      const value = row[key];
      if (value !== null && value !== undefined && Number.isFinite(Number(value))) measureEntries[key] = Number(value);
    }
    return {
      customerId: Number(row.customer_id),
      branchId: Number(row.branch_id),
      branchName: String(row.branch_name),
      name: String(row.name),
      events: (rawEvents ?? []).map(([kind, type, id, at]): FactEvent => ({ kind, type, id, at })),
      measures: measureEntries,
    };
  });
}
