import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { customers } from '../modules/customers/index.ts';
import {
  defaultSlaClockOf,
  ensureTicketSetup,
  type SlaState,
  slaColumnsOf,
  ticketEvents,
  tickets,
} from '../modules/tickets/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { users } from '../platform/identity/identity.schema.ts';
import type { Random } from './random.ts';

// A year of 投诉建议 for the demo city: ~110 a year per 1,000 stores, more before the Spring
// Festival and in summer, fewer on Sundays; supply, delivery and the ordering system most common;
// counterfeit complaints clustered in one district; most answered within hours, a few late
// (breached and escalated), most rated 4–5. Written in multi-row inserts.

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const typeWeights = [
  ['complaint', 55],
  ['suggestion', 20],
  ['consultation', 20],
  ['praise', 5],
] as const;

const categoryWeights = [
  ['supply', 22],
  ['delivery', 15],
  ['ordering_system', 12],
  ['timeliness', 10],
  ['attitude', 8],
  ['price', 8],
  ['quality', 6],
  ['market_order', 6],
  ['standard', 4],
  ['licensing', 4],
  ['inspection', 2],
  ['other', 3],
] as const;
const serviceGroup = new Set(['attitude', 'timeliness', 'standard', 'delivery']);

const descriptions: Record<string, readonly string[]> = {
  supply: [
    '中华（硬）连续两周没有货源，希望增加投放。',
    '本周限量太少，客户需求大。',
    '新品没有分到，想知道投放标准。',
  ],
  delivery: ['送货比约定时间晚了三个小时。', '送货员把烟放在门口没有当面交接。', '送来的条烟包装破损。'],
  ordering_system: ['订货系统登录不上。', '订单提交后显示失败但扣了额度。', '手机端订货页面打不开。'],
  timeliness: ['反映的问题一周了还没人答复。', '客户经理很久没有来走访。'],
  attitude: ['送货员态度生硬。', '电话咨询时客服不耐烦。'],
  price: ['周边有店低价销售，扰乱价格。', '建议零售价调整后没有及时通知。'],
  quality: ['一条烟里有两包受潮。', '烟支有异味，怀疑批次问题。'],
  market_order: ['附近有人卖假烟，请核查。', '有无证摊点在卖烟。'],
  standard: ['客户经理走访时没有出示工作证。', '陈列指导与上次要求不一致。'],
  licensing: ['许可证延续办理要跑几次，流程能否简化？', '想咨询许可证变更经营地址的手续。'],
  inspection: ['专卖检查时间太长影响营业。'],
  other: ['希望多组织品牌培训。', '感谢客户经理帮忙解决了订货问题。'],
};

// More before the Spring Festival (Jan–Feb) and in summer; a Sunday is quiet.
function dailyRate(day: Date, storesPer1000: number): number {
  const month = day.getUTCMonth();
  const season = month === 0 || month === 1 ? 1.5 : month >= 5 && month <= 7 ? 1.2 : 1;
  const weekday = day.getUTCDay() === 0 ? 0.4 : 1;
  return ((110 * storesPer1000) / 365) * season * weekday;
}

// A skewed delay in hours: median `median`, a long tail.
function delayHours(random: Random, median: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return median * Math.exp(0.9 * normal);
}

export async function seedDemoTickets(tx: Executor, tenantId: number, now: Date, random: Random): Promise<number> {
  await ensureTicketSetup(tx, tenantId);
  const stores = await tx
    .select({
      id: customers.id,
      branchId: customers.branchId,
      orgPath: customers.orgPath,
      managerId: customers.managerId,
      districtCode: customers.districtCode,
    })
    .from(customers)
    .where(eq(customers.tenantId, tenantId));
  if (stores.length === 0) return 0;
  const staff = await tx
    .select({ id: users.id, role: users.role, name: users.displayName })
    .from(users)
    .where(eq(users.tenantId, tenantId));
  const serviceUser = staff.find((user) => user.role === 'service') ?? staff[0];
  const nameOf = new Map(staff.map((user) => [user.id, user.name]));
  // Counterfeit complaints cluster in one district (a hot spot on the heat map).
  const hotDistrict = stores[0].districtCode;
  const hotStores = stores.filter((store) => store.districtCode === hotDistrict);

  const ticketRows: (typeof tickets.$inferInsert)[] = [];
  const eventDrafts: { index: number; rows: Omit<typeof ticketEvents.$inferInsert, 'ticketId' | 'tenantId'>[] }[] = [];
  const start = now.getTime() - 365 * dayMs;
  for (let day = 0; day < 365; day += 1) {
    const date = new Date(start + day * dayMs);
    const expected = dailyRate(date, stores.length / 1000);
    const count = Math.max(0, Math.round(expected + (random.next() - 0.5) * Math.sqrt(expected) * 2));
    for (let number = 0; number < count; number += 1) {
      const createdAt = new Date(date.getTime() + random.integer(0, 12) * hourMs + random.integer(0, 59) * 60_000);
      if (createdAt.getTime() >= now.getTime() - hourMs) continue;
      const type = random.weighted(typeWeights);
      let categoryCode: string = type === 'praise' ? 'other' : random.weighted(categoryWeights);
      const isHot = categoryCode !== 'market_order' && random.next() < 0.04;
      if (isHot) categoryCode = 'market_order';
      const store =
        categoryCode === 'market_order' && random.next() < 0.6 ? random.pick(hotStores) : random.pick(stores);
      const assigneeId = serviceGroup.has(categoryCode) ? store.managerId : serviceUser.id;
      // A new company's targets for the category; every demo ticket is of normal priority.
      const policy = defaultSlaClockOf(categoryCode, 'normal');
      const age = (now.getTime() - createdAt.getTime()) / hourMs;
      const firstDelay = Math.min(delayHours(random, 3), 60);
      const resolveDelay = firstDelay + delayHours(random, 12);
      const state0: SlaState = policy.start(createdAt);
      let state = state0;
      const events: (typeof eventDrafts)[number]['rows'] = [];
      const description = random.pick(descriptions[categoryCode]);
      const author = (name: string, id: number | null, kind: 'staff' | 'retailer' | 'system') => ({
        actorId: id,
        actorName: name,
        author: kind,
      });
      events.push({
        at: createdAt,
        kind: 'created',
        toStatus: 'new',
        body: description,
        visibleToCustomer: true,
        ...author('零售户', null, 'retailer'),
      });
      events.push({
        at: createdAt,
        kind: 'assigned',
        fromStatus: 'new',
        toStatus: 'assigned',
        body: '按分派规则分派',
        ...author('系统', null, 'system'),
      });
      let status: 'assigned' | 'in_progress' | 'resolved' | 'confirmed' | 'closed' = 'assigned';
      let firstRespondedAt: Date | null = null;
      let resolvedAt: Date | null = null;
      let confirmedAt: Date | null = null;
      let closedAt: Date | null = null;
      let rating: number | null = null;
      const handler = nameOf.get(assigneeId) ?? '客服中心';
      if (firstDelay < age) {
        firstRespondedAt = new Date(createdAt.getTime() + firstDelay * hourMs);
        state = policy.respond(state, firstRespondedAt);
        status = 'in_progress';
        events.push({
          at: firstRespondedAt,
          kind: 'reply',
          body: '您好，已收到您的反映，正在核实处理。',
          visibleToCustomer: true,
          ...author(handler, assigneeId, 'staff'),
        });
      }
      if (resolveDelay < age) {
        resolvedAt = new Date(createdAt.getTime() + resolveDelay * hourMs);
        state = policy.resolve(state, resolvedAt);
        status = 'resolved';
        events.push({
          at: resolvedAt,
          kind: 'transition',
          fromStatus: 'in_progress',
          toStatus: 'resolved',
          body: '已处理并回访客户。',
          visibleToCustomer: true,
          ...author(handler, assigneeId, 'staff'),
        });
        const answered = resolveDelay + delayHours(random, 20);
        if (answered < age) {
          const late = state.resolution.outcome === 'breached' || state.firstResponse.outcome === 'breached';
          rating = random.weighted(
            late
              ? ([
                  [5, 20],
                  [4, 30],
                  [3, 25],
                  [2, 15],
                  [1, 10],
                ] as const)
              : ([
                  [5, 56],
                  [4, 29],
                  [3, 9],
                  [2, 4],
                  [1, 2],
                ] as const),
          );
          confirmedAt = new Date(createdAt.getTime() + answered * hourMs);
          status = 'confirmed';
          events.push({
            at: confirmedAt,
            kind: 'transition',
            fromStatus: 'resolved',
            toStatus: 'confirmed',
            body: `评分 ${rating}`,
            visibleToCustomer: true,
            ...author('零售户', null, 'retailer'),
          });
          if (answered + 48 < age) {
            closedAt = new Date(confirmedAt.getTime() + 48 * hourMs);
            status = 'closed';
            events.push({
              at: closedAt,
              kind: 'transition',
              fromStatus: 'confirmed',
              toStatus: 'closed',
              body: '',
              visibleToCustomer: true,
              ...author(handler, assigneeId, 'staff'),
            });
          }
        } else if (age - resolveDelay > 72) {
          confirmedAt = new Date(resolvedAt.getTime() + 72 * hourMs);
          status = 'confirmed';
          events.push({
            at: confirmedAt,
            kind: 'transition',
            fromStatus: 'resolved',
            toStatus: 'confirmed',
            body: '3 天内未确认，系统自动确认',
            visibleToCustomer: true,
            ...author('系统', null, 'system'),
          });
        }
      }
      // The clocks as the sweep would have left them by now.
      const swept = policy.evaluate(state, now);
      const escalated = swept.firstResponse.escalatedAt !== null || swept.resolution.escalatedAt !== null;
      if (escalated) {
        const at = swept.firstResponse.escalatedAt ? state0.firstResponse.dueAt : state0.resolution.dueAt;
        events.push({ at, kind: 'escalated', body: '超时，升级至分公司负责人', ...author('系统', null, 'system') });
      }
      ticketRows.push({
        tenantId,
        type,
        channel: random.weighted([
          ['portal', 55],
          ['phone', 30],
          ['visit', 10],
          ['gateway', 5],
        ] as const),
        customerId: store.id,
        branchId: store.branchId,
        orgPath: store.orgPath,
        managerId: store.managerId,
        districtCode: store.districtCode,
        categoryCode,
        priority: 'normal',
        description,
        status,
        assigneeId,
        createdAt,
        updatedAt: closedAt ?? confirmedAt ?? resolvedAt ?? firstRespondedAt ?? createdAt,
        ...slaColumnsOf(swept),
        escalated,
        firstRespondedAt,
        nextCheckAt:
          status === 'closed' || status === 'confirmed' ? null : policy.nextCheck(status, swept, resolvedAt, now),
        resolvedAt,
        confirmedAt,
        closedAt,
        rating,
      });
      eventDrafts.push({ index: ticketRows.length - 1, rows: events });
    }
  }
  // One JSON parameter per statement: far fewer parameters to bind than a 42-column VALUES list.
  const ids = await insertAsJson(tx, tickets, 'tickets', ticketRows, true);
  const eventRows = eventDrafts.flatMap((draft) =>
    draft.rows.map((row) => ({ ...row, tenantId, ticketId: ids[draft.index] })),
  );
  await insertAsJson(tx, ticketEvents, 'ticket_events', eventRows, false);
  await tx.execute(sql`ANALYZE tickets`);
  await recordChanges(
    tx,
    systemActor(tenantId, 'demo'),
    [
      {
        action: 'seed_demo',
        entity: 'ticket',
        after: { tickets: ticketRows.length, events: eventRows.length },
      },
    ],
    now,
  );
  return ticketRows.length;
}

// INSERT … SELECT FROM json_populate_recordset: the rows as one JSON document, in order (the
// returned ids follow the rows' order).
async function insertAsJson(
  tx: Executor,
  table: PgTable,
  name: string,
  rows: Record<string, unknown>[],
  returnIds: boolean,
): Promise<number[]> {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key !== 'id');
  const list = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const ids: number[] = [];
  for (let offset = 0; offset < rows.length; offset += 5000) {
    const json = rows.slice(offset, offset + 5000).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        // A listed column gets no default from the table: fill in the schema's plain defaults.
        const fallback = typeof column.default === 'object' ? undefined : column.default;
        const value = row[key] ?? fallback;
        if (value !== undefined) record[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return record;
    });
    const result = await tx.execute(sql`
      INSERT INTO ${sql.raw(name)} (${list})
      SELECT ${list} FROM json_populate_recordset(null::${sql.raw(name)}, ${JSON.stringify(json)}::json) WITH ORDINALITY
      ORDER BY ordinality
      ${returnIds ? sql`RETURNING id` : sql``}`);
    if (returnIds) ids.push(...(result as unknown as { rows: { id: number }[] }).rows.map((row) => Number(row.id)));
  }
  return ids;
}
