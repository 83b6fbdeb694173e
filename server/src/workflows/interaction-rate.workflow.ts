import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { interactingStoresSql as feedbackStoresSql } from '../modules/consumer-feedback/index.ts';
import { activeStoresSql, customers } from '../modules/customers/index.ts';
import { interactingStoresSql as articleStoresSql } from '../modules/information/index.ts';
import { surveyResponses } from '../modules/surveys/index.ts';
import { tickets } from '../modules/tickets/index.ts';
import { interactingStoresSql as trainingStoresSql } from '../modules/training/index.ts';
import { anyStaff } from '../platform/access/access-rule.ts';
import type { Actor } from '../platform/access/actor.ts';
import { calendarMonth } from '../platform/http/input-bounds.ts';
import { actorOf } from '../platform/http/route-helpers.ts';
import { orgUnits, users } from '../platform/identity/identity.schema.ts';
import { beijingDateOf, beijingMidnightOf } from '../platform/time/beijing.ts';

// 客我互动率 (C11 KPI): of the active stores in the caller's scope, the share that did anything with
// us in a month (Beijing) — read or acknowledged an article (information), relayed consumer feedback
// (consumer-feedback), signed up for or checked in at a training (training), answered a survey
// (surveys: any response, portal or visit) or filed a ticket from the portal (tickets) — per branch
// or per manager. Each module says which of its stores interacted (`SELECT customer_id`); this
// workflow unions them, read-only, and counts against customers' 在营 stores. Rates in percent, one
// decimal.

export type InteractionGrouping = 'branch' | 'manager';

function monthBoundsOf(month: string) {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { from: beijingMidnightOf(`${month}-01`), to: beijingMidnightOf(`${next}-01`) };
}

export function interactingSourcesSql(tenantId: number, from: Date, to: Date): SQL {
  const start = from.toISOString();
  const end = to.toISOString();
  return sql`
    ${articleStoresSql(from, to)}
    UNION ${feedbackStoresSql(from, to)}
    UNION ${trainingStoresSql(from, to, tenantId)}
    UNION SELECT r.customer_id FROM ${surveyResponses} r
      WHERE r.tenant_id = ${tenantId} AND r.submitted_at >= ${start}::timestamptz AND r.submitted_at < ${end}::timestamptz
    UNION SELECT t.customer_id FROM ${tickets} t
      WHERE t.tenant_id = ${tenantId} AND t.channel = 'portal'
        AND t.created_at >= ${start}::timestamptz AND t.created_at < ${end}::timestamptz`;
}

export const interactionRate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

export async function getInteractionRate(
  context: AppContext,
  actor: Actor,
  input: { month?: string; groupBy: InteractionGrouping },
) {
  const month = input.month ?? beijingDateOf(context.now()).slice(0, 7);
  const { from, to } = monthBoundsOf(month);
  const key = input.groupBy === 'branch' ? sql`c.branch_id` : sql`c.manager_id`;
  const labels =
    input.groupBy === 'branch'
      ? sql`(SELECT o.name FROM ${orgUnits} o WHERE o.id = g.key)`
      : sql`(SELECT u.display_name FROM ${users} u WHERE u.id = g.key)`;
  const result = await context.db.execute(sql`
    WITH interacting AS (${interactingSourcesSql(actor.tenantId, from, to)}),
    g AS (
      SELECT ${key} AS key, count(*)::int AS active,
        count(*) FILTER (WHERE c.id IN (SELECT customer_id FROM interacting))::int AS interacting
      FROM ${customers} c
      WHERE ${activeStoresSql('c', actor.tenantId, actor.scope)}
      GROUP BY ${key})
    SELECT g.key, coalesce(${labels}, '') AS label, g.active, g.interacting FROM g ORDER BY label, g.key`);
  const rows = (
    result as unknown as { rows: Array<{ key: number | null; label: string; active: number; interacting: number }> }
  ).rows;
  return {
    month,
    rows: rows.map((row) => ({
      key: row.key === null ? '' : String(row.key),
      label: row.label,
      active: Number(row.active),
      interacting: Number(row.interacting),
      rate: interactionRate(Number(row.interacting), Number(row.active)),
    })),
  };
}

export const interactionRateQuery = z.strictObject({
  month: calendarMonth.optional().describe('YYYY-MM (Beijing); default: this month'),
  groupBy: z.enum(['branch', 'manager']).default('branch'),
});
export const interactionRateSchema = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      active: z.number(),
      interacting: z.number(),
      rate: z.number().describe('interacting ÷ active, percent'),
    }),
  ),
});

export const interactionRateRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/kpis/interaction-rate',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['kpis'],
        summary: '客我互动率 by branch or manager',
        description:
          'Of the active stores in your scope, those that read or acknowledged an article, relayed consumer feedback, signed up for or attended a training, answered a survey or filed a ticket from the portal in the month (Beijing).',
        querystring: interactionRateQuery,
        response: { 200: interactionRateSchema },
      },
    },
    async (request) => getInteractionRate(context, actorOf(request), request.query),
  );
};
