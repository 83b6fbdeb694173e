import { type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, isCityWideScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import type { Segmentation } from './analytics.contract.ts';

// The surveys' analytics in SQL, set-based over survey_answer_facts (one row per tagged answer,
// written with the response) and survey_responses / survey_wave_stores, each joined with the
// customers table for the caller's data scope and the segment of each respondent (its format, class,
// urban/rural × ordering channel, branch — as the store is now). Everything is read live: a response
// posted a moment ago counts. The arithmetic on the (small) aggregates is satisfaction.rules.ts's.
//
// A city-wide caller without a segmentation reads the aggregates the facts' triggers keep
// (survey_fact_counts, survey_gap_sums — surveys.schema.ts): a few hundred rows a wave, however many
// answered; a narrower scope or a segmentation reads the facts joined with customers.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// A respondent's segment key, from the customers row `c`.
export function segmentKeySql(segmentation: Segmentation): SQL {
  switch (segmentation) {
    case 'format':
      return sql`c.format`;
    case 'class':
      return sql`coalesce(c.class_code, 'unclassified')`;
    case 'group':
      return sql`(c.urban_rural || '-' || c.order_channel)`;
    case 'region':
      return sql`c.branch_id::text`;
  }
}

const storeScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });

// The join to customers (alias c) of a table aliased `alias` with tenant_id and customer_id, and the
// scope's condition; none for a city-wide read without segments. Answer facts (`facts`) of a
// narrower scope are reached through the scope's stores and their responses (a manager's stores by
// the manager index, their responses by (wave, store), their facts by response), not by a scan of
// the wave's facts.
function storesJoin(alias: string, scope: DataScope, segmented: boolean, facts = false): { join: SQL; where: SQL } {
  const cityWide = isCityWideScope(scope);
  if (!segmented && cityWide) return { join: sql``, where: sql`` };
  const a = sql.raw(alias);
  if (facts && !cityWide) {
    return {
      join: sql`JOIN survey_responses fr ON fr.id = ${a}.response_id AND fr.tenant_id = ${a}.tenant_id AND fr.wave_id = ${a}.wave_id
        JOIN ${customers} c ON c.tenant_id = fr.tenant_id AND c.id = fr.customer_id`,
      where: sql`AND ${storeScope(scope)}`,
    };
  }
  return {
    join: sql`JOIN ${customers} c ON c.tenant_id = ${a}.tenant_id AND c.id = ${a}.customer_id`,
    where: sql`AND ${storeScope(scope)}`,
  };
}

const segmentColumn = (by: Segmentation | undefined) => (by ? segmentKeySql(by) : sql`''`);

export type WaveRow = {
  id: string;
  title: string;
  status: string;
  kind: string;
  opens_on: string;
  closes_on: string;
  weights: Record<string, number>;
  definition: Record<string, unknown>;
};

export async function findWave(db: Executor, tenantId: number, waveId: string): Promise<WaveRow | undefined> {
  const [row] = rowsOf<WaveRow>(
    await db.execute(sql`
      SELECT w.id::text, w.title, w.status, q.kind, w.opens_on::text, w.closes_on::text, w.weights, q.definition
      FROM survey_waves w JOIN survey_questionnaires q ON q.id = w.questionnaire_id
      WHERE w.tenant_id = ${tenantId} AND w.id = ${waveId}::uuid`),
  );
  return row;
}

export type CountRow = { wave_id: string; seg: string; n: number };

// Responses and stores sent to, per wave and segment, within the scope.
export async function responseAndSentCounts(
  db: Executor,
  tenantId: number,
  waveIds: readonly string[],
  scope: DataScope,
  by?: Segmentation,
): Promise<{ responses: CountRow[]; sent: CountRow[] }> {
  const waves = sql`${arrayLiteral(waveIds)}::uuid[]`;
  const r = storesJoin('r', scope, by !== undefined);
  const s = storesJoin('s', scope, by !== undefined);
  const [responses, sent] = await Promise.all([
    db.execute(sql`
      SELECT r.wave_id::text, ${segmentColumn(by)} AS seg, count(*)::int AS n
      FROM survey_responses r ${r.join}
      WHERE r.tenant_id = ${tenantId} AND r.wave_id = ANY(${waves}) ${r.where}
      GROUP BY 1, 2`),
    db.execute(sql`
      SELECT s.wave_id::text, ${segmentColumn(by)} AS seg, count(*)::int AS n
      FROM survey_wave_stores s ${s.join}
      WHERE s.tenant_id = ${tenantId} AND s.wave_id = ANY(${waves}) ${s.where}
      GROUP BY 1, 2`),
  ]);
  const numbers = (rows: CountRow[]) => rows.map((row) => ({ ...row, n: Number(row.n) }));
  return { responses: numbers(rowsOf<CountRow>(responses)), sent: numbers(rowsOf<CountRow>(sent)) };
}

export type RatingRow = {
  wave_id: string;
  seg: string;
  kind: 'expectation' | 'perception' | 'overall' | 'nps';
  dimension: string | null;
  item: string;
  level: number;
  scale_max: number | null;
  n: number;
};

// How many answered each level of each rating (expectation, perception, overall, NPS), per wave
// and segment, within the scope.
export async function ratingHistogram(
  db: Executor,
  tenantId: number,
  waveIds: readonly string[],
  scope: DataScope,
  options: { by?: Segmentation; kinds?: readonly RatingRow['kind'][] } = {},
): Promise<RatingRow[]> {
  const kinds = options.kinds ?? ['expectation', 'perception', 'overall', 'nps'];
  const numbers = (rows: RatingRow[]) =>
    rows.map((row) => ({
      ...row,
      level: Number(row.level),
      scale_max: row.scale_max === null ? null : Number(row.scale_max),
      n: Number(row.n),
    }));
  if (options.by === undefined && isCityWideScope(scope)) {
    return numbers(
      rowsOf<RatingRow>(
        await db.execute(sql`
          SELECT wave_id::text AS wave_id, '' AS seg, kind, dimension, item, value AS level, scale_max, n
          FROM survey_fact_counts
          WHERE tenant_id = ${tenantId} AND wave_id = ANY(${arrayLiteral(waveIds)}::uuid[])
            AND kind = ANY(${arrayLiteral(kinds)}::text[]) AND n > 0`),
      ),
    );
  }
  const f = storesJoin('f', scope, options.by !== undefined, true);
  const waves =
    waveIds.length === 1
      ? sql`f.wave_id = ${waveIds[0]}::uuid`
      : sql`f.wave_id = ANY(${arrayLiteral(waveIds)}::uuid[])`;
  const rows = rowsOf<RatingRow>(
    await db.execute(sql`
      SELECT f.wave_id::text AS wave_id, ${segmentColumn(options.by)} AS seg, f.kind, max(f.dimension) AS dimension, f.item,
        f.value AS level, max(f.scale_max) AS scale_max, count(*)::int AS n
      FROM survey_answer_facts f ${f.join}
      WHERE f.tenant_id = ${tenantId} AND ${waves} AND f.kind = ANY(${arrayLiteral(kinds)}::text[]) ${f.where}
      GROUP BY f.wave_id, 2, f.kind, f.item, f.value`),
  );
  return numbers(rows);
}

export type GapRow = {
  level: 'item' | 'dimension';
  seg: string;
  key: string;
  dimension: string | null;
  n: number;
  expectation: number | null;
  perception: number | null;
  gap: number | null;
  sd: number | null;
};

// The paired (expectation, perception) answers of each response and SERVQUAL item: per item, and per
// dimension (a response's mean over the dimension's items it answered both ways), n, the means, the
// mean difference and its sample standard deviation.
export async function pairedGapStats(
  db: Executor,
  tenantId: number,
  waveId: string,
  scope: DataScope,
  by?: Segmentation,
): Promise<GapRow[]> {
  const f = storesJoin('f', scope, by !== undefined, true);
  // City-wide: the sums the triggers keep (sd = √((Σd² − (Σd)²/n) ÷ (n − 1))).
  const statement =
    by === undefined && isCityWideScope(scope)
      ? sql`
        SELECT level, '' AS seg, key, dimension, n, (sum_e / n)::float8 AS expectation, (sum_p / n)::float8 AS perception,
          (sum_d / n)::float8 AS gap,
          CASE WHEN n > 1 THEN sqrt(greatest(0, (sum_d2 - sum_d * sum_d / n) / (n - 1)))::float8 END AS sd
        FROM survey_gap_sums WHERE tenant_id = ${tenantId} AND wave_id = ${waveId}::uuid AND n > 0`
      : undefined;
  const rows = rowsOf<GapRow>(
    await db.execute(
      statement ??
        sql`
      WITH pairs AS (
        SELECT f.response_id, ${segmentColumn(by)} AS seg, f.item, max(f.dimension) AS dimension,
          avg(f.value) FILTER (WHERE f.kind = 'expectation') AS e,
          avg(f.value) FILTER (WHERE f.kind = 'perception') AS p
        FROM survey_answer_facts f ${f.join}
        WHERE f.tenant_id = ${tenantId} AND f.wave_id = ${waveId}::uuid AND f.kind IN ('expectation', 'perception') ${f.where}
        GROUP BY f.response_id, 2, f.item),
      paired AS (SELECT * FROM pairs WHERE e IS NOT NULL AND p IS NOT NULL),
      per_dimension AS (
        SELECT response_id, seg, dimension, avg(e) AS e, avg(p) AS p, avg(p - e) AS d
        FROM paired WHERE dimension IS NOT NULL GROUP BY response_id, seg, dimension)
      SELECT 'item' AS level, seg, item AS key, max(dimension) AS dimension, count(*)::int AS n,
        avg(e)::float8 AS expectation, avg(p)::float8 AS perception, avg(p - e)::float8 AS gap,
        stddev_samp(p - e)::float8 AS sd
      FROM paired GROUP BY seg, item
      UNION ALL
      SELECT 'dimension', seg, dimension, dimension, count(*)::int, avg(e)::float8, avg(p)::float8, avg(d)::float8,
        stddev_samp(d)::float8
      FROM per_dimension GROUP BY seg, dimension`,
    ),
  );
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows.map((row) => ({
    ...row,
    n: Number(row.n),
    expectation: number(row.expectation),
    perception: number(row.perception),
    gap: number(row.gap),
    sd: number(row.sd),
  }));
}

export type NeedRow = {
  rk: string;
  ck: string;
  item: string | null;
  n: number;
  chosen: number;
  ranked: number;
  rank_sum: number;
};

// The 服务需求识别汇总表's counts: per cell (row segment × column segment, '' without columns) the
// respondents (item null), and per cell and need item the respondents who chose it, who ranked it,
// and the sum of their ranks.
export async function needCounts(
  db: Executor,
  tenantId: number,
  waveId: string,
  scope: DataScope,
  rows: Segmentation,
  cols?: Segmentation,
): Promise<NeedRow[]> {
  const result = rowsOf<NeedRow>(
    await db.execute(sql`
      WITH resp AS MATERIALIZED (
        SELECT r.id, ${segmentKeySql(rows)} AS rk, ${segmentColumn(cols)} AS ck
        FROM survey_responses r JOIN ${customers} c ON c.tenant_id = r.tenant_id AND c.id = r.customer_id
        WHERE r.tenant_id = ${tenantId} AND r.wave_id = ${waveId}::uuid AND ${storeScope(scope)}),
      chosen AS (
        SELECT resp.rk, resp.ck, f.item,
          count(*) FILTER (WHERE f.kind = 'need')::int AS chosen,
          count(*) FILTER (WHERE f.kind = 'urgency')::int AS ranked,
          coalesce(sum(f.value) FILTER (WHERE f.kind = 'urgency'), 0)::float8 AS rank_sum
        FROM survey_answer_facts f JOIN resp ON resp.id = f.response_id
        WHERE f.tenant_id = ${tenantId} AND f.wave_id = ${waveId}::uuid AND f.kind IN ('need', 'urgency')
        GROUP BY 1, 2, 3)
      SELECT rk, ck, NULL::text AS item, count(*)::int AS n, 0 AS chosen, 0 AS ranked, 0::float8 AS rank_sum
      FROM resp GROUP BY rk, ck
      UNION ALL
      SELECT rk, ck, item, 0, chosen, ranked, rank_sum FROM chosen`),
  );
  return result.map((row) => ({
    ...row,
    n: Number(row.n),
    chosen: Number(row.chosen),
    ranked: Number(row.ranked),
    rank_sum: Number(row.rank_sum),
  }));
}

// The same counts for several segmentations at once, uncrossed (one scan of the respondents and
// their facts, GROUPING SETS): `seg` names the segmentation of each row, `rk` its segment, ck ''.
export async function needCountsBySegmentations(
  db: Executor,
  tenantId: number,
  waveId: string,
  scope: DataScope,
  segmentationList: readonly Segmentation[],
): Promise<(NeedRow & { seg: Segmentation })[]> {
  const columns = sql.join(
    segmentationList.map((segmentation) => sql`${segmentKeySql(segmentation)} AS ${sql.raw(`s_${segmentation}`)}`),
    sql`, `,
  );
  const sets = (extra: string) =>
    sql.raw(segmentationList.map((segmentation) => `(${extra}s_${segmentation})`).join(', '));
  const which = sql.raw(
    `CASE ${segmentationList.map((segmentation) => `WHEN GROUPING(s_${segmentation}) = 0 THEN '${segmentation}'`).join(' ')} END`,
  );
  const key = sql.raw(`coalesce(${segmentationList.map((segmentation) => `s_${segmentation}`).join(', ')})`);
  const result = rowsOf<NeedRow & { seg: Segmentation }>(
    await db.execute(sql`
      WITH resp AS MATERIALIZED (
        SELECT r.id, ${columns}
        FROM survey_responses r JOIN ${customers} c ON c.tenant_id = r.tenant_id AND c.id = r.customer_id
        WHERE r.tenant_id = ${tenantId} AND r.wave_id = ${waveId}::uuid AND ${storeScope(scope)})
      SELECT ${which} AS seg, ${key} AS rk, '' AS ck, NULL::text AS item, count(*)::int AS n, 0 AS chosen, 0 AS ranked,
        0::float8 AS rank_sum
      FROM resp GROUP BY GROUPING SETS (${sets('')})
      UNION ALL
      SELECT ${which}, ${key}, '', f.item, 0,
        count(*) FILTER (WHERE f.kind = 'need')::int,
        count(*) FILTER (WHERE f.kind = 'urgency')::int,
        coalesce(sum(f.value) FILTER (WHERE f.kind = 'urgency'), 0)::float8
      FROM survey_answer_facts f JOIN resp ON resp.id = f.response_id
      WHERE f.tenant_id = ${tenantId} AND f.wave_id = ${waveId}::uuid AND f.kind IN ('need', 'urgency')
      GROUP BY GROUPING SETS (${sets('f.item, ')})`),
  );
  return result.map((row) => ({
    ...row,
    n: Number(row.n),
    chosen: Number(row.chosen),
    ranked: Number(row.ranked),
    rank_sum: Number(row.rank_sum),
  }));
}

export type NeedItemRow = {
  code: string;
  label_zh: string;
  label_en: string;
  area: string;
  department: string;
  service_item_id: number | null;
  sort: number;
  active: boolean;
};

export async function needItemsOf(db: Executor, tenantId: number): Promise<NeedItemRow[]> {
  return rowsOf<NeedItemRow>(
    await db.execute(sql`
      SELECT code, label_zh, label_en, area, department, service_item_id, sort, active
      FROM survey_need_items WHERE tenant_id = ${tenantId} ORDER BY sort, code`),
  );
}

// The branches' names (the region segmentation's labels).
export async function branchNames(db: Executor, tenantId: number): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`SELECT id, name FROM ${orgUnits} WHERE tenant_id = ${tenantId}`),
  );
  return new Map(rows.map((row) => [String(row.id), row.name]));
}

export type TrendWaveRow = {
  id: string;
  title: string;
  status: string;
  opens_on: string;
  closes_on: string;
  weights: Record<string, number>;
};

// The satisfaction waves that have opened, the newest `limit` by closing day (oldest first).
export async function satisfactionWaves(db: Executor, tenantId: number, limit: number): Promise<TrendWaveRow[]> {
  const rows = rowsOf<TrendWaveRow>(
    await db.execute(sql`
      SELECT w.id::text, w.title, w.status, w.opens_on::text, w.closes_on::text, w.weights
      FROM survey_waves w JOIN survey_questionnaires q ON q.id = w.questionnaire_id
      WHERE w.tenant_id = ${tenantId} AND q.kind = 'satisfaction' AND w.status <> 'draft'
      ORDER BY w.closes_on DESC, w.created_at DESC LIMIT ${limit}`),
  );
  return rows.reverse();
}
