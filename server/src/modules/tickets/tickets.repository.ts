import { and, asc, count, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { getHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { creditLevelInForce } from '../credit/index.ts';
import { customers } from '../customers/index.ts';
import { priorityCreditLevels, queueStatuses } from './queue-priority.rules.ts';
import { type BusinessCalendar, type BusinessHours, defaultBusinessHours } from './sla.rules.ts';
import {
  defaultAssignmentRules,
  defaultCategories,
  defaultFirstResponseHours,
  defaultServiceFailures,
} from './ticket-reference.ts';
import {
  serviceFailures,
  ticketAssignmentRules,
  ticketAttachments,
  ticketCategories,
  ticketChannelKeys,
  ticketEvents,
  ticketSettings,
  ticketSlaPolicies,
  tickets,
} from './tickets.schema.ts';

// Queries of the tickets module. Every one filters by tenant; tickets are placed by their store's
// org path, manager and id, so every data scope applies without a join.

export type TicketRow = typeof tickets.$inferSelect;
export type TicketInsert = typeof tickets.$inferInsert;

export const ticketScope = (scope: DataScope): SQL =>
  scopeCondition(scope, { orgPath: tickets.orgPath, managerId: tickets.managerId, customerId: tickets.customerId });

// Writes the default library, policies, calendar and rules the first time a tenant needs them.
export async function ensureTicketSetup(executor: Executor, tenantId: number): Promise<void> {
  const [existing] = await executor
    .select({ code: ticketCategories.code })
    .from(ticketCategories)
    .where(eq(ticketCategories.tenantId, tenantId))
    .limit(1);
  if (existing) return;
  await executor
    .insert(ticketCategories)
    .values(
      defaultCategories.map((category, position) => ({
        tenantId,
        code: category.code,
        groupCode: category.group,
        name: category.name,
        position,
        firstResponseMinutes: defaultFirstResponseHours * 60,
        resolutionMinutes: category.resolutionHours * 60,
      })),
    )
    .onConflictDoNothing();
  await executor.insert(ticketSettings).values({ tenantId, calendar: defaultBusinessHours }).onConflictDoNothing();
  await executor
    .insert(serviceFailures)
    .values(defaultServiceFailures.map((failure) => ({ tenantId, ...failure })))
    .onConflictDoNothing();
  await executor
    .insert(ticketAssignmentRules)
    .values(defaultAssignmentRules.map((rule, position) => ({ tenantId, position, ...rule, groupCode: rule.group })));
}

export async function listCategories(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(ticketCategories)
    .where(eq(ticketCategories.tenantId, tenantId))
    .orderBy(asc(ticketCategories.position));
}

// The desk's hours over the company's calendar, as the SLA clock and the settings page see them.
export async function getCalendar(executor: Executor, tenantId: number): Promise<BusinessCalendar> {
  const [row] = await executor
    .select({ hours: ticketSettings.calendar })
    .from(ticketSettings)
    .where(eq(ticketSettings.tenantId, tenantId));
  const days = await getHolidayCalendar(executor, tenantId);
  const { weekdays, opens, closes } = row?.hours ?? defaultBusinessHours;
  return { weekdays, opens, closes, holidays: days.holidays, extraWorkdays: days.makeUpWorkdays };
}

export async function listAssignmentRules(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(ticketAssignmentRules)
    .where(eq(ticketAssignmentRules.tenantId, tenantId))
    .orderBy(asc(ticketAssignmentRules.position));
}

export async function replaceAssignmentRules(
  executor: Executor,
  tenantId: number,
  rules: Omit<typeof ticketAssignmentRules.$inferInsert, 'tenantId' | 'id'>[],
) {
  await executor.delete(ticketAssignmentRules).where(eq(ticketAssignmentRules.tenantId, tenantId));
  if (rules.length > 0)
    await executor.insert(ticketAssignmentRules).values(rules.map((rule) => ({ tenantId, ...rule })));
}

export async function listServiceFailures(executor: Executor, tenantId: number) {
  // Ranked by how often tickets were linked to each.
  return executor
    .select({
      code: serviceFailures.code,
      name: serviceFailures.name,
      prevention: serviceFailures.prevention,
      control: serviceFailures.control,
      remedy: serviceFailures.remedy,
      active: serviceFailures.active,
      occurrences: sql<number>`(SELECT count(*)::int FROM ${tickets} WHERE ${tickets.tenantId} = ${serviceFailures.tenantId} AND ${tickets.failureCode} = ${serviceFailures.code})`,
    })
    .from(serviceFailures)
    .where(eq(serviceFailures.tenantId, tenantId))
    .orderBy(sql`7 DESC`, asc(serviceFailures.code));
}

export async function upsertServiceFailure(executor: Executor, row: typeof serviceFailures.$inferInsert) {
  await executor
    .insert(serviceFailures)
    .values(row)
    .onConflictDoUpdate({
      target: [serviceFailures.tenantId, serviceFailures.code],
      set: { name: row.name, prevention: row.prevention, control: row.control, remedy: row.remedy, active: row.active },
    });
}

export async function findServiceFailure(executor: Executor, tenantId: number, code: string) {
  const [row] = await executor
    .select()
    .from(serviceFailures)
    .where(and(eq(serviceFailures.tenantId, tenantId), eq(serviceFailures.code, code)));
  return row;
}

export async function findScopedStore(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const [row] = await executor
    .select({
      id: customers.id,
      name: customers.name,
      licenceNo: customers.licenceNo,
      branchId: customers.branchId,
      orgPath: customers.orgPath,
      managerId: customers.managerId,
      districtCode: customers.districtCode,
    })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        eq(customers.id, customerId),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return row;
}

export async function findStoreByLicence(executor: Executor, tenantId: number, licenceNo: string) {
  const [row] = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.licenceNo, licenceNo)));
  return row;
}

// Staff of a role, in an org unit (or anywhere in the tenant), active.
export async function findStaff(executor: Executor, tenantId: number, roles: string[], orgUnitId?: number) {
  return executor
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.disabled, false),
        inArray(users.role, roles as never[]),
        orgUnitId === undefined ? undefined : eq(users.orgUnitId, orgUnitId),
      ),
    )
    .orderBy(asc(users.id));
}

export async function findStaffMember(executor: Executor, tenantId: number, userId: number) {
  const [row] = await executor
    .select({ id: users.id, displayName: users.displayName, role: users.role, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row;
}

export async function retailerUserOf(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.customerId, customerId), eq(users.role, 'retailer')))
    .limit(1);
  return row;
}

export async function insertTicket(executor: Executor, row: TicketInsert) {
  const [created] = await executor.insert(tickets).values(row).returning();
  return created;
}

export async function getScopedTicket(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  id: number,
  lock = false,
) {
  const query = executor
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id), ticketScope(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateTicket(executor: Executor, tenantId: number, id: number, changes: Partial<TicketInsert>) {
  const [row] = await executor
    .update(tickets)
    .set(changes)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning();
  return row;
}

export async function insertEvents(executor: Executor, rows: (typeof ticketEvents.$inferInsert)[]) {
  if (rows.length > 0) await executor.insert(ticketEvents).values(rows);
}

export async function listEvents(executor: Executor, tenantId: number, ticketId: number, customerView: boolean) {
  return executor
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.tenantId, tenantId),
        eq(ticketEvents.ticketId, ticketId),
        customerView ? sql`(${ticketEvents.visibleToCustomer} OR ${ticketEvents.kind} <> 'reply')` : undefined,
      ),
    )
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

export async function listAttachments(executor: Executor, tenantId: number, ticketId: number) {
  return executor
    .select({
      id: ticketAttachments.id,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
      createdAt: storedFiles.createdAt,
    })
    .from(ticketAttachments)
    .innerJoin(
      storedFiles,
      and(eq(storedFiles.tenantId, ticketAttachments.tenantId), eq(storedFiles.id, ticketAttachments.fileId)),
    )
    .where(and(eq(ticketAttachments.tenantId, tenantId), eq(ticketAttachments.ticketId, ticketId)))
    .orderBy(asc(ticketAttachments.id));
}

// The stored file of a ticket's photo (platform/files).
export async function getAttachment(executor: Executor, tenantId: number, ticketId: number, id: number) {
  const [row] = await executor
    .select({ fileId: ticketAttachments.fileId })
    .from(ticketAttachments)
    .where(
      and(
        eq(ticketAttachments.tenantId, tenantId),
        eq(ticketAttachments.ticketId, ticketId),
        eq(ticketAttachments.id, id),
      ),
    );
  return row;
}

export async function insertAttachment(executor: Executor, row: typeof ticketAttachments.$inferInsert) {
  const [created] = await executor.insert(ticketAttachments).values(row).returning({ id: ticketAttachments.id });
  return created;
}

export type TicketListFilters = {
  status?: string;
  type?: string;
  assigneeId?: number;
  customerId?: number;
  breached?: boolean;
  // The day whose credit levels place tickets (信用优先, queue-priority.rules.ts); none: newest first.
  creditOn?: string;
  limit: number;
  offset: number;
};

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

export async function listTickets(executor: Executor, tenantId: number, scope: DataScope, filters: TicketListFilters) {
  const where = and(
    eq(tickets.tenantId, tenantId),
    ticketScope(scope),
    filters.status ? eq(tickets.status, filters.status as never) : undefined,
    filters.type ? eq(tickets.type, filters.type as never) : undefined,
    filters.assigneeId ? eq(tickets.assigneeId, filters.assigneeId) : undefined,
    filters.customerId ? eq(tickets.customerId, filters.customerId) : undefined,
    filters.breached
      ? sql`(${tickets.firstResponseSla} = 'breached' OR ${tickets.resolutionSla} = 'breached')`
      : undefined,
  );
  const creditLevel = filters.creditOn
    ? creditLevelInForce(tenantId, sql`${tickets.customerId}`, filters.creditOn)
    : sql`NULL::text`;
  // The same condition as hasCreditPriority, so the order and the tags shown agree.
  const priority = sql`(${tickets.status} IN (${inList(queueStatuses)}) AND ${creditLevel} IN (${inList(priorityCreditLevels)}))`;
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        ticket: tickets,
        storeName: customers.name,
        licenceNo: customers.licenceNo,
        categoryName: ticketCategories.name,
        assigneeName: users.displayName,
        creditLevel: sql<string | null>`${creditLevel}`,
      })
      .from(tickets)
      .innerJoin(customers, and(eq(customers.tenantId, tickets.tenantId), eq(customers.id, tickets.customerId)))
      .leftJoin(
        ticketCategories,
        and(eq(ticketCategories.tenantId, tickets.tenantId), eq(ticketCategories.code, tickets.categoryCode)),
      )
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(where)
      .orderBy(...(filters.creditOn ? [sql`${priority} IS TRUE DESC`] : []), desc(tickets.createdAt), desc(tickets.id))
      .limit(filters.limit)
      .offset(filters.offset),
    executor.select({ n: count() }).from(tickets).where(where),
  ]);
  return { rows, total: total.n };
}

export async function ticketDetailRefs(executor: Executor, ticket: TicketRow) {
  const [store] = await executor
    .select({ name: customers.name, licenceNo: customers.licenceNo, phone: customers.phone, branchName: orgUnits.name })
    .from(customers)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)))
    .where(and(eq(customers.tenantId, ticket.tenantId), eq(customers.id, ticket.customerId)));
  const [category] = await executor
    .select()
    .from(ticketCategories)
    .where(and(eq(ticketCategories.tenantId, ticket.tenantId), eq(ticketCategories.code, ticket.categoryCode)));
  const assignee = ticket.assigneeId ? await findStaffMember(executor, ticket.tenantId, ticket.assigneeId) : undefined;
  const failure = ticket.failureCode
    ? await findServiceFailure(executor, ticket.tenantId, ticket.failureCode)
    : undefined;
  return { store, category, assignee, failure };
}

// ── Sweep ───────────────────────────────────────────────────────────────────────────────────────

export async function tenantsWithDueTickets(executor: Executor, now: Date) {
  const result = await executor.execute(
    sql`SELECT DISTINCT tenant_id FROM tickets WHERE next_check_at IS NOT NULL AND next_check_at <= ${now.toISOString()}`,
  );
  return (result as unknown as { rows: { tenant_id: number }[] }).rows.map((row) => Number(row.tenant_id));
}

export async function dueTickets(executor: Executor, tenantId: number, now: Date, limit: number) {
  return executor
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), lte(tickets.nextCheckAt, now)))
    .orderBy(asc(tickets.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

// ── Gateway keys ────────────────────────────────────────────────────────────────────────────────

export async function findChannelKey(executor: Executor, keyHash: string) {
  const [row] = await executor
    .select()
    .from(ticketChannelKeys)
    .where(and(eq(ticketChannelKeys.keyHash, keyHash), isNull(ticketChannelKeys.revokedAt)));
  return row;
}

export async function insertChannelKey(executor: Executor, row: typeof ticketChannelKeys.$inferInsert) {
  const [created] = await executor.insert(ticketChannelKeys).values(row).returning({ id: ticketChannelKeys.id });
  return created;
}

export async function findGatewayTicket(executor: Executor, tenantId: number, channel: string, messageId: string) {
  const [row] = await executor
    .select()
    .from(tickets)
    .where(
      and(eq(tickets.tenantId, tenantId), eq(tickets.gatewayChannel, channel), eq(tickets.gatewayMessageId, messageId)),
    );
  return row;
}

// ── SLA policies, the calendar, the library editor, key listing ─────────────────────────────────

export async function listSlaPolicies(executor: Executor, tenantId: number) {
  return executor
    .select({
      categoryCode: ticketSlaPolicies.categoryCode,
      priority: ticketSlaPolicies.priority,
      firstResponseMinutes: ticketSlaPolicies.firstResponseMinutes,
      resolutionMinutes: ticketSlaPolicies.resolutionMinutes,
    })
    .from(ticketSlaPolicies)
    .where(eq(ticketSlaPolicies.tenantId, tenantId))
    .orderBy(asc(ticketSlaPolicies.categoryCode), asc(ticketSlaPolicies.priority));
}

export async function replaceSlaPolicies(
  executor: Executor,
  tenantId: number,
  cells: Omit<typeof ticketSlaPolicies.$inferInsert, 'tenantId'>[],
) {
  await executor.delete(ticketSlaPolicies).where(eq(ticketSlaPolicies.tenantId, tenantId));
  if (cells.length > 0) await executor.insert(ticketSlaPolicies).values(cells.map((cell) => ({ tenantId, ...cell })));
}

export async function saveBusinessHours(executor: Executor, tenantId: number, hours: BusinessHours) {
  const calendar = { weekdays: hours.weekdays, opens: hours.opens, closes: hours.closes };
  await executor
    .insert(ticketSettings)
    .values({ tenantId, calendar })
    .onConflictDoUpdate({ target: ticketSettings.tenantId, set: { calendar } });
}

export async function insertCategory(executor: Executor, row: typeof ticketCategories.$inferInsert) {
  const [created] = await executor.insert(ticketCategories).values(row).returning();
  return created;
}

export async function listChannelKeys(executor: Executor, tenantId: number) {
  return executor
    .select({
      id: ticketChannelKeys.id,
      channel: ticketChannelKeys.channel,
      keyHash: ticketChannelKeys.keyHash,
      createdAt: ticketChannelKeys.createdAt,
      revokedAt: ticketChannelKeys.revokedAt,
    })
    .from(ticketChannelKeys)
    .where(eq(ticketChannelKeys.tenantId, tenantId))
    .orderBy(desc(ticketChannelKeys.createdAt), desc(ticketChannelKeys.id));
}

export async function getChannelKey(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select()
    .from(ticketChannelKeys)
    .where(and(eq(ticketChannelKeys.tenantId, tenantId), eq(ticketChannelKeys.id, id)));
  return row;
}

export async function revokeChannelKeyRow(executor: Executor, tenantId: number, id: number, at: Date) {
  await executor
    .update(ticketChannelKeys)
    .set({ revokedAt: at })
    .where(and(eq(ticketChannelKeys.tenantId, tenantId), eq(ticketChannelKeys.id, id)));
}
