import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../db/array-literal.ts';
import type { Executor } from '../db/client.ts';
import {
  type ContestCriterion,
  decideOutcome,
  evaluateInspection,
  nextAuditOn,
  rankEntries,
  reInspectionDueOn,
  type TierStandard,
  tiersOf,
} from '../modules/terminals/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { beijingDateOf, beijingMidnightOf } from '../platform/time/beijing.ts';
import { addDays } from '../platform/time/weeks.ts';
import { drawDisplayPhoto } from './demo-photos.ts';
import { demoPortalLicence } from './demo-surveys.ts';
import { createRandom, type Random } from './random.ts';

// 终端建设 of the demo city, written in bulk (a statement per table and batch, no row-by-row
// inserts: ≤ 10 s for the 24,000-store city), its rows made by the module's own rules so every page
// reads them as the use cases would have left them:
//   · tiers: the four defaults (tiersOf seeds them);
//   · ~2 % of the active stores hold a tier, each with its 申报 (applied, reviewed by the store's
//     manager, approved by the marketing centre) and the inspections since — the first (awarded),
//     re-inspections (renewed), ~12 % of re-inspections left overdue, a few failed ones that
//     downgraded the store (or took its tier away), each with 3 photos; ~0.4 % of stores have an
//     open or rejected application;
//   · ~0.2 fixtures a store (≈ 4,800): the benchmark stores' tier fixtures and others, issued,
//     moved, returned or written off, audited every 6 months — some audits overdue, some fixtures
//     at closed stores (to recover);
//   · 陈列创意大赛: last season's contest, judged by three judges and published (its booklet is
//     written on download), and this season's, open for entries.
// manager01's stores have some of each. The portal's demo store (demoPortalLicence) is left
// without a tier, an application or an entry in the open contest, so it can apply and enter.

const hourMs = 3_600_000;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Store = {
  id: number;
  status: string;
  managerId: number | null;
  orgPath: string;
  licenceNo: string;
  retailerId: number | null;
};

type Staff = { id: number; role: string; username: string; displayName: string };

type Tier = TierStandard & { id: number; reinspectionMonths: number; fixtures: string[] };

// 烟柜、烟架、烟套、招牌、数字屏: the tiers' fixtures by name, the register's types, tag codes and values.
const fixtureKinds = {
  cabinet: { name: '烟柜', code: 'YG', valueYuan: 3200, models: ['立式玻璃烟柜 1.2m', '卧式烟柜 1.5m'] },
  rack: { name: '烟架', code: 'YJ', valueYuan: 800, models: ['背柜烟架 6 层', '挂壁烟架'] },
  cover: { name: '烟套', code: 'YT', valueYuan: 60, models: ['亚克力烟套'] },
  signboard: { name: '招牌', code: 'ZP', valueYuan: 1500, models: ['统一门头招牌'] },
  screen: { name: '数字屏', code: 'SP', valueYuan: 2800, models: ['32 寸数字屏'] },
} as const;
type FixtureType = keyof typeof fixtureKinds;
const typeOfName = new Map(
  Object.entries(fixtureKinds).map(([type, kind]) => [kind.name as string, type as FixtureType]),
);
const auditIntervalMonths = 6;

export async function seedDemoTerminalsIn(tx: Executor, tenantId: number, now: Date) {
  const random = createRandom(20_261_207 + tenantId);
  const actor = systemActor(tenantId, 'demo');
  const today = beijingDateOf(now);
  const at = (day: string, hour = 10) => new Date(beijingMidnightOf(day).getTime() + hour * hourMs);

  const stores = rowsOf<{
    id: number;
    status: string;
    manager_id: number | null;
    org_path: string;
    licence_no: string;
    retailer_id: number | null;
  }>(
    await tx.execute(sql`
      SELECT c.id, c.status, c.manager_id, c.org_path, c.licence_no, r.id AS retailer_id
      FROM customers c
      LEFT JOIN users r ON r.tenant_id = c.tenant_id AND r.customer_id = c.id AND r.role = 'retailer'
      WHERE c.tenant_id = ${tenantId} ORDER BY c.id`),
  ).map(
    (row): Store => ({
      id: Number(row.id),
      status: row.status,
      managerId: row.manager_id === null ? null : Number(row.manager_id),
      orgPath: row.org_path,
      licenceNo: row.licence_no,
      retailerId: row.retailer_id === null ? null : Number(row.retailer_id),
    }),
  );
  if (stores.length === 0) return;
  const staff = rowsOf<{ id: number; role: string; username: string; display_name: string }>(
    await tx.execute(sql`
      SELECT id, role, username, display_name FROM users
      WHERE tenant_id = ${tenantId} AND role IN ('marketing', 'inspector', 'service', 'manager') ORDER BY id`),
  ).map(
    (row): Staff => ({ id: Number(row.id), role: row.role, username: row.username, displayName: row.display_name }),
  );
  const staffById = new Map(staff.map((person) => [person.id, person]));
  const marketing = staff.find((person) => person.role === 'marketing');
  const inspector = staff.find((person) => person.role === 'inspector') ?? marketing;
  const service = staff.find((person) => person.role === 'service') ?? marketing;
  const firstManager = staff.find((person) => person.role === 'manager');
  if (!marketing || !inspector || !service) return;
  const nameOf = (userId: number | null) => (userId === null ? '系统' : (staffById.get(userId)?.displayName ?? '系统'));

  const tiers: Tier[] = (await tiersOf(tx, actor, now))
    .filter((tier) => tier.active)
    .map((tier) => ({
      id: tier.id,
      name: tier.name,
      rank: tier.rank,
      passScore: Number(tier.passScore),
      items: tier.items,
      reinspectionMonths: tier.reinspectionMonths,
      fixtures: tier.fixtures,
    }));
  const photos = Array.from({ length: 12 }, () => drawDisplayPhoto(random).toString('hex'));
  const files = photoFiles(tx, tenantId, photos);

  const active = stores.filter((store) => store.status === 'active' && store.licenceNo !== demoPortalLicence);
  // manager01's stores first in the draw, so they always have some of everything.
  const own = active.filter((store) => store.managerId === firstManager?.id);
  const benchmarkTarget = Math.max(1, Math.round(stores.length * 0.02));
  const chosen = new Set<number>();
  for (const store of own.slice(0, 6)) chosen.add(store.id);
  while (chosen.size < Math.min(benchmarkTarget, active.length)) chosen.add(random.pick(active).id);
  const byId = new Map(stores.map((store) => [store.id, store]));
  const benchmark = [...chosen].map((id) => byId.get(id) as Store);

  const terminals = await seedTiersAndInspections(tx, {
    tenantId,
    random,
    today,
    at,
    tiers,
    benchmark,
    pending: pickOthers(random, active, chosen, Math.max(4, Math.round(stores.length * 0.004)), own),
    marketing,
    inspector,
    files,
  });
  const fixtures = await seedFixtures(tx, {
    tenantId,
    random,
    today,
    at,
    stores,
    tiers,
    held: terminals.held,
    count: Math.max(10, Math.round(stores.length * 0.2)),
    marketing,
    nameOf,
    own,
    ownClosed: stores.filter((store) => store.managerId === firstManager?.id && store.status !== 'active'),
  });
  const contests = await seedContests(tx, {
    tenantId,
    random,
    today,
    at,
    active,
    own,
    judges: [marketing, inspector, service],
    marketing,
    files,
  });
  await recordChanges(
    tx,
    actor,
    [
      { action: 'seed_demo', entity: 'terminal_award', after: terminals.summary },
      { action: 'seed_demo', entity: 'asset', after: fixtures },
      { action: 'seed_demo', entity: 'contest', after: contests },
    ],
    now,
  );
}

// Stores not among `taken`: manager01's first two, then a draw.
function pickOthers(random: Random, active: Store[], taken: Set<number>, count: number, own: Store[]): Store[] {
  const picked = new Map<number, Store>();
  for (const store of own.filter((candidate) => !taken.has(candidate.id)).slice(0, 2)) picked.set(store.id, store);
  for (let tries = 0; picked.size < Math.min(count, active.length - taken.size) && tries < count * 20; tries += 1) {
    const store = random.pick(active);
    if (!taken.has(store.id)) picked.set(store.id, store);
  }
  return [...picked.values()];
}

// The photos' files: copies of the drawn pool made by the database (the bytes are sent once a
// statement), named as the upload would name them. `add` queues photos and answers the index of the
// first; `write` inserts the queue and answers the ids in queue order.
type PhotoFiles = ReturnType<typeof photoFiles>;

function photoFiles(tx: Executor, tenantId: number, pool: string[]) {
  const rows: Array<{ i: number; name: string; photo: number; at: string }> = [];
  return {
    add(namePrefix: string, count: number, when: Date, random: Random): number {
      const start = rows.length;
      for (let index = 0; index < count; index += 1)
        rows.push({
          i: rows.length,
          name: `${namePrefix}IMG_${String(random.integer(1000, 9999))}.png`,
          photo: random.integer(1, pool.length),
          at: when.toISOString(),
        });
      return start;
    },
    async write(): Promise<number[]> {
      const ids: number[] = [];
      for (let offset = 0; offset < rows.length; offset += 5000) {
        const batch = rows.slice(offset, offset + 5000);
        const result = await tx.execute(sql`
          WITH pool AS (
            SELECT n::int AS n, decode(h, 'hex') AS content
            FROM unnest(${arrayLiteral(pool)}::text[]) WITH ORDINALITY AS p(h, n))
          INSERT INTO files (tenant_id, file_name, content_type, size, content, created_at)
          SELECT ${tenantId}, j.name, 'image/png', length(pool.content), pool.content, j.at
          FROM json_to_recordset(${JSON.stringify(batch)}::json) AS j(i int, name text, photo int, at timestamptz)
          JOIN pool ON pool.n = j.photo
          ORDER BY j.i
          RETURNING id`);
        ids.push(...rowsOf<{ id: number }>(result).map((row) => Number(row.id)));
      }
      rows.length = 0;
      return ids;
    },
  };
}

// INSERT … SELECT FROM json_populate_recordset, in the rows' order (the ids returned follow it).
async function insertRows(
  tx: Executor,
  table: string,
  rows: Record<string, unknown>[],
  returnIds = false,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const list = sql.raw(columns.map((column) => `"${column}"`).join(', '));
  const ids: number[] = [];
  for (let offset = 0; offset < rows.length; offset += 5000) {
    const json = JSON.stringify(rows.slice(offset, offset + 5000));
    const result = await tx.execute(sql`
      INSERT INTO ${sql.raw(table)} (${list})
      SELECT ${list} FROM json_populate_recordset(null::${sql.raw(table)}, ${json}::json) WITH ORDINALITY
      ORDER BY ordinality
      ${returnIds ? sql`RETURNING id` : sql``}`);
    if (returnIds) ids.push(...rowsOf<{ id: number }>(result).map((row) => Number(row.id)));
  }
  return ids;
}

// ---- Tiers: applications, inspections, awards ----

type Clock = { today: string; at: (day: string, hour?: number) => Date };

type InspectionPlan = {
  customerId: number;
  tierId: number;
  application: number | null; // index into the applications
  inspectedBy: number;
  on: string;
  results: ReturnType<typeof evaluateInspection>['results'];
  score: number;
  passScore: number;
  awarded: boolean;
  outcome: string;
  reason: string | null;
  note: string | null;
  photos: number; // index of the first of its 3 photos
};

type AwardPlan = {
  customerId: number;
  tierId: number;
  status: string;
  awardedOn: string;
  dueOn: string;
  inspection: number; // index into the inspections
  application: number | null;
  endedOn: string | null;
  endReason: string | null;
  updatedOn: string;
};

type ApplicationPlan = {
  customerId: number;
  tierId: number;
  status: string;
  source: 'portal' | 'staff';
  note: string | null;
  photos: number;
  photoCount: number;
  submittedBy: number | null;
  submittedOn: string;
  reviewedBy: number | null;
  reviewedOn: string | null;
  reviewNote: string | null;
  decidedBy: number | null;
  decidedOn: string | null;
  decisionNote: string | null;
};

// Results for an inspection against `tier`: every mandatory item passed but `failing`, each scored
// item at least its share of the pass mark (or, for `lowScore`, below it).
function resultsFor(random: Random, tier: Tier, failing: string | null, lowScore: boolean) {
  const maxTotal = tier.items.reduce((sum, item) => sum + item.maxScore, 0);
  const share = tier.passScore / Math.max(1, maxTotal);
  return tier.items.map((item) => {
    const floor = Math.ceil(item.maxScore * share);
    const score =
      item.maxScore === 0
        ? null
        : lowScore
          ? random.integer(Math.floor(item.maxScore * 0.45), Math.max(0, floor - 3))
          : random.integer(floor, item.maxScore);
    return { itemId: item.id, passed: item.id !== failing, score };
  });
}

async function seedTiersAndInspections(
  tx: Executor,
  input: Clock & {
    tenantId: number;
    random: Random;
    tiers: Tier[];
    benchmark: Store[];
    pending: Store[];
    marketing: Staff;
    inspector: Staff;
    files: PhotoFiles;
  },
) {
  const { random, tiers, today, marketing, inspector, files } = input;
  if (tiers.length === 0) return { held: new Map<number, Tier>(), summary: {} };
  const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
  const weights = byRank.map((tier, index) => [tier, [50, 30, 15, 5][index] ?? 5] as const);
  const applications: ApplicationPlan[] = [];
  const inspections: InspectionPlan[] = [];
  const awards: AwardPlan[] = [];
  const held = new Map<number, Tier>();
  const otherTiersOf = (tier: Tier) => tiers.filter((other) => other.id !== tier.id);

  const inspect = (
    store: Store,
    tier: Tier,
    on: string,
    plan: { failing?: string | null; lowScore?: boolean; heldTierId: number | null; application: number | null },
  ) => {
    const inspectedBy = random.next() < 0.7 && store.managerId !== null ? store.managerId : inspector.id;
    const results = resultsFor(random, tier, plan.failing ?? null, plan.lowScore ?? false);
    const evaluation = evaluateInspection(tier, results, 3);
    const applicationStatus = plan.application === null ? null : ('approved' as const);
    const outcome = decideOutcome({
      tier,
      evaluation,
      heldTierId: plan.heldTierId,
      applicationStatus,
      otherTiers: otherTiersOf(tier),
      note: evaluation.awarded ? null : '复查时陈列与设施未保持标准',
    });
    const photos = files.add(`terminals/u${inspectedBy}/`, 3, input.at(on, 11), random);
    inspections.push({
      customerId: store.id,
      tierId: tier.id,
      application: plan.application,
      inspectedBy,
      on,
      results: evaluation.results,
      score: evaluation.score,
      passScore: evaluation.passScore,
      awarded: evaluation.awarded,
      outcome: outcome.kind,
      reason: 'reason' in outcome ? outcome.reason : null,
      note: evaluation.awarded ? null : '复查时陈列与设施未保持标准',
      photos,
    });
    return { index: inspections.length - 1, outcome };
  };

  const apply = (store: Store, tier: Tier, submittedOn: string, status: string) => {
    const portal = store.retailerId !== null && random.next() < 0.6;
    const photoCount = random.integer(1, 2);
    const photos = files.add(
      portal ? `terminals/c${store.id}/` : `terminals/u${store.managerId ?? marketing.id}/`,
      photoCount,
      input.at(submittedOn, 9),
      random,
    );
    const reviewed = status !== 'submitted';
    const decided = status === 'approved' || status === 'awarded' || (status === 'rejected' && random.next() < 0.5);
    const rejectedAtReview = status === 'rejected' && !decided;
    const reviewedOn = reviewed ? addDays(submittedOn, random.integer(2, 6)) : null;
    const decidedOn = decided && reviewedOn ? addDays(reviewedOn, random.integer(2, 8)) : null;
    applications.push({
      customerId: store.id,
      tierId: tier.id,
      status,
      source: portal ? 'portal' : 'staff',
      note: random.pick(['门店已按标准改造，申请验收', '新装烟柜烟架，申请评定', '店面扩大，陈列升级', null]),
      photos,
      photoCount,
      submittedBy: portal ? store.retailerId : store.managerId,
      submittedOn,
      reviewedBy: reviewed ? store.managerId : null,
      reviewedOn,
      reviewNote: reviewed ? (rejectedAtReview ? '门店面积不足，暂不推荐' : '已现场查看，同意上报') : null,
      decidedBy: decided ? marketing.id : null,
      decidedOn,
      decisionNote: decided ? (status === 'rejected' ? '本年度名额已满，明年再报' : '同意，安排验收') : null,
    });
    return applications.length - 1;
  };

  let downgraded = 0;
  let removed = 0;
  let overdue = 0;
  input.benchmark.forEach((store, position) => {
    // The first is a 示范店 (or above) that fails to a lower tier; the second may lose its tier.
    let tier = position === 0 ? (byRank[1] ?? byRank[0]) : random.weighted(weights);
    // A few stores lose their tier at a re-inspection: the first two of manager01's, then ~8 %.
    const fails = position < 2 || random.next() < 0.08;
    let awardedOn = addDays(today, -random.integer(fails ? 400 : 20, 600));
    const submittedOn = addDays(awardedOn, -random.integer(25, 45));
    const application = apply(store, tier, submittedOn, 'awarded');
    const first = inspect(store, tier, awardedOn, { heldTierId: null, application });
    let award: AwardPlan = {
      customerId: store.id,
      tierId: tier.id,
      status: 'active',
      awardedOn,
      dueOn: reInspectionDueOn(awardedOn, tier.reinspectionMonths),
      inspection: first.index,
      application,
      endedOn: null,
      endReason: null,
      updatedOn: awardedOn,
    };
    for (;;) {
      if (award.dueOn >= today) break;
      // ~12 % of the re-inspections due are not done yet: overdue.
      if (!fails && random.next() < 0.12) {
        overdue += 1;
        break;
      }
      const on = addDays(award.dueOn, -random.integer(0, 14));
      if (on <= award.awardedOn || on > today) break;
      if (fails) {
        // The item only this tier asks for fails (the store still meets the tier below), or, for
        // the lowest tier, the score falls short.
        const lower = byRank.filter((other) => other.rank < tier.rank).at(-1);
        const lowerItems = new Set(lower?.items.map((item) => item.id) ?? []);
        const failing = tier.items.find((item) => item.mandatory && !lowerItems.has(item.id))?.id ?? null;
        const failed = inspect(store, tier, on, {
          heldTierId: tier.id,
          application: null,
          failing: lower ? failing : null,
          lowScore: !lower,
        });
        awards.push({
          ...award,
          status: failed.outcome.kind === 'downgraded' ? 'downgraded' : 'removed',
          endedOn: on,
          endReason: 'reason' in failed.outcome ? failed.outcome.reason : null,
          updatedOn: on,
        });
        if (failed.outcome.kind === 'downgraded') {
          downgraded += 1;
          const toTierId = failed.outcome.toTierId;
          tier = tiers.find((other) => other.id === toTierId) as Tier;
          awardedOn = on;
          award = {
            customerId: store.id,
            tierId: tier.id,
            status: 'active',
            awardedOn: on,
            dueOn: reInspectionDueOn(on, tier.reinspectionMonths),
            inspection: failed.index,
            application: null,
            endedOn: null,
            endReason: null,
            updatedOn: on,
          };
          if (award.dueOn < today) overdue += 1;
        } else {
          removed += 1;
          return;
        }
        break;
      }
      const renewed = inspect(store, tier, on, { heldTierId: tier.id, application: null });
      award = {
        ...award,
        dueOn: reInspectionDueOn(on, tier.reinspectionMonths),
        inspection: renewed.index,
        updatedOn: on,
      };
    }
    awards.push(award);
    held.set(store.id, tier);
  });

  // Applications still open (submitted, reviewed, approved — some approved ones failed their first
  // inspection) and a few rejected.
  input.pending.forEach((store, position) => {
    const tier = random.weighted(weights);
    const status =
      position === 0
        ? 'submitted'
        : position === 1
          ? 'reviewed'
          : random.weighted([
              ['submitted', 40],
              ['reviewed', 30],
              ['approved', 20],
              ['rejected', 10],
            ] as const);
    const submittedOn = addDays(today, -random.integer(status === 'submitted' ? 1 : 12, 40));
    const application = apply(store, tier, submittedOn, status);
    const decidedOn = applications[application].decidedOn;
    if (status === 'approved' && decidedOn && random.next() < 0.3) {
      const on = addDays(decidedOn, random.integer(1, 5));
      if (on < today) inspect(store, tier, on, { heldTierId: null, application, lowScore: true });
    }
  });

  const fileIds = await files.write();
  const photoIdsOf = (start: number, count: number) => fileIds.slice(start, start + count);
  const applicationIds = await insertRows(
    tx,
    'terminal_applications',
    applications.map((row) => ({
      tenant_id: input.tenantId,
      customer_id: row.customerId,
      tier_id: row.tierId,
      status: row.status,
      source: row.source,
      note: row.note,
      photo_ids: photoIdsOf(row.photos, row.photoCount),
      submitted_by: row.submittedBy,
      reviewed_by: row.reviewedBy,
      reviewed_at: row.reviewedOn ? input.at(row.reviewedOn, 15) : null,
      review_note: row.reviewNote,
      decided_by: row.decidedBy,
      decided_at: row.decidedOn ? input.at(row.decidedOn, 16) : null,
      decision_note: row.decisionNote,
      created_at: input.at(row.submittedOn, 9),
      updated_at: input.at(row.decidedOn ?? row.reviewedOn ?? row.submittedOn, 16),
    })),
    true,
  );
  const inspectionIds = await insertRows(
    tx,
    'terminal_inspections',
    inspections.map((row) => ({
      tenant_id: input.tenantId,
      customer_id: row.customerId,
      tier_id: row.tierId,
      application_id: row.application === null ? null : applicationIds[row.application],
      inspected_by: row.inspectedBy,
      inspected_at: input.at(row.on, 11),
      results: row.results,
      score: row.score,
      pass_score: row.passScore,
      awarded: row.awarded,
      outcome: row.outcome,
      reason: row.reason,
      note: row.note,
      photo_ids: photoIdsOf(row.photos, 3),
    })),
    true,
  );
  await insertRows(
    tx,
    'terminal_awards',
    awards.map((row) => ({
      tenant_id: input.tenantId,
      customer_id: row.customerId,
      tier_id: row.tierId,
      status: row.status,
      awarded_on: row.awardedOn,
      due_on: row.dueOn,
      inspection_id: inspectionIds[row.inspection],
      application_id: row.application === null ? null : applicationIds[row.application],
      ended_on: row.endedOn,
      end_reason: row.endReason,
      created_at: input.at(row.awardedOn, 12),
      updated_at: input.at(row.updatedOn, 12),
    })),
  );
  return {
    held,
    summary: {
      stores: held.size,
      applications: applications.length,
      inspections: inspections.length,
      downgraded,
      removed,
      reInspectionsOverdue: overdue,
    },
  };
}

// ---- Fixtures (资产台账) ----

type EventPlan = {
  kind: string;
  from: number | null;
  to: number | null;
  condition: string | null;
  note: string | null;
  actorId: number | null;
  on: string;
};

async function seedFixtures(
  tx: Executor,
  input: Clock & {
    tenantId: number;
    random: Random;
    stores: Store[];
    tiers: Tier[];
    held: Map<number, Tier>;
    count: number;
    marketing: Staff;
    nameOf: (userId: number | null) => string;
    own: Store[];
    ownClosed: Store[];
  },
) {
  const { random, today, stores, marketing } = input;
  const byId = new Map(stores.map((store) => [store.id, store]));
  const branchPaths = [...new Set(stores.map((store) => store.orgPath))];
  type Plan = {
    type: FixtureType;
    holder: Store | null;
    orgPath: string;
    status: 'issued' | 'in_stock' | 'written_off';
    since: string;
    events: EventPlan[];
    writeOffReason: string | null;
  };
  const plans: Plan[] = [];
  const conditionOf = (store: Store | null) =>
    store && store.status !== 'active'
      ? random.weighted([
          ['fair', 50],
          ['damaged', 30],
          ['missing', 20],
        ] as const)
      : random.weighted([
          ['good', 80],
          ['fair', 16],
          ['damaged', 4],
        ] as const);

  // Issued to `store` on `since`, audited every 6 months (± 3 weeks) since, the last audit due
  // skipped for ~12 % (overdue) and for stores that have closed.
  const issue = (
    store: Store,
    since: string,
    options: { previous?: Store; until?: string; overdue?: boolean } = {},
  ) => {
    const { previous, until = today } = options;
    const registered = addDays(since, -random.integer(3, 30));
    const events: EventPlan[] = [
      { kind: 'register', from: null, to: null, condition: 'good', note: null, actorId: marketing.id, on: registered },
    ];
    if (previous) {
      const first = addDays(registered, 1);
      events.push({
        kind: 'issue',
        from: null,
        to: previous.id,
        condition: null,
        note: null,
        actorId: marketing.id,
        on: first,
      });
      events.push({
        kind: 'transfer',
        from: previous.id,
        to: store.id,
        condition: null,
        note: '原门店停用，调拨至本店',
        actorId: store.managerId,
        on: since,
      });
    } else {
      events.push({
        kind: 'issue',
        from: null,
        to: store.id,
        condition: null,
        note: null,
        actorId: marketing.id,
        on: since,
      });
    }
    const skipsLast = options.overdue || store.status !== 'active' || random.next() < 0.12;
    let last = since;
    for (;;) {
      const due = nextAuditOn(last, auditIntervalMonths);
      const on = addDays(due, -random.integer(0, 21));
      if (on > until || (skipsLast && nextAuditOn(on, auditIntervalMonths) >= until)) break;
      events.push({
        kind: 'audit',
        from: null,
        to: null,
        condition: conditionOf(null),
        note: null,
        actorId: store.managerId,
        on,
      });
      last = on;
    }
    return events;
  };

  // The benchmark stores' tier fixtures, issued when they were awarded (about).
  for (const [customerId, tier] of input.held) {
    const store = byId.get(customerId) as Store;
    for (const name of tier.fixtures) {
      const type = typeOfName.get(name);
      if (!type) continue;
      const since = addDays(today, -random.integer(30, 700));
      plans.push({
        type,
        holder: store,
        orgPath: store.orgPath,
        status: 'issued',
        since,
        events: issue(store, since),
        writeOffReason: null,
      });
    }
  }
  // manager01 has a fixture overdue for its audit, and one at each closed store (to recover).
  const [ownStore] = input.own;
  if (ownStore) {
    const since = addDays(today, -random.integer(400, 700));
    plans.push({
      type: 'rack',
      holder: ownStore,
      orgPath: ownStore.orgPath,
      status: 'issued',
      since,
      events: issue(ownStore, since, { overdue: true }),
      writeOffReason: null,
    });
  }
  for (const store of input.ownClosed) {
    const since = addDays(today, -random.integer(200, 900));
    plans.push({
      type: 'cabinet',
      holder: store,
      orgPath: store.orgPath,
      status: 'issued',
      since,
      events: issue(store, since),
      writeOffReason: null,
    });
  }
  const typeWeights = [
    ['rack', 35],
    ['cabinet', 25],
    ['cover', 25],
    ['signboard', 10],
    ['screen', 5],
  ] as const;
  while (plans.length < input.count) {
    const type = random.weighted(typeWeights);
    const roll = random.next();
    const since = addDays(today, -random.integer(10, 1000));
    if (roll < 0.8) {
      const store = random.pick(stores);
      const previous = random.next() < 0.06 ? random.pick(stores) : undefined;
      plans.push({
        type,
        holder: store,
        orgPath: store.orgPath,
        status: 'issued',
        since,
        events: issue(store, since, { previous: previous?.id === store.id ? undefined : previous }),
        writeOffReason: null,
      });
    } else if (roll < 0.93) {
      // In a branch's store room: never issued, or returned by a store.
      const orgPath = random.pick(branchPaths);
      const returnedOn = addDays(since, random.integer(30, 400));
      const store = random.next() < 0.5 && returnedOn < today ? random.pick(stores) : null;
      const events: EventPlan[] = store
        ? [
            ...issue(store, since, { until: returnedOn }),
            {
              kind: 'return',
              from: store.id,
              to: null,
              condition: 'fair',
              note: '门店装修，设施退回',
              actorId: store.managerId,
              on: returnedOn,
            },
          ]
        : [{ kind: 'register', from: null, to: null, condition: 'good', note: null, actorId: marketing.id, on: since }];
      plans.push({
        type,
        holder: null,
        orgPath: store?.orgPath ?? orgPath,
        status: 'in_stock',
        since,
        events,
        writeOffReason: null,
      });
    } else {
      const store = random.pick(stores);
      const writtenOffOn = [addDays(since, random.integer(60, 700)), addDays(today, -1)].sort()[0];
      const reason = random.pick(['损坏无法修复', '门店遗失，已按规定赔偿', '超过使用年限报废']);
      const events = [
        ...issue(store, since, { until: writtenOffOn }),
        {
          kind: 'write_off',
          from: store.id,
          to: null,
          condition: 'damaged',
          note: reason,
          actorId: marketing.id,
          on: writtenOffOn,
        },
      ];
      plans.push({
        type,
        holder: null,
        orgPath: store.orgPath,
        status: 'written_off',
        since,
        events,
        writeOffReason: reason,
      });
    }
  }

  // Events in time order; the fixture's row is what they leave.
  let auditsOverdue = 0;
  let forRecovery = 0;
  const rows = plans.map((plan, index) => {
    const events = plan.events
      .filter((event) => event.on <= today)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    plan.events = events;
    const audits = events.filter((event) => event.kind === 'audit');
    const lastAudit = audits.at(-1);
    const lastCondition = events.filter((event) => event.kind !== 'register' && event.condition).at(-1)?.condition;
    const kind = fixtureKinds[plan.type];
    const issued = plan.status === 'issued';
    const lastAuditedOn = lastAudit?.on ?? null;
    const next = issued ? nextAuditOn(lastAuditedOn ?? plan.since, auditIntervalMonths) : null;
    if (next !== null && next < today) auditsOverdue += 1;
    if (issued && plan.holder && plan.holder.status !== 'active') forRecovery += 1;
    const created = events[0]?.on ?? plan.since;
    return {
      tenant_id: input.tenantId,
      tag: `${kind.code}-${created.slice(0, 4)}-${String(index + 1).padStart(6, '0')}`,
      type: plan.type,
      model: random.pick(kind.models),
      value_yuan: kind.valueYuan,
      status: plan.status,
      customer_id: issued ? (plan.holder?.id ?? null) : null,
      held_since: issued ? plan.since : null,
      org_path: plan.orgPath,
      condition: lastCondition ?? 'good',
      last_audited_on: lastAuditedOn,
      next_audit_on: next,
      audit_interval_months: auditIntervalMonths,
      write_off_reason: plan.writeOffReason,
      note: null,
      created_at: input.at(created, 9),
      updated_at: input.at(events.at(-1)?.on ?? created, 17),
    };
  });
  const ids = await insertRows(tx, 'assets', rows, true);
  const events = plans.flatMap((plan, index) =>
    plan.events.map((event) => ({
      tenant_id: input.tenantId,
      asset_id: ids[index],
      kind: event.kind,
      from_customer_id: event.from,
      to_customer_id: event.to,
      condition: event.condition,
      visit_id: null,
      photo_id: null,
      note: event.note,
      actor_id: event.actorId,
      actor_name: input.nameOf(event.actorId),
      occurred_at: input.at(event.on, event.kind === 'audit' ? 14 : 10),
    })),
  );
  await insertRows(tx, 'asset_events', events);
  return { fixtures: rows.length, events: events.length, auditsOverdue, forRecovery };
}

// ---- 陈列创意大赛 ----

const contestCriteria: ContestCriterion[] = [
  { key: 'creativity', label: '创意与主题', weight: 40, maxScore: 10 },
  { key: 'display', label: '陈列规范', weight: 30, maxScore: 10 },
  { key: 'brand', label: '品牌呈现', weight: 20, maxScore: 10 },
  { key: 'tidy', label: '整洁美观', weight: 10, maxScore: 10 },
];
const entryTitles = [
  '闽南红砖厝里的烟柜',
  '四季陈列 · 春',
  '一柜一景',
  '小店也有大排面',
  '茶与烟的相遇',
  '渔港晨光',
  '整齐划一，一目了然',
  '品牌墙的故事',
  '老街新颜',
  '灯光下的烟柜',
];
const comments = [
  '主题鲜明，陈列整齐，品牌呈现突出。',
  '创意新颖，结合地方特色，值得推广。',
  '陈列规范，价签齐全，整洁度好。',
  '色彩搭配协调，重点品牌位置醒目。',
  '空间利用巧妙，小店陈出了大效果。',
];

// "2026年秋季": a contest named by the season it starts in.
function seasonOf(day: string): string {
  const month = Number(day.slice(5, 7));
  const season =
    month >= 3 && month <= 5 ? '春季' : month >= 6 && month <= 8 ? '夏季' : month >= 9 && month <= 11 ? '秋季' : '冬季';
  return `${day.slice(0, 4)}年${season}`;
}

async function seedContests(
  tx: Executor,
  input: Clock & {
    tenantId: number;
    random: Random;
    active: Store[];
    own: Store[];
    judges: Staff[];
    marketing: Staff;
    files: PhotoFiles;
  },
) {
  const { random, today, marketing, files } = input;
  const judges = [...new Map(input.judges.map((judge) => [judge.id, judge])).values()];
  const pickStores = (count: number) => {
    const picked = new Map<number, Store>();
    for (const store of input.own.slice(0, 2)) picked.set(store.id, store);
    for (let tries = 0; picked.size < Math.min(count, input.active.length) && tries < count * 20; tries += 1) {
      const store = random.pick(input.active);
      picked.set(store.id, store);
    }
    return [...picked.values()];
  };
  const finishedStart = addDays(today, -120);
  const finished = {
    title: `${seasonOf(finishedStart)}卷烟陈列创意大赛`,
    startsOn: finishedStart,
    entryDeadline: addDays(today, -75),
    endsOn: addDays(today, -60),
    publishedOn: addDays(today, -55),
  };
  const openStart = addDays(today, -10);
  const open = {
    title: `${seasonOf(openStart)}陈列创意大赛`,
    startsOn: openStart,
    entryDeadline: addDays(today, 20),
    endsOn: addDays(today, 35),
  };
  const rules =
    '全市持证零售户均可报名，每店限投一件作品；作品为本店卷烟陈列实景照片（1–4 张）及简要说明；' +
    '评委按评分标准独立打分，取评委总分的平均分排名，前十名获奖，获奖作品汇编成册发至各门店。';
  const [finishedId, openId] = await insertRows(
    tx,
    'contests',
    [
      {
        tenant_id: input.tenantId,
        title: finished.title,
        rules,
        starts_on: finished.startsOn,
        entry_deadline: finished.entryDeadline,
        ends_on: finished.endsOn,
        criteria: contestCriteria,
        winner_count: 10,
        status: 'open',
        ranking: null,
        published_at: null,
        published_by: null,
        created_by: marketing.id,
        created_at: input.at(addDays(finished.startsOn, -7)),
        updated_at: input.at(addDays(finished.startsOn, -7)),
      },
      {
        tenant_id: input.tenantId,
        title: open.title,
        rules,
        starts_on: open.startsOn,
        entry_deadline: open.entryDeadline,
        ends_on: open.endsOn,
        criteria: contestCriteria,
        winner_count: 10,
        status: 'open',
        ranking: null,
        published_at: null,
        published_by: null,
        created_by: marketing.id,
        created_at: input.at(addDays(open.startsOn, -3)),
        updated_at: input.at(addDays(open.startsOn, -3)),
      },
    ],
    true,
  );
  await insertRows(
    tx,
    'contest_judges',
    [finishedId, openId].flatMap((contestId) =>
      judges.map((judge) => ({ tenant_id: input.tenantId, contest_id: contestId, user_id: judge.id })),
    ),
  );

  // Entries: 40 in the finished contest, 12 so far in the open one; each with 1–3 photos.
  type Entry = {
    contestId: number;
    store: Store;
    title: string;
    submittedAt: Date;
    photos: number;
    photoCount: number;
    by: number;
  };
  const entries: Entry[] = [];
  const enter = (contestId: number, stores: Store[], from: string, days: number) => {
    for (const store of stores) {
      const submittedAt = input.at(addDays(from, random.integer(0, days)), random.integer(8, 20));
      const by = store.retailerId ?? store.managerId ?? marketing.id;
      const photoCount = random.integer(1, 3);
      entries.push({
        contestId,
        store,
        title: random.pick(entryTitles),
        submittedAt,
        photos: files.add('', photoCount, submittedAt, random),
        photoCount,
        by,
      });
    }
  };
  enter(finishedId, pickStores(40), finished.startsOn, 44);
  enter(openId, pickStores(12).slice(2), open.startsOn, 9);
  const fileIds = await files.write();
  const entryIds = await insertRows(
    tx,
    'contest_entries',
    entries.map((entry) => ({
      tenant_id: input.tenantId,
      contest_id: entry.contestId,
      customer_id: entry.store.id,
      title: entry.title,
      description: '以主题陈列展示重点品牌，柜面整洁、价签齐全。',
      submitted_by: entry.by,
      submitted_at: entry.submittedAt.toISOString(),
    })),
    true,
  );
  await insertRows(
    tx,
    'contest_photos',
    entries.flatMap((entry, index) =>
      Array.from({ length: entry.photoCount }, (_, position) => ({
        tenant_id: input.tenantId,
        uploaded_by: entry.by,
        file_id: fileIds[entry.photos + position],
        entry_id: entryIds[index],
        position,
      })),
    ),
  );

  // The finished contest's scores: each judge scores each entry once, around the entry's quality.
  const scored = entries
    .map((entry, index) => ({ entry, id: entryIds[index] }))
    .filter(({ entry }) => entry.contestId === finishedId);
  const scores = scored.flatMap(({ entry, id }) => {
    const quality = random.integer(5, 9);
    return judges.map((judge) => ({
      tenant_id: input.tenantId,
      contest_id: finishedId,
      entry_id: id,
      judge_id: judge.id,
      scores: Object.fromEntries(
        contestCriteria.map((criterion) => [criterion.key, Math.min(10, Math.max(1, quality + random.integer(-1, 1)))]),
      ),
      comment: random.next() < 0.7 ? random.pick(comments) : null,
      scored_at: input.at(addDays(finished.entryDeadline, random.integer(2, 12)), 15).toISOString(),
      submittedAt: entry.submittedAt.toISOString(),
    }));
  });
  // The ranking as publishContest computes it from the stored scores (entries by id, judges by id).
  const ranking = rankEntries(
    contestCriteria,
    scored.map(({ entry, id }) => ({
      entryId: id,
      submittedAt: entry.submittedAt.toISOString(),
      scores: scores
        .filter((score) => score.entry_id === id)
        .sort((a, b) => a.judge_id - b.judge_id)
        .map((score) => score.scores),
    })),
  );
  await insertRows(
    tx,
    'contest_scores',
    scores.map(({ submittedAt: _submittedAt, ...score }) => score),
  );
  await tx.execute(sql`
    UPDATE contests SET status = 'published', ranking = ${JSON.stringify(ranking)}::jsonb,
      published_at = ${input.at(finished.publishedOn).toISOString()}, published_by = ${marketing.id},
      updated_at = ${input.at(finished.publishedOn).toISOString()}
    WHERE tenant_id = ${input.tenantId} AND id = ${finishedId}`);
  return { contests: 2, entries: entries.length, scores: scores.length, published: finishedId, open: openId };
}
