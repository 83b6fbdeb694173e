import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { trainingSessions, trainingSignups, trainingTrainers } from '../modules/training/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { beijingDateOf, beijingMidnightOf } from '../platform/time/beijing.ts';
import { createRandom, type Random } from './random.ts';

// 培训 of the demo city, written in bulk (a multi-row statement per table and batch): 15 stores
// designated as 内训师 with their topics; 30 sessions over the year — 26 held (品牌培育大课堂 most
// often, then 经营技能, 法规与诚信经营, 服务), led alternately by a 内训师 and by staff, a third of them
// for the whole city and the others a branch's for its own stores — with their sign-ups (some full,
// with a waitlist; a few cancelled), check-ins (80–95 %, mostly by code), post-tests (most pass) and
// ratings (mostly 4–5 stars); one in progress today, and three to come open for sign-up.
// The training demo store (demoTrainingStoreOf) is confirmed for today's session, not yet checked in,
// and not signed up for those to come: the phone journey signs it up and checks it in.

// The training demo store: 350602100012 if it is in business, else the next active store of 芗城区
// (the other journeys use lower serials).
export const demoTrainingLicence = '350602100012';
export function demoTrainingStoreOf<T extends { licenceNo: string }>(activeStores: readonly T[]): T | undefined {
  return [...activeStores]
    .filter((store) => store.licenceNo.startsWith('350602') && store.licenceNo >= demoTrainingLicence)
    .sort((a, b) => a.licenceNo.localeCompare(b.licenceNo))[0];
}
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Kind = (typeof kinds)[number];
const kinds = ['brand_classroom', 'business_skills', 'brand_classroom', 'law_integrity', 'service'] as const;
const titles: Record<Kind, string[]> = {
  brand_classroom: [
    '品牌培育大课堂：新品卖点与推荐话术',
    '品牌培育大课堂：高端卷烟的陈列与推荐',
    '品牌培育大课堂：细支烟的消费者画像',
    '品牌培育大课堂：节日礼盒的陈列与销售',
  ],
  business_skills: ['经营技能：柜台陈列与动线', '经营技能：进销存与资金周转', '经营技能：会员与复购'],
  law_integrity: [
    '法规与诚信经营：明码标价与真假识别',
    '法规与诚信经营：不向未成年人售烟',
    '法规与诚信经营：许可证管理',
  ],
  service: ['服务：迎客、推荐与售后', '服务：投诉处理与顾客沟通', '服务：数字化工具使用'],
};
const topicPool = ['陈列', '真假识别', '新品推荐', '进销存', '明码标价', '顾客服务', '数字化', '诚信经营'];
const questions = {
  brand_classroom: [
    { text: '新品上柜后，首先应当？', options: ['放在柜台显眼位置并备好卖点', '放进仓库等顾客点名'], answer: 0 },
    { text: '向顾客推荐卷烟时应当？', options: ['先了解顾客的口味与价位', '只推荐利润最高的'], answer: 0 },
    { text: '陈列时同一品牌应当？', options: ['集中陈列、价签对应', '分散摆放'], answer: 0 },
  ],
  business_skills: [
    { text: '订货量应当依据？', options: ['近几周的销量与库存', '随意估计'], answer: 0 },
    { text: '柜台陈列的原则是？', options: ['整齐、醒目、价签对应', '越满越好'], answer: 0 },
    { text: '库存过多会？', options: ['占用资金', '没有影响'], answer: 0 },
  ],
  law_integrity: [
    { text: '卷烟销售应当？', options: ['一货一签、明码标价', '价格随口报'], answer: 0 },
    { text: '遇到未成年人购烟应当？', options: ['拒绝销售', '照常销售'], answer: 0 },
    { text: '真烟的防伪标识在？', options: ['条盒封签与小盒防伪', '烟丝颜色'], answer: 0 },
  ],
  service: [
    { text: '顾客投诉时首先应当？', options: ['耐心倾听、记录问题', '与顾客争辩'], answer: 0 },
    { text: '迎客的第一句话应当？', options: ['主动问好', '不理睬'], answer: 0 },
    { text: '顾客的意见可以通过？', options: ['门户“消费者意见”反馈', '不必理会'], answer: 0 },
  ],
} satisfies Record<Kind, { text: string; options: string[]; answer: number }[]>;
const places = ['市公司三楼培训室', '分公司会议室', '零售客户服务中心', '标杆店现场'];

type Store = { id: number; branchId: number; licenceNo: string };

export async function seedDemoTrainingIn(tx: Executor, tenantId: number, now: Date) {
  const random = createRandom(20_261_224 + tenantId);
  const actor = systemActor(tenantId, 'demo');
  const stores = rowsOf<{ id: number; branch_id: number; licence_no: string }>(
    await tx.execute(sql`
      SELECT id, branch_id, licence_no FROM customers
      WHERE tenant_id = ${tenantId} AND status = 'active' AND branch_id IS NOT NULL ORDER BY id`),
  ).map((row): Store => ({ id: Number(row.id), branchId: Number(row.branch_id), licenceNo: row.licence_no }));
  const staff = rowsOf<{ id: number }>(
    await tx.execute(sql`
      SELECT id FROM users WHERE tenant_id = ${tenantId} AND role IN ('marketing', 'service') AND NOT disabled
      ORDER BY id`),
  ).map((row) => Number(row.id));
  if (stores.length < 60 || staff.length === 0) return;
  const branches = [...new Set(stores.map((store) => store.branchId))].sort((a, b) => a - b);
  const demoStore = demoTrainingStoreOf(stores);

  // 内训师: 15 stores (not the demo stores), two or three topics each, designated over the year.
  const candidates = stores.filter((store) => store.id !== demoStore?.id);
  const trainerIds = new Set<number>();
  while (trainerIds.size < 15) trainerIds.add(random.pick(candidates).id);
  const trainers = [...trainerIds];
  await tx.insert(trainingTrainers).values(
    trainers.map((customerId) => ({
      tenantId,
      customerId,
      topics: pickSome(random, topicPool, random.integer(2, 3)),
      active: true,
      designatedAt: new Date(now.getTime() - random.integer(200, 360) * dayMs),
      designatedBy: null,
    })),
  );

  // 30 sessions: 26 held over the past eleven months, one in progress, three to come.
  const today = beijingDateOf(now);
  const heldDays = Array.from({ length: 26 }, (_, index) => -330 + index * 12 + random.integer(0, 4));
  const plans = [
    ...heldDays.map((offset) => ({ offset, phase: 'held' as const })),
    { offset: 0, phase: 'today' as const },
    ...[5, 12, 20].map((offset) => ({ offset, phase: 'upcoming' as const })),
  ];
  const sessionRows = plans.map((plan, index) => {
    const kind = kinds[index % kinds.length];
    const cityWide = plan.phase !== 'held' || index % 3 === 0;
    const branchId = cityWide ? null : branches[index % branches.length];
    const byStore = index % 2 === 0;
    const day = new Date(beijingMidnightOf(today).getTime() + plan.offset * dayMs);
    const startsAt =
      plan.phase === 'today' ? new Date(now.getTime() - 0.5 * hourMs) : new Date(day.getTime() + 14.5 * hourMs);
    const endsAt = new Date(startsAt.getTime() + (plan.phase === 'today' ? 3 : random.pick([1.5, 2, 2, 3])) * hourMs);
    const capacity = plan.phase === 'today' ? 40 : random.pick([30, 30, 40, 50, 60]);
    return {
      tenantId,
      title: titles[kind][index % titles[kind].length],
      kind,
      description: `${titles[kind][index % titles[kind].length]}。结合本市零售客户的实际案例讲解，课后有简短测试。`,
      branchId,
      trainerUserId: byStore ? null : staff[index % staff.length],
      trainerCustomerId: byStore ? trainers[index % trainers.length] : null,
      place: branchId === null ? places[0] : random.pick(places.slice(1)),
      startsAt,
      endsAt,
      capacity,
      segment: branchId === null ? null : { branchIds: [branchId] },
      signupDeadline: new Date(startsAt.getTime() - dayMs),
      cancelDeadline: new Date(startsAt.getTime() - dayMs / 2),
      checkInSecret: createHash('sha256').update(`demo-training-${tenantId}-${index}`).digest('base64url'),
      questions: questions[kind],
      passPercent: 60,
      status: 'open' as const,
      createdBy: null,
      createdAt: new Date(startsAt.getTime() - random.integer(14, 30) * dayMs),
      updatedAt: new Date(startsAt.getTime() - random.integer(14, 30) * dayMs),
    };
  });
  const created = await tx
    .insert(trainingSessions)
    .values(sessionRows)
    .returning({ id: trainingSessions.id, startsAt: trainingSessions.startsAt });

  // Sign-ups, check-ins, tests and ratings, session by session in memory, then in bulk.
  const signups: (typeof trainingSignups.$inferInsert)[] = [];
  created.forEach((session, index) => {
    const plan = plans[index];
    const row = sessionRows[index];
    const pool = stores.filter(
      (store) =>
        store.id !== demoStore?.id &&
        (row.branchId === null || store.branchId === row.branchId) &&
        store.id !== row.trainerCustomerId,
    );
    const wanted =
      plan.phase === 'upcoming'
        ? Math.round(row.capacity * (0.4 + random.next() * 0.3))
        : Math.round(row.capacity * (0.8 + random.next() * 0.35));
    const chosen = pickSome(random, pool, Math.min(pool.length, wanted));
    if (plan.phase === 'today' && demoStore) chosen.unshift(demoStore);
    const opened = row.createdAt.getTime();
    let confirmed = 0;
    chosen.forEach((store, position) => {
      const signedUpAt = new Date(
        opened + ((position + 1) / (chosen.length + 1)) * (row.signupDeadline.getTime() - opened),
      );
      const isDemo = store.id === demoStore?.id;
      const cancelled = !isDemo && plan.phase !== 'today' && random.next() < 0.05;
      const status = cancelled ? 'cancelled' : confirmed < row.capacity ? 'confirmed' : 'waitlisted';
      if (status === 'confirmed') confirmed += 1;
      const base = {
        tenantId,
        sessionId: session.id,
        customerId: store.id,
        status,
        signedUpAt,
        cancelledAt: cancelled ? new Date(signedUpAt.getTime() + dayMs) : null,
      } as const;
      const attends =
        status === 'confirmed' &&
        !isDemo &&
        (plan.phase === 'held'
          ? random.next() < 0.8 + random.next() * 0.15
          : plan.phase === 'today' && random.next() < 0.3);
      if (!attends) {
        signups.push(base);
        return;
      }
      const checkedInAt = new Date(row.startsAt.getTime() - random.integer(0, 20) * 60_000);
      const byCode = random.next() < 0.88;
      const tested = plan.phase === 'held' && random.next() < 0.9;
      const answers = row.questions.map((question) => (random.next() < 0.82 ? question.answer : 1 - question.answer));
      const right = answers.filter((answer, at) => answer === row.questions[at].answer).length;
      const score = Math.round((right / row.questions.length) * 100);
      const rated = plan.phase === 'held' && random.next() < 0.75;
      signups.push({
        ...base,
        checkedInAt,
        checkInMethod: byCode ? 'code' : 'trainer',
        checkedInBy: byCode ? null : row.trainerUserId,
        testAnswers: tested ? answers : null,
        testScore: tested ? score : null,
        testPassed: tested ? score >= row.passPercent : null,
        testedAt: tested ? new Date(row.endsAt.getTime() - 10 * 60_000) : null,
        rating: rated ? random.pick([5, 5, 5, 4, 4, 4, 4, 3, 2]) : null,
        ratingComment:
          rated && random.next() < 0.2 ? random.pick(['很实用', '案例讲得好', '希望多讲新品', '时间再长一点']) : null,
        ratedAt: rated ? row.endsAt : null,
      });
    });
  });
  for (let start = 0; start < signups.length; start += 1000)
    await tx.insert(trainingSignups).values(signups.slice(start, start + 1000));

  await recordChanges(
    tx,
    actor,
    [
      {
        action: 'seed_demo',
        entity: 'training_session',
        after: { sessions: created.length, signups: signups.length, trainers: trainers.length },
      },
    ],
    now,
  );
}

// `count` distinct items of `items`, drawn at random.
function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && copy.length > 0) chosen.push(copy.splice(random.integer(0, copy.length - 1), 1)[0]);
  return chosen;
}
