import { type SQL, sql } from 'drizzle-orm';

// What credit reads of tickets (workflows/credit-facts.workflow.ts hands it to the credit module;
// see credit/credit-facts.ts for the shape). A window is two Beijing calendar dates, both inclusive.

// One event per ticket closed in the window that its handler judged unfounded (不属实) or malicious
// (恶意投诉): customer_id, kind 'ticket', type the judgement, source_id the ticket's number, at the
// day it was closed.
export const judgedComplaintEventsSql = (tenantId: number, window: { from: string; to: string }): SQL => sql`
  SELECT t.customer_id, 'ticket'::text AS kind, t.judgement AS type, t.id::text AS source_id,
    (t.closed_at AT TIME ZONE 'Asia/Shanghai')::date AS at
  FROM tickets t
  WHERE t.tenant_id = ${tenantId} AND t.status = 'closed' AND t.judgement IN ('unfounded', 'malicious')
    AND t.closed_at >= (${window.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND t.closed_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
