import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  consumerFeedback,
  type FeedbackTopic,
  feedbackTopicNames,
  ticketCategoryOf,
} from '../modules/consumer-feedback/index.ts';
import { customers } from '../modules/customers/index.ts';
import { products } from '../modules/products/index.ts';
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

// 消费者意见 of the demo city: ~1,500 items over the year, relayed by stores from their counters —
// availability and price most often, a few popular products most named — each with its ticket on
// the complaints' clock (the tickets module's defaultSlaClockOf: the same functions the service
// and the sweep use). Most are answered within the first-response target, some late; the last
// days' are open, a few older ones open and overdue. Multi-row inserts, a few statements.

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const batch = 500;

const topicWeights = [
  ['availability', 30],
  ['price', 25],
  ['quality', 18],
  ['packaging', 10],
  ['other', 17],
] as const satisfies readonly (readonly [FeedbackTopic, number])[];

const texts: Record<FeedbackTopic, readonly string[]> = {
  availability: [
    '顾客反映这款烟最近一直买不到，问什么时候有货。',
    '老顾客每周都来问这个规格，店里断货两周了。',
    '顾客希望能买到整条的，现在只能拆包卖。',
  ],
  price: [
    '顾客说隔壁店卖得比我们便宜，问价格是不是涨了。',
    '顾客觉得这款新品定价偏高，性价比不如老规格。',
    '顾客问零售指导价是多少，说外面价格不一样。',
  ],
  quality: [
    '顾客说这包烟有点受潮，抽起来味道不对。',
    '顾客反映烟支松紧不一，有几支掉烟丝。',
    '顾客怀疑买到的批次和以前口感不同。',
  ],
  packaging: [
    '顾客说新包装和老包装不好分辨，担心买到假的。',
    '条盒的封口容易破，顾客不太满意。',
    '顾客建议小盒上的防伪标识做得更明显一些。',
  ],
  other: ['顾客希望店里能多上几款细支烟。', '顾客问有没有积分或会员活动。', '顾客建议增加低焦油的规格。'],
};

const answers: Record<FeedbackTopic, readonly string[]> = {
  availability: [
    '已向营销中心反映，下周起该规格增加投放，请及时订货。',
    '该规格本月货源偏紧，已为贵店登记需求，到货后优先安排。',
  ],
  price: [
    '该规格零售指导价未调整，请按明码标价销售，周边低价问题已转市场部门核查。',
    '新品定价由工业企业确定，意见已汇总反馈，感谢转达。',
  ],
  quality: [
    '已登记批次信息并反馈工业企业，受潮产品可凭包装到分公司调换。',
    '质量问题已转工业企业质检部门，核实后给您答复，请保留样品。',
  ],
  packaging: ['新老包装过渡期同时在售，可参考“真假识别”栏目辨别，感谢提醒。', '包装意见已汇总反馈给工业企业。'],
  other: ['您的建议已转营销中心，会在下一期货源组织中考虑。', '感谢反馈，已记录在本月消费者意见汇总中。'],
};

// A skewed delay in hours: median `median`, a long tail.
function delayHours(random: Random, median: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return median * Math.exp(0.9 * normal);
}

export async function seedDemoConsumerFeedbackIn(
  tx: Executor,
  tenantId: number,
  now: Date,
  random: Random,
  total = 1500,
): Promise<number> {
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
    .where(and(eq(customers.tenantId, tenantId), eq(customers.status, 'active')))
    .orderBy(asc(customers.id));
  const catalogue = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.status, 'active')))
    .orderBy(asc(products.id));
  const [service] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, 'service')))
    .orderBy(asc(users.id))
    .limit(1);
  if (stores.length === 0 || !service) return 0;
  // A few popular products are named most (the first twelve of the catalogue ×4).
  const popular = catalogue.slice(0, 12);
  const start = now.getTime() - 365 * dayMs;

  type Draft = {
    ticket: typeof tickets.$inferInsert;
    events: Omit<typeof ticketEvents.$inferInsert, 'ticketId' | 'tenantId'>[];
    item: Omit<typeof consumerFeedback.$inferInsert, 'ticketId'>;
  };
  const drafts: Draft[] = [];
  for (let number = 0; number < total; number += 1) {
    // Spread over the year, a little busier in the last months.
    const position = Math.sqrt(random.next());
    const createdAt = new Date(start + Math.floor(position * 365) * dayMs + random.integer(1, 12) * hourMs);
    if (createdAt.getTime() >= now.getTime() - hourMs) continue;
    const store = random.pick(stores);
    const topic = random.weighted(topicWeights);
    const productId =
      catalogue.length === 0 || random.next() < 0.15
        ? null
        : random.next() < 0.6 && popular.length > 0
          ? random.pick(popular).id
          : random.pick(catalogue).id;
    const text = random.pick(texts[topic]);
    const categoryCode = ticketCategoryOf(topic);
    const clock = defaultSlaClockOf(categoryCode, 'normal');
    let state: SlaState = clock.start(createdAt);
    const age = (now.getTime() - createdAt.getTime()) / hourMs;
    // Most within the 24 h target; ~2 % never answered (open, overdue by now).
    const delay = random.next() < 0.02 ? Number.POSITIVE_INFINITY : Math.min(delayHours(random, 5), 96);
    const description = `【消费者意见·${feedbackTopicNames[topic]}】${text}`;
    const events: Draft['events'] = [
      {
        at: createdAt,
        kind: 'created',
        toStatus: 'new',
        body: description,
        visibleToCustomer: true,
        actorId: null,
        actorName: '零售户',
        author: 'retailer',
      },
      {
        at: createdAt,
        kind: 'assigned',
        fromStatus: 'new',
        toStatus: 'assigned',
        body: '按分派规则分派',
        actorId: null,
        actorName: '系统',
        author: 'system',
      },
    ];
    let status: 'assigned' | 'resolved' | 'confirmed' = 'assigned';
    let answeredAt: Date | null = null;
    let confirmedAt: Date | null = null;
    let answer: string | null = null;
    if (delay < age) {
      answeredAt = new Date(createdAt.getTime() + delay * hourMs);
      answer = random.pick(answers[topic]);
      state = clock.resolve(clock.respond(state, answeredAt), answeredAt);
      status = 'resolved';
      events.push(
        {
          at: answeredAt,
          kind: 'reply',
          body: answer,
          visibleToCustomer: true,
          actorId: service.id,
          actorName: service.name,
          author: 'staff',
        },
        {
          at: answeredAt,
          kind: 'transition',
          fromStatus: 'assigned',
          toStatus: 'resolved',
          body: answer,
          visibleToCustomer: true,
          actorId: service.id,
          actorName: service.name,
          author: 'staff',
        },
      );
      if (age - delay > 72) {
        confirmedAt = new Date(answeredAt.getTime() + 72 * hourMs);
        status = 'confirmed';
        events.push({
          at: confirmedAt,
          kind: 'transition',
          fromStatus: 'resolved',
          toStatus: 'confirmed',
          body: '3 天内未确认，系统自动确认',
          visibleToCustomer: true,
          actorId: null,
          actorName: '系统',
          author: 'system',
        });
      }
    }
    const swept = clock.evaluate(state, now);
    drafts.push({
      ticket: {
        tenantId,
        type: 'suggestion',
        channel: 'portal',
        customerId: store.id,
        branchId: store.branchId,
        orgPath: store.orgPath,
        managerId: store.managerId,
        districtCode: store.districtCode,
        categoryCode,
        priority: 'normal',
        description,
        status,
        assigneeId: service.id,
        createdAt,
        updatedAt: confirmedAt ?? answeredAt ?? createdAt,
        ...slaColumnsOf(swept),
        escalated: swept.firstResponse.escalatedAt !== null || swept.resolution.escalatedAt !== null,
        firstRespondedAt: answeredAt,
        nextCheckAt: status === 'confirmed' ? null : clock.nextCheck(status, swept, answeredAt, now),
        resolvedAt: answeredAt,
        confirmedAt,
      },
      events,
      item: {
        tenantId,
        customerId: store.id,
        branchId: store.branchId,
        orgPath: store.orgPath,
        managerId: store.managerId,
        productId,
        topic,
        text,
        answer,
        answeredAt,
        answeredBy: answeredAt ? service.id : null,
        createdAt,
        updatedAt: answeredAt ?? createdAt,
      },
    });
  }
  drafts.sort((a, b) => (a.item.createdAt as Date).getTime() - (b.item.createdAt as Date).getTime());
  for (let offset = 0; offset < drafts.length; offset += batch) {
    const part = drafts.slice(offset, offset + batch);
    // RETURNING gives the ids in the order of the VALUES rows.
    const ids = await tx
      .insert(tickets)
      .values(part.map((draft) => draft.ticket))
      .returning({ id: tickets.id });
    await tx
      .insert(ticketEvents)
      .values(
        part.flatMap((draft, index) => draft.events.map((event) => ({ ...event, tenantId, ticketId: ids[index].id }))),
      );
    await tx.insert(consumerFeedback).values(part.map((draft, index) => ({ ...draft.item, ticketId: ids[index].id })));
  }
  await recordChanges(
    tx,
    systemActor(tenantId, 'demo'),
    [{ action: 'seed_demo', entity: 'consumer_feedback', after: { items: drafts.length } }],
    now,
  );
  return drafts.length;
}
