import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  closeWaveIn,
  createQuestionnaireIn,
  createWaveIn,
  openWaveIn,
  seedResponsesIn,
  servqualItems,
  surveyWaveStores,
} from '../modules/surveys/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { createRandom, type Random } from './random.ts';

// 需求调研、满意度 in the demo city, through the surveys module's services:
//   · last year's needs questionnaire (2026 年度客户服务需求调查, January): a stratified sample of
//     3,300 stores (in a city of 24,000; 13.75 % of a smaller one), 91 % answered — about 3,000
//     answers; rural stores choose 结算/刷卡服务 far more (≈ 55 % against ≈ 15 % in towns), online
//     orderers 网上订货辅导 less, so the needs summary highlights them;
//   · two satisfaction waves (SERVQUAL, 5 levels; ±3 % at 95 %): May (index ≈ 82, NPS ≈ 25) and
//     November (index ≈ 86, NPS ≈ 37), responsiveness the weakest dimension in both;
//   · one open wave this week: the 2027 needs questionnaire sent to the portal demo retailer's
//     district, a fifth of it already answered — the demo retailer (350602100009) has not, so the
//     portal has a questionnaire to answer.
// Answers are generated in memory and written as array inserts (responses, then their facts).

export const demoPortalLicence = '350602100009';

type Store = {
  id: number;
  managerId: number;
  urbanRural: string;
  orderChannel: string;
  districtCode: string;
  licenceNo: string;
};

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// The needs a store chooses: a base share per item, shifted for rural stores and online orderers.
const needShares: Record<string, { urban: number; rural: number }> = {
  brand_info: { urban: 0.42, rural: 0.35 },
  brand_training: { urban: 0.22, rural: 0.18 },
  sales_analysis: { urban: 0.33, rural: 0.16 },
  business_guidance: { urban: 0.28, rural: 0.3 },
  display: { urban: 0.3, rural: 0.24 },
  store_design: { urban: 0.2, rural: 0.14 },
  fixtures: { urban: 0.16, rural: 0.22 },
  market_info: { urban: 0.38, rural: 0.33 },
  policy_info: { urban: 0.12, rural: 0.15 },
  counterfeit: { urban: 0.14, rural: 0.2 },
  online_ordering: { urban: 0.18, rural: 0.34 },
  settlement: { urban: 0.15, rural: 0.55 },
  staff_training: { urban: 0.12, rural: 0.06 },
  delivery: { urban: 0.24, rural: 0.36 },
  supply_stability: { urban: 0.36, rural: 0.32 },
  scarce_brands: { urban: 0.4, rural: 0.28 },
};

function needsAnswer(random: Random, store: Store): Record<string, unknown> {
  const place = store.urbanRural === 'rural' ? 'rural' : 'urban';
  const chosen: Array<[string, number]> = [];
  for (const [code, shares] of Object.entries(needShares)) {
    let share = shares[place];
    if (code === 'online_ordering' && store.orderChannel === 'online') share *= 0.4;
    if (random.next() < share) chosen.push([code, share * (0.5 + random.next())]);
  }
  if (chosen.length === 0) chosen.push([place === 'rural' ? 'settlement' : 'brand_info', 1]);
  const needs = chosen.map(([code]) => code);
  const data: Record<string, unknown> = { needs };
  if (needs.length > 1) data.urgency = [...chosen].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  return data;
}

// A level 1–5 from the probabilities of 5, 4, 3, 2 (1 takes the rest).
function level(random: Random, p5: number, p4: number, p3: number, p2: number): number {
  const roll = random.next();
  if (roll < p5) return 5;
  if (roll < p5 + p4) return 4;
  if (roll < p5 + p4 + p3) return 3;
  if (roll < p5 + p4 + p3 + p2) return 2;
  return 1;
}

// Perception per dimension: a shift of probability between "5" and "3" (each 0.01 moves the score 0.4).
const dimensionShift: Record<string, number> = {
  tangibles: 0.05,
  reliability: 0.02,
  responsiveness: -0.08,
  assurance: 0.03,
  empathy: -0.02,
};

function satisfactionAnswer(random: Random, later: boolean, store: Store): Record<string, unknown> {
  // Base perception mix: index ≈ 82 (May) and ≈ 86 (November).
  const [b5, b4, b3, b2] = later ? [0.47, 0.41, 0.095, 0.02] : [0.38, 0.43, 0.14, 0.04];
  const rural = store.urbanRural === 'rural' ? -0.02 : 0.01;
  const data: Record<string, unknown> = {};
  let perceptionSum = 0;
  for (const item of servqualItems) {
    data[`${item.id}_e`] = level(random, 0.6, 0.3, 0.08, 0.015);
    const shift = (dimensionShift[item.dimension] ?? 0) + rural;
    const p = level(random, b5 + shift, b4, b3 - shift, b2);
    data[`${item.id}_p`] = p;
    perceptionSum += p;
  }
  const mean = perceptionSum / servqualItems.length;
  data.overall = Math.max(1, Math.min(5, Math.round(mean + (random.next() - 0.5))));
  // NPS: promoters 45 % → 52 %, detractors 20 % → 15 %, leaning on the store's own perception.
  const lean = (mean - 4.1) * 0.15;
  const roll = random.next() - lean;
  const [promoters, passives] = later ? [0.52, 0.33] : [0.45, 0.35];
  data.nps =
    roll < promoters
      ? random.integer(9, 10)
      : roll < promoters + passives
        ? random.integer(7, 8)
        : random.integer(0, 6);
  return data;
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function seedDemoSurveysIn(tx: Executor, tenantId: number, now: Date) {
  const actor = systemActor(tenantId, 'demo');
  const random = createRandom(2101);
  const year = Number(now.toISOString().slice(0, 4));
  const stores = new Map(
    rowsOf<{
      id: number;
      manager_id: number;
      urban_rural: string;
      order_channel: string;
      district_code: string;
      licence_no: string;
    }>(
      await tx.execute(sql`
        SELECT id, manager_id, urban_rural, order_channel, district_code, licence_no FROM customers
        WHERE tenant_id = ${tenantId} AND status = 'active'`),
    ).map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        managerId: Number(row.manager_id),
        urbanRural: row.urban_rural,
        orderChannel: row.order_channel,
        districtCode: row.district_code,
        licenceNo: row.licence_no,
      } satisfies Store,
    ]),
  );
  if (stores.size === 0) return;
  const sentTo = async (waveId: string) =>
    rowsOf<{ customer_id: number }>(
      await tx.execute(sql`SELECT customer_id FROM ${surveyWaveStores} WHERE wave_id = ${waveId} ORDER BY customer_id`),
    )
      .map((row) => stores.get(Number(row.customer_id)))
      .filter((store): store is Store => store !== undefined);
  const answerWave = async (
    waveId: string,
    rate: number,
    opensOn: string,
    days: number,
    answer: (store: Store) => Record<string, unknown>,
    skip?: (store: Store) => boolean,
  ) => {
    const answers = (await sentTo(waveId))
      .filter((store) => !skip?.(store) && random.next() < rate)
      .map((store) => {
        const visit = random.next() < 0.3;
        const submittedAt = new Date(at(opensOn, 9).getTime() + Math.floor(random.next() * days * 86_400_000));
        return {
          customerId: store.id,
          channel: visit ? ('visit' as const) : ('portal' as const),
          answeredBy: visit ? store.managerId : null,
          data: answer(store),
          submittedAt: submittedAt > now ? now : submittedAt,
        };
      });
    await seedResponsesIn(tx, actor, waveId, answers, now);
    return answers.length;
  };

  // Last year's (this year's January) needs questionnaire.
  const needsId = await createQuestionnaireIn(
    tx,
    actor,
    { templateKind: 'needs', title: `${year} 年度客户服务需求调查` },
    at(`${year}-01-04`, 10),
  );
  const population = stores.size;
  const needsWave = await createWaveIn(
    tx,
    actor,
    {
      questionnaireId: needsId,
      title: `${year} 年度客户服务需求调查`,
      opensOn: `${year}-01-05`,
      closesOn: `${year}-01-31`,
      target: {
        kind: 'sample',
        segment: {},
        marginOfError: 0.02,
        confidence: 0.95,
        seed: `needs-${year}`,
        sampleSize: Math.min(population, Math.max(300, Math.round(Math.min(3_300, population * 0.1375)))),
      },
    },
    at(`${year}-01-04`, 10),
  );
  await openWaveIn(tx, actor, needsWave, at(`${year}-01-05`, 9));
  await answerWave(needsWave, 0.91, `${year}-01-05`, 25, (store) => needsAnswer(random, store));
  await closeWaveIn(tx, actor, needsWave, at(`${year}-02-01`, 9));

  // Two satisfaction waves, May and November.
  const satisfactionId = await createQuestionnaireIn(
    tx,
    actor,
    { templateKind: 'satisfaction', title: '零售客户满意度调查（SERVQUAL）' },
    at(`${year}-05-06`, 10),
  );
  for (const [title, opensOn, closesOn, later] of [
    [`${year} 年上半年客户满意度调查`, `${year}-05-11`, `${year}-05-31`, false],
    [`${year} 年下半年客户满意度调查`, `${year}-11-02`, `${year}-11-22`, true],
  ] as const) {
    const wave = await createWaveIn(
      tx,
      actor,
      {
        questionnaireId: satisfactionId,
        title,
        opensOn,
        closesOn,
        target: { kind: 'sample', segment: {}, marginOfError: 0.03, confidence: 0.95, seed: title },
      },
      at(opensOn, 8),
    );
    await openWaveIn(tx, actor, wave, at(opensOn, 9));
    await answerWave(wave, 0.88, opensOn, 20, (store) => satisfactionAnswer(random, later, store));
    await closeWaveIn(tx, actor, wave, at(closesOn, 23));
  }

  // This week's open wave: next year's needs questionnaire, in the portal demo retailer's district.
  const portalStore = [...stores.values()].find((store) => store.licenceNo === demoPortalLicence);
  const district = portalStore?.districtCode ?? [...stores.values()][0]?.districtCode;
  if (!district) return;
  const monday = new Date(now.getTime() + 8 * 3_600_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const opensOn = monday.toISOString().slice(0, 10);
  const nextNeedsId = await createQuestionnaireIn(
    tx,
    actor,
    { templateKind: 'needs', title: `${year + 1} 年度客户服务需求调查` },
    at(opensOn, 8),
  );
  const openWave = await createWaveIn(
    tx,
    actor,
    {
      questionnaireId: nextNeedsId,
      title: `${year + 1} 年度客户服务需求调查（试点区县）`,
      opensOn,
      closesOn: `${year + 1}-01-15`,
      target: { kind: 'segment', segment: { districtCodes: [district] } },
    },
    at(opensOn, 8),
  );
  await openWaveIn(tx, actor, openWave, at(opensOn, 9));
  const days = Math.max(0.2, (now.getTime() - at(opensOn, 9).getTime()) / 86_400_000);
  await answerWave(
    openWave,
    0.2,
    opensOn,
    days,
    (store) => needsAnswer(random, store),
    (store) => store.licenceNo === demoPortalLicence,
  );
}
