import { type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { activeStoresSql, customers, type StoreReach } from '../customers/index.ts';
import { maxGrade, minGrade, type Segment } from './segment.rules.ts';
import { customerGrades, gradeRuns } from './supply.schema.ts';

// The stores of a segment (segment.rules.ts), as SQL other modules read in their own statement: a
// brand programme's target stores are the 在营 stores (customers' activeStoresSql) whose record and
// current 档位 match every key of the segment — the same test the allocation's 限点 applies in memory
// (allocation.rules.ts) and failedSegment states, so one segment picks the same stores in both.

// The grade run in effect on a date: the latest published run whose effective date has come.
// A store's 档位 is its grade in this run; a store the run did not grade (or no run yet) counts as 1.
export function currentGradeRunIdSql(tenantId: number, onDate: string | SQL): SQL {
  return sql`(
    SELECT r.id FROM ${gradeRuns} r
    WHERE r.tenant_id = ${tenantId} AND r.status = 'published' AND r.effective_on <= ${onDate}
    ORDER BY r.effective_on DESC, r.id DESC LIMIT 1)`;
}

export type SegmentStoresOptions = {
  // The day whose 档位 counts (YYYY-MM-DD, Beijing); pass the caller's `now`. Default: the database's today.
  onDate?: string;
  // Whose stores: the whole tenant (default) or a caller's data scope.
  reach?: StoreReach;
  // Select the store's branch_id, manager_id, class_code and format too (a grouping reads them without
  // a second pass over customers; customers' active-store index covers them).
  withGroups?: boolean;
};

// `SELECT customer_id` of the active stores in the segment, for `IN (…)`, a join or a CTE. The segment
// must be valid (segmentProblems empty): values are passed as array parameters, never spliced.
export function storesInSegmentSql(tenantId: number, segment: Segment, options: SegmentStoresOptions = {}): SQL {
  const conditions: SQL[] = [activeStoresSql('c', tenantId, options.reach ?? 'tenant')];
  const anyOf = (column: string, values: readonly (string | number)[] | undefined, type: 'text' | 'int') => {
    if (values === undefined) return;
    const cast = sql.raw(type === 'int' ? 'int[]' : 'text[]');
    conditions.push(sql`${sql.identifier('c')}.${sql.identifier(column)} = ANY(${arrayLiteral(values)}::${cast})`);
  };
  anyOf('class_code', segment.classes, 'text');
  anyOf('demo_type', segment.demoTypes, 'text');
  anyOf('format', segment.formats, 'text');
  anyOf('branch_id', segment.branchIds, 'int');
  anyOf('district_code', segment.districtCodes, 'text');
  anyOf('urban_rural', segment.urbanRural, 'text');
  const columns = options.withGroups
    ? sql`c.id AS customer_id, c.branch_id, c.manager_id, c.class_code, c.format`
    : sql`c.id AS customer_id`;
  const byGrade = segment.gradeMin !== undefined || segment.gradeMax !== undefined;
  if (!byGrade) {
    return sql`SELECT ${columns} FROM ${customers} c WHERE ${sql.join(conditions, sql` AND `)}`;
  }
  const onDate = options.onDate ?? sql`current_date`;
  conditions.push(
    sql`coalesce(g.grade, ${minGrade}) BETWEEN ${segment.gradeMin ?? minGrade} AND ${segment.gradeMax ?? maxGrade}`,
  );
  return sql`
    SELECT ${columns} FROM ${customers} c
    LEFT JOIN ${customerGrades} g
      ON g.tenant_id = c.tenant_id AND g.customer_id = c.id AND g.run_id = ${currentGradeRunIdSql(tenantId, onDate)}
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

// How many active stores the segment holds (a programme whose segment matches none is refused).
export async function countStoresInSegment(
  executor: Executor,
  tenantId: number,
  segment: Segment,
  options: SegmentStoresOptions = {},
): Promise<number> {
  const result = await executor.execute(
    sql`SELECT count(*)::int AS count FROM (${storesInSegmentSql(tenantId, segment, options)}) s`,
  );
  return Number((result as unknown as { rows: Array<{ count: number }> }).rows[0]?.count ?? 0);
}
