import { type SQL, sql } from 'drizzle-orm';

// What credit reads of surveys (workflows/credit-facts.workflow.ts hands it to the credit module;
// see credit/credit-facts.ts for the shape). A window is two Beijing calendar dates, both inclusive.

// 信息配合 from surveys: per store, the questionnaires it answered in the window (customer_id, key
// 'cooperation', value the count).
export const surveyAnswerMeasuresSql = (tenantId: number, window: { from: string; to: string }): SQL => sql`
  SELECT r.customer_id, 'cooperation'::text AS key, count(*)::float8 AS value
  FROM survey_responses r
  WHERE r.tenant_id = ${tenantId}
    AND r.submitted_at >= (${window.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND r.submitted_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY r.customer_id`;
