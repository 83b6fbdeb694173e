import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { replaceHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { BusinessCalendar } from './sla.rules.ts';
import {
  cellsToKeep,
  checkCalendar,
  checkPolicyCells,
  normaliseCalendar,
  type PolicyCell,
  policyTable,
  type RuleProblem,
} from './sla-policy.rules.ts';
import { getCategories } from './ticket-library.service.ts';
import type { CategoryGroup } from './ticket-reference.ts';
import {
  ensureTicketSetup,
  getCalendar,
  getChannelKey,
  insertCategory,
  listCategories,
  listChannelKeys,
  listSlaPolicies,
  replaceSlaPolicies,
  revokeChannelKeyRow,
  saveBusinessHours,
} from './tickets.repository.ts';

// The settings staff edit around tickets: SLA policies per category × priority with the
// business-hours calendar, new categories in the complaint library, and the gateway keys.

function fail(problem: RuleProblem): never {
  throw new DomainError(problem.code, problem.details, problem.field);
}

// ── SLA policies and the calendar ──

export async function getSlaPolicies(context: AppContext, actor: Actor) {
  const categories = await getCategories(context, actor);
  const [cells, calendar] = await Promise.all([
    listSlaPolicies(context.db, actor.tenantId),
    getCalendar(context.db, actor.tenantId),
  ]);
  const table = policyTable(categories, cells);
  return {
    categories: categories.map((category, index) => ({
      code: category.code,
      groupCode: category.groupCode,
      name: category.name,
      active: category.active,
      businessHours: category.businessHours,
      targets: table[index].targets,
    })),
    calendar: {
      weekdays: [...calendar.weekdays],
      opens: calendar.opens,
      closes: calendar.closes,
      holidays: [...calendar.holidays],
      extraWorkdays: [...calendar.extraWorkdays],
    },
  };
}

// Replaces every policy cell: the cells that equal the scaled defaults are not kept. Tickets
// already filed keep their due times.
export async function setSlaPolicies(context: AppContext, actor: Actor, cells: PolicyCell[]) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    const categories = await listCategories(tx, actor.tenantId);
    const problem = checkPolicyCells(cells, new Map(categories.map((category) => [category.code, category.name])));
    if (problem) fail(problem);
    const before = await listSlaPolicies(tx, actor.tenantId);
    const kept = cellsToKeep(categories, cells);
    await replaceSlaPolicies(tx, actor.tenantId, kept);
    await recordChange(tx, actor, { action: 'replace', entity: 'ticket_sla_policies', before, after: kept }, now);
  });
  return getSlaPolicies(context, actor);
}

export async function setCalendar(context: AppContext, actor: Actor, calendar: BusinessCalendar) {
  const problem = checkCalendar(calendar);
  if (problem) fail(problem);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    const before = await getCalendar(tx, actor.tenantId);
    const after = normaliseCalendar(calendar);
    // The hours are the desk's; the holidays and 调休 are the company's calendar, which visits
    // plan on too.
    await saveBusinessHours(tx, actor.tenantId, after);
    await replaceHolidayCalendar(tx, actor.tenantId, { holidays: after.holidays, makeUpWorkdays: after.extraWorkdays });
    await recordChange(tx, actor, { action: 'edit', entity: 'ticket_calendar', before, after }, now);
  });
  return getSlaPolicies(context, actor);
}

// ── A new category in the complaint library ──

// Added at the end of the library (it lists by group), with the targets of today's default (24 h / 72 h) unless given.
export async function addCategory(
  context: AppContext,
  actor: Actor,
  input: {
    groupCode: CategoryGroup;
    name: string;
    firstResponseMinutes: number;
    resolutionMinutes: number;
    businessHours: boolean;
  },
) {
  const now = context.now();
  if (input.resolutionMinutes < input.firstResponseMinutes) {
    throw new DomainError(
      'TICKET_SLA_RESOLUTION_SHORT',
      {
        category: input.name,
        priority: '普通',
        firstResponse: input.firstResponseMinutes,
        resolution: input.resolutionMinutes,
      },
      'resolutionMinutes',
    );
  }
  const created = await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    const categories = await listCategories(tx, actor.tenantId);
    if (categories.some((category) => category.groupCode === input.groupCode && category.name === input.name)) {
      throw new DomainError('TICKET_CATEGORY_EXISTS', { name: input.name }, 'name');
    }
    const codes = new Set(categories.map((category) => category.code));
    let serial = categories.length + 1;
    while (codes.has(`c${serial}`)) serial += 1;
    // The library lists by group, then position: the new one goes last.
    const position = Math.max(-1, ...categories.map((category) => category.position)) + 1;
    const row = await insertCategory(tx, {
      tenantId: actor.tenantId,
      code: `c${serial}`,
      groupCode: input.groupCode,
      name: input.name,
      position,
      firstResponseMinutes: input.firstResponseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      businessHours: input.businessHours,
    });
    await recordChange(tx, actor, { action: 'create', entity: 'ticket_category', entityId: row.code, after: row }, now);
    return row;
  });
  return { code: created.code, categories: await getCategories(context, actor) };
}

// ── Gateway keys ──

export async function getChannelKeys(context: AppContext, actor: Actor) {
  const rows = await listChannelKeys(context.db, actor.tenantId);
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    // Only the hash is kept: its first characters tell keys apart.
    fingerprint: row.keyHash.slice(0, 8),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeChannelKey(context: AppContext, actor: Actor, id: number) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const before = await getChannelKey(tx, actor.tenantId, id);
    if (!before) throw new DomainError('NOT_FOUND');
    if (before.revokedAt) throw new DomainError('TICKET_CHANNEL_KEY_REVOKED', { at: before.revokedAt.toISOString() });
    await revokeChannelKeyRow(tx, actor.tenantId, id, now);
    await recordChange(
      tx,
      actor,
      {
        action: 'revoke',
        entity: 'ticket_channel_key',
        entityId: id,
        before: { channel: before.channel, revokedAt: null },
        after: { channel: before.channel, revokedAt: now },
      },
      now,
    );
  });
  return getChannelKeys(context, actor);
}
