import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import { fillEmptyWeeks } from '../../platform/time/weeks.ts';
import {
  complaintsAndStoresByBranch,
  countsByCategory,
  countsByType,
  countsByWeek,
  handlingAndSatisfaction,
  hotSpots,
  slaByHandler,
  workload,
} from './ticket-analysis.repository.ts';
import { getCategories } from './ticket-library.service.ts';

// 投诉分析: volume by type, category, branch and week, hot spots, SLA compliance per handler,
// handling time, satisfaction and complaints per 1,000 stores, in the reader's data scope; and
// each handler's open tickets. Complaints per 1,000 stores divide the complaints in the scope by the
// 在营客户 in the scope (customers' activeStoresSql), on the page as in each branch's row.

const typeLabels: Record<string, string> = {
  complaint: '投诉',
  suggestion: '建议',
  consultation: '咨询',
  praise: '表扬',
};
const dayMs = 86_400_000;
// A longer period would be a chart of thousands of weeks: ten years is more than anyone reads.
const longestPeriodDays = 3_660;

export async function analyseTickets(context: AppContext, actor: Actor, range: { from?: string; to?: string }) {
  const now = context.now();
  const to = range.to ? beijingMidnightOf(range.to) : new Date(now.getTime() + dayMs);
  const from = range.from ? beijingMidnightOf(range.from) : new Date(to.getTime() - 365 * dayMs);
  if (to.getTime() - from.getTime() > longestPeriodDays * dayMs)
    throw new DomainError('VALUE_NOT_STORABLE', {}, 'from');
  const period = { tenantId: actor.tenantId, scope: actor.scope, from, to };
  const db = context.db;
  await getCategories(context, actor);
  const [types, categories, branches, weeks, spots, handlers, handling] = await Promise.all([
    countsByType(db, period),
    countsByCategory(db, period),
    complaintsAndStoresByBranch(db, period),
    countsByWeek(db, period),
    hotSpots(db, period),
    slaByHandler(db, period),
    handlingAndSatisfaction(db, period),
  ]);
  // The page's stores are its branches' rows added up: one query behind the card and the table.
  const stores = branches.reduce((sum, row) => sum + row.stores, 0);
  const lastDay = beijingDateOf(new Date(to.getTime() - 1));
  const round = (value: number | null, digits = 1) =>
    value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;
  return {
    from: beijingDateOf(from),
    to: beijingDateOf(to),
    total: handling.total,
    complaints: handling.complaints,
    stores,
    byType: types.map((row) => ({ ...row, label: typeLabels[row.key] ?? row.key })),
    byCategory: categories,
    byBranch: branches.map((row) => ({
      key: row.key,
      label: row.label,
      count: row.count,
      stores: row.stores,
      per1000Stores: row.stores > 0 ? (round((row.count * 1000) / row.stores) ?? 0) : 0,
    })),
    byWeek: fillEmptyWeeks(weeks, beijingDateOf(from), lastDay),
    hotSpots: spots,
    slaByHandler: handlers,
    handlingHours: { median: round(handling.median), p90: round(handling.p90) },
    satisfaction: {
      rated: handling.rated,
      average: round(handling.average, 2),
      satisfiedShare: handling.rated > 0 ? round(handling.satisfied / handling.rated, 3) : null,
    },
    per1000Stores: stores > 0 ? (round((handling.complaints * 1000) / stores) ?? 0) : 0,
  };
}

export async function getWorkload(context: AppContext, actor: Actor) {
  return workload(context.db, actor.tenantId, actor.scope, context.now());
}
