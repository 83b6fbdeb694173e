import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { CategoryGroup } from './ticket-reference.ts';
import {
  ensureTicketSetup,
  findStaffMember,
  listAssignmentRules,
  listCategories,
  listServiceFailures,
  replaceAssignmentRules,
  upsertServiceFailure,
} from './tickets.repository.ts';
import { ticketCategories } from './tickets.schema.ts';

// The library around tickets (客户抱怨库): categories and their SLA targets, assignment rules,
// service failures. A tenant's defaults are written the first time any of them is read.

export async function getCategories(context: AppContext, actor: Actor) {
  let rows = await listCategories(context.db, actor.tenantId);
  if (rows.length === 0) {
    await context.db.transaction((tx) => ensureTicketSetup(tx, actor.tenantId));
    rows = await listCategories(context.db, actor.tenantId);
  }
  return rows;
}

export async function editCategory(
  context: AppContext,
  actor: Actor,
  code: string,
  changes: Partial<{
    name: string;
    firstResponseMinutes: number;
    resolutionMinutes: number;
    businessHours: boolean;
    active: boolean;
  }>,
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    const where = and(eq(ticketCategories.tenantId, actor.tenantId), eq(ticketCategories.code, code));
    const [before] = await tx.select().from(ticketCategories).where(where);
    if (!before) throw new DomainError('NOT_FOUND');
    const [after] = await tx.update(ticketCategories).set(changes).where(where).returning();
    await recordChange(tx, actor, { action: 'edit', entity: 'ticket_category', entityId: code, before, after }, now);
  });
  return getCategories(context, actor);
}

export async function getAssignmentRules(context: AppContext, actor: Actor) {
  await getCategories(context, actor);
  return listAssignmentRules(context.db, actor.tenantId);
}

export async function setAssignmentRules(
  context: AppContext,
  actor: Actor,
  rules: { groupCode: CategoryGroup | null; categoryCode: string | null; target: string; userId: number | null }[],
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    // A rule routes to one of the city's own staff: another city's user, or a retailer, is not found.
    for (const userId of new Set(rules.flatMap((rule) => (rule.userId === null ? [] : [rule.userId])))) {
      const member = await findStaffMember(tx, actor.tenantId, userId);
      if (!member || member.role === 'retailer') throw new DomainError('NOT_FOUND', {}, 'rules');
    }
    const before = await listAssignmentRules(tx, actor.tenantId);
    await replaceAssignmentRules(
      tx,
      actor.tenantId,
      rules.map((rule, position) => ({ ...rule, position, target: rule.target as 'user' })),
    );
    await recordChange(tx, actor, { action: 'replace', entity: 'ticket_assignment_rules', before, after: rules }, now);
  });
  return getAssignmentRules(context, actor);
}

export async function getServiceFailures(context: AppContext, actor: Actor) {
  await getCategories(context, actor);
  return listServiceFailures(context.db, actor.tenantId);
}

export async function saveServiceFailure(
  context: AppContext,
  actor: Actor,
  input: { code: string; name: string; prevention: string; control: string; remedy: string; active: boolean },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureTicketSetup(tx, actor.tenantId);
    await upsertServiceFailure(tx, { tenantId: actor.tenantId, ...input });
    await recordChange(
      tx,
      actor,
      { action: 'save', entity: 'service_failure', entityId: input.code, after: input },
      now,
    );
  });
  return getServiceFailures(context, actor);
}
