import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../app-context.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { checkAttachment } from './attachment.rules.ts';
import {
  activeStoreCount,
  countsByBranch,
  countsByCategory,
  countsByType,
  countsByWeek,
  handlingAndSatisfaction,
  hotSpots,
  slaByHandler,
  workload,
} from './ticket-analysis.repository.ts';
import type { CategoryGroup } from './ticket-reference.ts';
import type { TicketType } from './ticket-workflow.rules.ts';
import {
  ensureTicketSetup,
  findChannelKey,
  findGatewayTicket,
  findStaffMember,
  findStoreByLicence,
  getAttachment,
  getScopedTicket,
  insertAttachment,
  insertChannelKey,
  listAssignmentRules,
  listAttachments,
  listCategories,
  listNotifications,
  listServiceFailures,
  markNotificationsRead,
  replaceAssignmentRules,
  upsertServiceFailure,
} from './tickets.repository.ts';
import { ticketCategories } from './tickets.schema.ts';
import { createTicketIn, ticketSummary } from './tickets.service.ts';

// The library around tickets: categories and their SLA targets, assignment rules, service
// failures, attachments, notifications, the inbound gateway and the analysis.

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
    await recordChange(
      tx,
      actor,
      { action: 'replace', entity: 'ticket_assignment_rules', entityId: 0, before, after: rules },
      now,
    );
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

// ── Attachments ─────────────────────────────────────────────────────────────────────────────────

export async function addAttachment(
  context: AppContext,
  actor: Actor,
  ticketId: number,
  file: { fileName: string; bytes: Buffer },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, ticketId, true);
    if (!ticket) throw new DomainError('NOT_FOUND');
    const existing = await listAttachments(tx, actor.tenantId, ticketId);
    const contentType = checkAttachment(file.bytes, existing.length);
    const created = await insertAttachment(tx, {
      tenantId: actor.tenantId,
      ticketId,
      fileName: file.fileName.slice(0, 200),
      contentType,
      size: file.bytes.length,
      content: file.bytes,
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'attach',
        entity: 'ticket',
        entityId: ticketId,
        after: { attachmentId: created.id, contentType, size: file.bytes.length },
      },
      now,
    );
    return { id: created.id, contentType, size: file.bytes.length };
  });
}

export async function readAttachment(context: AppContext, actor: Actor, ticketId: number, id: number) {
  const ticket = await getScopedTicket(context.db, actor.tenantId, actor.scope, ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND');
  const row = await getAttachment(context.db, actor.tenantId, ticketId, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

// ── Notifications ───────────────────────────────────────────────────────────────────────────────

export async function getNotifications(context: AppContext, actor: Actor) {
  const { rows, unread } = await listNotifications(context.db, actor.tenantId, actor.userId, 30);
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      ticketId: row.ticketId,
      kind: row.kind,
      title: row.title,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

export async function readAllNotifications(context: AppContext, actor: Actor) {
  await markNotificationsRead(context.db, actor.tenantId, actor.userId, context.now());
  return getNotifications(context, actor);
}

// ── Inbound gateway ─────────────────────────────────────────────────────────────────────────────

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

// Issues a channel key (admin route or `kewo tickets channel-key`); the key is shown once.
export async function issueChannelKey(context: AppContext, actor: Actor, channel: string) {
  const now = context.now();
  const key = `kgw_${randomBytes(24).toString('base64url')}`;
  const created = await context.db.transaction(async (tx) => {
    const row = await insertChannelKey(tx, {
      tenantId: actor.tenantId,
      channel,
      keyHash: hashKey(key),
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'issue', entity: 'ticket_channel_key', entityId: row.id, after: { channel } },
      now,
    );
    return row;
  });
  return { id: created.id, channel, key };
}

// A message from an SMS/WeChat gateway becomes a ticket; the same message id again answers with
// the ticket it made (200), without a second one.
export async function receiveInbound(
  context: AppContext,
  key: string | undefined,
  input: { messageId: string; licenceNo: string; type: TicketType; categoryCode?: string; description: string },
) {
  if (!key) throw new DomainError('GATEWAY_KEY_INVALID');
  const channelKey = await findChannelKey(context.db, hashKey(key));
  if (!channelKey) throw new DomainError('GATEWAY_KEY_INVALID');
  const tenantId = channelKey.tenantId;
  const actor = systemActor(tenantId, `gateway:${channelKey.channel}`);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    // Serialises retries of one message: the second waits for the first and finds its ticket.
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(${tenantId}, hashtext(${`${channelKey.channel}:${input.messageId}`}))`,
    );
    const existing = await findGatewayTicket(tx, tenantId, channelKey.channel, input.messageId);
    if (existing) return { created: false, ticket: ticketSummary(existing) };
    const store = await findStoreByLicence(tx, tenantId, input.licenceNo);
    if (!store) throw new DomainError('GATEWAY_STORE_UNKNOWN', { licenceNo: input.licenceNo }, 'licenceNo');
    const ticket = await createTicketIn(
      tx,
      actor,
      {
        customerId: store.id,
        type: input.type,
        channel: 'gateway',
        categoryCode: input.categoryCode,
        description: input.description,
        gateway: { channel: channelKey.channel, messageId: input.messageId },
      },
      now,
    );
    return { created: true, ticket: ticketSummary(ticket) };
  });
}

// ── Analysis ────────────────────────────────────────────────────────────────────────────────────

const typeLabels: Record<string, string> = {
  complaint: '投诉',
  suggestion: '建议',
  consultation: '咨询',
  praise: '表扬',
};
const dayMs = 86_400_000;

export async function analyseTickets(context: AppContext, actor: Actor, range: { from?: string; to?: string }) {
  const now = context.now();
  const to = range.to ? new Date(`${range.to}T00:00:00+08:00`) : new Date(now.getTime() + dayMs);
  const from = range.from ? new Date(`${range.from}T00:00:00+08:00`) : new Date(to.getTime() - 365 * dayMs);
  const period = { tenantId: actor.tenantId, scope: actor.scope, from, to };
  const db = context.db;
  await getCategories(context, actor);
  const [types, categories, branches, weeks, spots, handlers, handling, stores] = await Promise.all([
    countsByType(db, period),
    countsByCategory(db, period),
    countsByBranch(db, period),
    countsByWeek(db, period),
    hotSpots(db, period),
    slaByHandler(db, period),
    handlingAndSatisfaction(db, period),
    activeStoreCount(db, actor.tenantId, actor.scope),
  ]);
  const round = (value: number | null, digits = 1) =>
    value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;
  return {
    from: beijingDateOf(from),
    to: beijingDateOf(to),
    total: handling.total,
    byType: types.map((row) => ({ ...row, label: typeLabels[row.key] ?? row.key })),
    byCategory: categories,
    byBranch: branches.map((row) => ({
      key: row.key,
      label: row.label,
      count: row.count,
      per1000Stores: row.stores > 0 ? (round((row.count * 1000) / row.stores) ?? 0) : 0,
    })),
    byWeek: weeks,
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

export async function analysisWorkbook(analysis: Awaited<ReturnType<typeof analyseTickets>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(headers).font = { bold: true };
    for (const row of rows) worksheet.addRow(row);
    worksheet.columns.forEach((column) => {
      column.width = 16;
    });
  };
  sheet(
    '概况',
    ['起', '止', '工单数', '每千户投诉', '办结时长中位数(小时)', '办结时长P90(小时)', '评价数', '平均评分', '满意率'],
    [
      [
        analysis.from,
        analysis.to,
        analysis.total,
        analysis.per1000Stores,
        analysis.handlingHours.median,
        analysis.handlingHours.p90,
        analysis.satisfaction.rated,
        analysis.satisfaction.average,
        analysis.satisfaction.satisfiedShare,
      ],
    ],
  );
  sheet(
    '按类型',
    ['类型', '数量'],
    analysis.byType.map((row) => [row.label, row.count]),
  );
  sheet(
    '按分类',
    ['分类', '数量'],
    analysis.byCategory.map((row) => [row.label, row.count]),
  );
  sheet(
    '按分公司',
    ['分公司', '投诉数', '每千户'],
    analysis.byBranch.map((row) => [row.label, row.count, row.per1000Stores]),
  );
  sheet(
    '按周',
    ['周', '数量'],
    analysis.byWeek.map((row) => [row.week, row.count]),
  );
  sheet(
    '热点',
    ['区县', '分类', '投诉数'],
    analysis.hotSpots.map((row) => [row.district, row.category, row.count]),
  );
  sheet(
    '时限达成',
    ['处理人', '部门', '工单', '首次响应达标', '首次响应已判定', '办结达标', '办结已判定'],
    analysis.slaByHandler.map((row) => [
      row.handler,
      row.team,
      row.tickets,
      row.firstResponseMet,
      row.firstResponseDecided,
      row.resolutionMet,
      row.resolutionDecided,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
