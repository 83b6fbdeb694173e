import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkRunApproval, diffByBranch, nextVersion } from '../../platform/runs/run-lifecycle.rules.ts';
import { addDays, mondayOf } from '../../platform/time/weeks.ts';
import type { CustomerClass, DemoType } from '../customers/index.ts';
import {
  applyRun,
  assessSpotCheckItem,
  branchesInScope,
  branchesOfRun,
  classesOfRun,
  closedWeeksToSummarise,
  currentDistributionRows,
  type FactRow,
  findProposal,
  findProposals,
  findScopedStore,
  getRuleSet,
  getRun,
  getSpotCheck,
  historyOf,
  insertHistory,
  insertProposals,
  insertRuleSet,
  insertRun,
  insertSpotCheck,
  insertSpotCheckItems,
  latestAppliedProposal,
  latestRuleSetVersion,
  latestRunId,
  listRuleSets,
  listRuns,
  listSpotChecks,
  markRunApplied,
  type ProposalFilter,
  type ProposalRow,
  type RuleSetRow,
  type RunRow,
  recordSpecialInBulk,
  runDiff,
  runDistributionRows,
  setOverride,
  settleDueClasses,
  spotCheckItemsOf,
  storeFacts,
  summariseWeeks,
  tenantsWithDueClasses,
} from './classification.repository.ts';
import {
  checkRuleSet,
  type Decision,
  dateOf,
  decide,
  distributionOf,
  type IndicatorKey,
  indicatorKeys,
  indicatorsOf,
  type RuleSetDefinition,
  type StoreFacts,
  spotCheckStats,
  stratifiedSample,
} from './classification.rules.ts';
import { indicatorSources } from './indicator-sources.ts';

// 客户分类 use cases: rule sets (versioned), preview, runs (propose → override → approve → apply),
// the hand-set special class, the distribution report, a store's class history and why, 抽查.

export const periodWeeks = 13;
const halfWeeks = 6;

// ---- Computing ----

type Computed = { facts: FactRow[]; indicators: ReturnType<typeof indicatorsOf>; unmeasured: Set<IndicatorKey> };

function periodOf(now: Date) {
  const thisWeek = mondayOf(now);
  return {
    from: addDays(thisWeek, -7 * periodWeeks),
    to: addDays(thisWeek, -1),
    recentFrom: addDays(thisWeek, -7 * halfWeeks),
    earlierFrom: addDays(thisWeek, -7 * 2 * halfWeeks),
    thisWeek,
  };
}

// Every active store's facts and indicators (one aggregate query plus the other modules' sources).
async function computeIndicators(executor: Executor, tenantId: number, now: Date): Promise<Computed> {
  const period = periodOf(now);
  // One after the other: queries overlapping on one transaction's client are deprecated in pg.
  const facts = await storeFacts(executor, tenantId, period, now);
  const image = await indicatorSources.terminalImageScores(executor, tenantId, now);
  const credit = await indicatorSources.creditScores(executor, tenantId, now);
  const violations = await indicatorSources.violationCounts(executor, tenantId, now);
  const storeFactsList: StoreFacts[] = facts.map((fact) => ({
    ...fact,
    periodWeeks,
    imageScore: image.get(fact.customerId) ?? null,
    creditScore: credit.get(fact.customerId) ?? null,
    violations: violations.get(fact.customerId) ?? null,
  }));
  const indicators = indicatorsOf(storeFactsList);
  // An indicator no store has data for is not measured yet: it does not make a store incomplete.
  const unmeasured = new Set<IndicatorKey>();
  if (image.size === 0) unmeasured.add('image');
  if (credit.size === 0) unmeasured.add('credit');
  if (violations.size === 0) unmeasured.add('violations');
  return { facts, indicators, unmeasured };
}

// A store's class under the rule set; a special store stays special.
function proposalOf(definition: RuleSetDefinition, fact: FactRow, scores: readonly number[]) {
  const decision = decide(definition, scores);
  if (fact.currentClass === 'special') return { decision, class: 'special' as const, demoType: null };
  return { decision, class: decision.class as CustomerClass, demoType: decision.demoType };
}

// ---- Rule sets ----

export type RuleSetInput = {
  name: string;
  note?: string | null;
  weights: { indicator: string; weight: number }[];
  thresholds: { class: string; from: number; to: number }[];
  demoTypes: { demoType: string; conditions: { indicator: string; min: number }[] }[];
};

function ruleSetView(row: RuleSetRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    note: row.note,
    ...row.definition,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function saveRuleSet(context: AppContext, actor: Actor, input: RuleSetInput) {
  return context.db.transaction((tx) => saveRuleSetIn(tx, actor, input, context.now()));
}

export async function saveRuleSetIn(tx: Executor, actor: Actor, input: RuleSetInput, now: Date) {
  const definition = checkRuleSet(input);
  const version = nextVersion(await latestRuleSetVersion(tx, actor.tenantId));
  const row = await insertRuleSet(tx, {
    tenantId: actor.tenantId,
    version,
    name: input.name,
    note: input.note ?? null,
    definition: { weights: definition.weights, thresholds: definition.thresholds, demoTypes: definition.demoTypes },
    createdBy: actor.userId || null,
    createdAt: now,
  });
  await recordChange(
    tx,
    actor,
    { action: 'create', entity: 'classification_rule_set', entityId: row.id, after: { version, ...row.definition } },
    now,
  );
  return ruleSetView(row);
}

export async function listRuleSetViews(context: AppContext, actor: Actor) {
  return { items: (await listRuleSets(context.db, actor.tenantId)).map(ruleSetView) };
}

export async function getRuleSetView(context: AppContext, actor: Actor, id: number) {
  const row = await getRuleSet(context.db, actor.tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return ruleSetView(row);
}

// The distribution a rule set would give today, city-wide and per branch, without saving anything.
export async function previewRuleSet(context: AppContext, actor: Actor, input: RuleSetInput) {
  const definition = checkRuleSet(input);
  const computed = await computeIndicators(context.db, actor.tenantId, context.now());
  const rows = computed.facts.map((fact, index) => {
    const proposal = proposalOf(definition, fact, computed.indicators.scores[index]);
    return { class: proposal.class, demoType: proposal.demoType, branchId: fact.branchId, from: fact.currentClass };
  });
  const moving = rows.filter((row) => row.from !== row.class).length;
  return { ...distributionOf(rows), changed: moving };
}

// ---- Runs ----

function runView(row: RunRow) {
  return {
    id: row.id,
    ruleSetId: row.ruleSetId,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    effectiveOn: row.effectiveOn,
    status: row.status,
    storeCount: row.storeCount,
    appliedBranchIds: row.appliedBranchIds,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
  };
}

export type NewRun = { ruleSetId: number; effectiveOn?: string };

export async function computeRun(context: AppContext, actor: Actor, input: NewRun) {
  return context.db.transaction((tx) => computeRunIn(tx, actor, input, context.now()));
}

export async function computeRunIn(tx: Executor, actor: Actor, input: NewRun, now: Date) {
  const ruleSet = await getRuleSet(tx, actor.tenantId, input.ruleSetId);
  if (!ruleSet) throw new DomainError('NOT_FOUND');
  const period = periodOf(now);
  const computed = await computeIndicators(tx, actor.tenantId, now);
  const { scores, values, missing } = computed.indicators;
  const rows = computed.facts.map((fact, index) => {
    const proposal = proposalOf(ruleSet.definition, fact, scores[index]);
    return {
      customerId: fact.customerId,
      branchId: fact.branchId,
      currentClass: fact.currentClass,
      currentDemoType: fact.currentDemoType,
      proposedClass: proposal.class,
      proposedDemoType: proposal.demoType,
      score: proposal.decision.score,
      values: values[index],
      scores: scores[index],
      missing: missing[index].filter((key) => !computed.unmeasured.has(key)),
    };
  });
  // Effective today unless the centre picks a later date.
  const effectiveOn = input.effectiveOn ?? dateOf(now);
  const run = await insertRun(tx, {
    tenantId: actor.tenantId,
    ruleSetId: ruleSet.id,
    periodFrom: period.from,
    periodTo: period.to,
    effectiveOn,
    status: 'proposed',
    storeCount: rows.length,
    appliedBranchIds: [],
    createdBy: actor.userId || null,
    createdAt: now,
  });
  await insertProposals(tx, actor.tenantId, run.id, rows);
  const distribution = distributionOf(
    rows.map((row) => ({ class: row.proposedClass, demoType: row.proposedDemoType })),
  );
  await recordChange(
    tx,
    actor,
    {
      action: 'compute',
      entity: 'classification_run',
      entityId: run.id,
      after: { ruleSetId: ruleSet.id, version: ruleSet.version, effectiveOn, stores: rows.length },
    },
    now,
  );
  return { ...runView(run), distribution };
}

export async function listRunViews(context: AppContext, actor: Actor) {
  return { items: (await listRuns(context.db, actor.tenantId)).map(runView) };
}

// A run with its distribution and its diff against the current classes per branch (caller's scope).
export async function getRunDetail(context: AppContext, actor: Actor, runId: number) {
  const run = await getRun(context.db, actor.tenantId, runId);
  if (!run) throw new DomainError('NOT_FOUND');
  const [distributionRows, diff, latest] = await Promise.all([
    runDistributionRows(context.db, actor.tenantId, actor.scope, runId),
    runDiff(context.db, actor.tenantId, actor.scope, runId),
    latestRunId(context.db, actor.tenantId),
  ]);
  // The diff per branch, as every run's review sums it (platform/runs).
  return {
    ...runView(run),
    isLatest: latest === run.id,
    distribution: distributionOf(distributionRows),
    diff: diffByBranch(diff).map((branch) => ({
      branchId: branch.branchId,
      branchName: branch.branchName,
      changed: branch.changed,
      applied: run.appliedBranchIds.includes(branch.branchId),
      moves: branch.moves,
    })),
  };
}

function explain(definition: RuleSetDefinition, row: ProposalRow) {
  const decision: Decision = decide(definition, row.scores);
  return {
    indicators: indicatorKeys.map((key, index) => ({
      indicator: key,
      value: Number.isNaN(Number(row.values[index])) ? null : Number(row.values[index]),
      score: Number(row.scores[index]),
      weight: definition.weights.find((weight) => weight.indicator === key)?.weight ?? 0,
      missing: row.missing.includes(key),
    })),
    score: Math.round(Number(row.score) * 10) / 10,
    threshold: decision.threshold,
    demoTypeRule: decision.demoTypeRule,
  };
}

function proposalView(definition: RuleSetDefinition, row: ProposalRow) {
  return {
    customerId: Number(row.customerId),
    licenceNo: row.licenceNo,
    name: row.name,
    branchId: Number(row.branchId),
    branchName: row.branchName,
    currentClass: row.currentClass,
    currentDemoType: row.currentDemoType,
    proposedClass: row.proposedClass,
    proposedDemoType: row.proposedDemoType,
    override: row.overrideClass
      ? { class: row.overrideClass, demoType: row.overrideDemoType, reason: row.overrideReason ?? '' }
      : null,
    why: explain(definition, row),
  };
}

export async function listRunProposals(
  context: AppContext,
  actor: Actor,
  runId: number,
  query: ProposalFilter & { limit: number; offset: number },
) {
  const run = await getRun(context.db, actor.tenantId, runId);
  if (!run) throw new DomainError('NOT_FOUND');
  const ruleSet = await getRuleSet(context.db, actor.tenantId, run.ruleSetId);
  const { limit, offset, ...filter } = query;
  const rows = await findProposals(context.db, actor.tenantId, actor.scope, runId, filter, { limit, offset });
  return {
    items: rows.map((row) => proposalView(ruleSet.definition, row)),
    total: rows.length > 0 ? Number(rows[0].total) : 0,
  };
}

export type OverrideInput = { class: CustomerClass | null; demoType?: DemoType | null; reason?: string };

// A manager (own stores) or the centre proposes another class with a reason; null clears it.
export async function overrideProposal(
  context: AppContext,
  actor: Actor,
  runId: number,
  customerId: number,
  input: OverrideInput,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const run = await getRun(tx, actor.tenantId, runId, true);
    if (!run) throw new DomainError('NOT_FOUND');
    const proposal = await findProposal(tx, actor.tenantId, actor.scope, runId, customerId);
    if (!proposal) throw new DomainError('NOT_FOUND');
    // Overridden only while its branch is not yet approved, in the latest run: the lifecycle rule every
    // run shares (platform/runs), asked of this store's branch.
    const latest = await latestRunId(tx, actor.tenantId);
    const verdict = checkRunApproval(
      { id: run.id, done: run.status === 'applied' || run.appliedBranchIds.includes(Number(proposal.branchId)) },
      latest,
    );
    if (verdict === 'done') throw new DomainError('CLASSIFICATION_RUN_APPLIED', { runId });
    if (verdict !== 'ok') throw new DomainError('CLASSIFICATION_RUN_NOT_LATEST', { latestId: latest ?? 0 });
    const reason = input.reason?.trim() ?? '';
    if (input.class !== null && reason.length < 2)
      throw new DomainError('CLASSIFICATION_REASON_REQUIRED', {}, 'reason');
    if (proposal.currentClass === 'special' || input.class === 'special') {
      throw new DomainError('CLASSIFICATION_SPECIAL_BY_HAND');
    }
    const demoType = input.class === 'demonstration' ? (input.demoType ?? null) : null;
    if (input.class !== 'demonstration' && input.demoType) {
      throw new DomainError('CLASSIFICATION_DEMO_TYPE_INVALID', {}, 'demoType');
    }
    const override = {
      class: input.class,
      demoType,
      reason: input.class === null ? null : reason,
      by: actor.userId || null,
    };
    await setOverride(tx, actor.tenantId, runId, customerId, override);
    await recordChange(
      tx,
      actor,
      {
        action: 'override',
        entity: 'class_proposal',
        entityId: `${runId}/${customerId}`,
        before: { class: proposal.overrideClass, demoType: proposal.overrideDemoType, reason: proposal.overrideReason },
        after: { class: override.class, demoType: override.demoType, reason: override.reason },
      },
      now,
    );
    const ruleSet = await getRuleSet(tx, actor.tenantId, run.ruleSetId);
    return proposalView(ruleSet.definition, {
      ...proposal,
      overrideClass: override.class,
      overrideDemoType: override.demoType,
      overrideReason: override.reason,
    });
  });
}

// The centre approves the latest run, whole or for some branches: classification's step of the
// approve-classification workflow. It records the history (special stores untouched), effective
// on the run's date, and the run's status, and returns the run as approved and — when the run takes
// effect now — the classes its stores are to have (`classes`, a query of (customer_id, class_code,
// demo_type)): customers writes them next, in the same transaction. A run that takes effect later
// leaves its changes pending until settleDueClassesIn.
export async function approveRunIn(
  tx: Executor,
  actor: Actor,
  runId: number,
  branchIds: number[] | undefined,
  now: Date,
) {
  const run = await getRun(tx, actor.tenantId, runId, true);
  if (!run) throw new DomainError('NOT_FOUND');
  // A run reaches every branch: approving all of it takes a city-wide scope, and a branch-scoped
  // marketer names the branches it approves, each inside its scope (404 outside, as if unknown).
  if (branchIds === undefined && !isCityWideScope(actor.scope)) throw new DomainError('CITY_WIDE_SCOPE_REQUIRED');
  if (branchIds !== undefined) {
    const visible = await branchesInScope(tx, actor.tenantId, actor.scope, branchIds);
    if (branchIds.some((id) => !visible.includes(id))) throw new DomainError('NOT_FOUND');
  }
  // Approved once, the latest run only: the lifecycle rule every run shares (platform/runs).
  const latest = await latestRunId(tx, actor.tenantId);
  const verdict = checkRunApproval({ id: run.id, done: run.status === 'applied' }, latest);
  if (verdict === 'done') throw new DomainError('CLASSIFICATION_RUN_APPLIED', { runId });
  if (verdict !== 'ok') throw new DomainError('CLASSIFICATION_RUN_NOT_LATEST', { latestId: latest ?? 0 });
  const allBranches = await branchesOfRun(tx, actor.tenantId, runId);
  const wanted = branchIds ?? allBranches.filter((id) => !run.appliedBranchIds.includes(id));
  const already = wanted.filter((id) => run.appliedBranchIds.includes(id));
  if (already.length > 0) throw new DomainError('CLASSIFICATION_RUN_APPLIED', { runId });
  const unknown = wanted.filter((id) => !allBranches.includes(id));
  if (unknown.length > 0) throw new DomainError('NOT_FOUND');
  const immediate = run.effectiveOn <= dateOf(now);
  const changed = await applyRun(
    tx,
    actor.tenantId,
    run,
    branchIds ? wanted : null,
    actor.userId || null,
    now,
    immediate,
  );
  const applied = [...run.appliedBranchIds, ...wanted].sort((a, b) => a - b);
  const status = allBranches.every((id) => applied.includes(id)) ? 'applied' : 'partly_applied';
  await markRunApplied(tx, actor.tenantId, runId, applied, status, now);
  await recordChange(
    tx,
    actor,
    {
      action: 'approve',
      entity: 'classification_run',
      entityId: runId,
      after: { branchIds: wanted, changed, status, effectiveOn: run.effectiveOn, pending: !immediate },
    },
    now,
  );
  return {
    run: { ...runView({ ...run, appliedBranchIds: applied, status, appliedAt: now }), changed, pending: !immediate },
    classes: immediate ? classesOfRun(actor.tenantId, runId, branchIds ? wanted : null) : null,
  };
}

// ---- Classes that take effect on a later date ----

// The tenants with approved class changes whose effective date has come (a store keeps its class
// until then): the switch's work list.
export function tenantsWithClassesDue(executor: Executor, now: Date): Promise<number[]> {
  return tenantsWithDueClasses(executor, dateOf(now));
}

// Classification's step of the switch (the approve-classification workflow's, on the effective
// date): the changes due stop being pending, and are audited. Returns how many stores change and
// the classes they are to have, for customers to write in the same transaction.
export async function settleDueClassesIn(tx: Executor, tenantId: number, now: Date) {
  const today = dateOf(now);
  const classes = await settleDueClasses(tx, tenantId, today);
  const changed = classes.length;
  if (changed > 0) {
    await recordChange(
      tx,
      systemActor(tenantId, 'class-switch'),
      { action: 'switch', entity: 'customer_class', after: { effectiveBy: today, changed } },
      now,
    );
  }
  return { changed, classes };
}

// What a run reads of a week that has closed is summarised once, soon after it closes, so that
// the next run reads 13 summarised weeks instead of joining a week of orders to their lines
// (about 3 s a week at 250,000 stores). A run summarises any week still missing itself. Returns
// how many weeks were summarised.
export async function summariseClosedWeeksAll(context: AppContext): Promise<number> {
  const now = context.now();
  const since = periodOf(now).from;
  let total = 0;
  for (const { tenantId, cycleIds } of await closedWeeksToSummarise(context.db, now, since)) {
    await context.db.transaction((tx) => summariseWeeks(tx, tenantId, cycleIds, now));
    total += cycleIds.length;
  }
  return total;
}

// ---- The special class, by hand ----

export type HandClassInput = { class: CustomerClass | null; demoType?: DemoType | null; reason: string };

// 特殊客户 is set (and lifted) only by hand, with a reason; runs never change it. Classification's
// step of the set-class-by-hand workflow: checks the change, records the history and the audit, and
// returns the store's new class ({ customerId, class, demoType, … }) for customers to write.
export async function recordClassByHandIn(
  tx: Executor,
  actor: Actor,
  customerId: number,
  input: HandClassInput,
  now: Date,
) {
  const store = await findScopedStore(tx, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError('CLASSIFICATION_REASON_REQUIRED', {}, 'reason');
  if (input.class !== 'demonstration' && input.demoType) {
    throw new DomainError('CLASSIFICATION_DEMO_TYPE_INVALID', {}, 'demoType');
  }
  const to = { class: input.class, demoType: input.class === 'demonstration' ? (input.demoType ?? null) : null };
  const effectiveOn = now.toISOString().slice(0, 10);
  await insertHistory(tx, [
    {
      tenantId: actor.tenantId,
      customerId,
      fromClass: store.classCode,
      fromDemoType: store.demoType,
      toClass: to.class,
      toDemoType: to.demoType,
      runId: null,
      reason,
      effectiveOn,
      changedBy: actor.userId || null,
      changedAt: now,
    },
  ]);
  await recordChange(
    tx,
    actor,
    {
      action: 'set_class',
      entity: 'customer',
      entityId: customerId,
      before: { class: store.classCode, demoType: store.demoType },
      after: { ...to, reason },
    },
    now,
  );
  return { customerId, ...to, reason, effectiveOn };
}

// ---- Reports ----

type DistributionGroup = {
  key: string;
  name: string;
  rows: { class: CustomerClass | null; demoType: DemoType | null; count: number }[];
};

export async function getDistribution(
  context: AppContext,
  actor: Actor,
  query: { branchId?: number; districtCode?: string },
) {
  const rows = await currentDistributionRows(context.db, actor.tenantId, actor.scope, query);
  const group = (keyOf: (row: (typeof rows)[number]) => string, nameOf: (row: (typeof rows)[number]) => string) => {
    const groups = new Map<string, DistributionGroup>();
    for (const row of rows) {
      const key = keyOf(row);
      const entry = groups.get(key) ?? { key, name: nameOf(row), rows: [] };
      entry.rows.push(row);
      groups.set(key, entry);
    }
    return [...groups.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((entry) => ({ key: entry.key, name: entry.name, ...distributionOf(entry.rows) }));
  };
  const overall = distributionOf(rows);
  return {
    ...overall,
    unclassified: overall.total - overall.classes.reduce((sum, entry) => sum + entry.count, 0),
    branches: group(
      (row) => String(row.branchId),
      (row) => row.branchName,
    ),
    districts: group(
      (row) => row.districtCode,
      (row) => row.districtName,
    ),
  };
}

// A store's classification for its 360° view: current class, the why (its proposal in the run that
// set it) and the history.
export async function getCustomerClassification(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedStore(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const [history, proposal] = await Promise.all([
    historyOf(context.db, actor.tenantId, customerId),
    latestAppliedProposal(context.db, actor.tenantId, actor.scope, customerId),
  ]);
  let why = null;
  if (proposal) {
    const run = await getRun(context.db, actor.tenantId, Number((proposal as ProposalRow & { runId: number }).runId));
    const ruleSet = run ? await getRuleSet(context.db, actor.tenantId, run.ruleSetId) : undefined;
    if (run && ruleSet) {
      why = {
        runId: run.id,
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        effectiveOn: run.effectiveOn,
        proposedClass: proposal.proposedClass,
        proposedDemoType: proposal.proposedDemoType,
        override: proposal.overrideClass
          ? {
              class: proposal.overrideClass,
              demoType: proposal.overrideDemoType,
              reason: proposal.overrideReason ?? '',
            }
          : null,
        ...explain(ruleSet.definition, proposal),
      };
    }
  }
  return {
    customerId,
    class: store.classCode,
    demoType: store.demoType,
    why,
    history: history.map((row) => ({
      ...row,
      id: Number(row.id),
      runId: row.runId === null ? null : Number(row.runId),
      effectiveOn: String(row.effectiveOn).slice(0, 10),
      changedAt: new Date(row.changedAt).toISOString(),
    })),
  };
}

// ---- 抽查 spot-checks ----

// The rule set that decided the current classes: the latest applied run's (else the newest version).
async function ruleSetInForce(executor: Executor, tenantId: number) {
  const runs = await listRuns(executor, tenantId);
  const applied = runs.find((run) => run.status !== 'proposed');
  if (applied) return getRuleSet(executor, tenantId, applied.ruleSetId);
  const [newest] = await listRuleSets(executor, tenantId);
  return newest;
}

export async function createSpotCheck(context: AppContext, actor: Actor, input: { size: number; seed?: number }) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const ruleSet = await ruleSetInForce(tx, actor.tenantId);
    if (!ruleSet) throw new DomainError('CLASSIFICATION_NOTHING_CLASSIFIED');
    const computed = await computeIndicators(tx, actor.tenantId, now);
    const stores = computed.facts
      .map((fact, index) => ({
        fact,
        index,
        customerId: fact.customerId,
        branchId: fact.branchId,
        class: fact.currentClass,
      }))
      .filter((store) => store.class !== null);
    if (stores.length === 0) throw new DomainError('CLASSIFICATION_NOTHING_CLASSIFIED');
    const seed = input.seed ?? Math.floor(Math.random() * 2_147_483_647);
    const sample = stratifiedSample(stores, input.size, seed);
    const check = await insertSpotCheck(tx, {
      tenantId: actor.tenantId,
      seed,
      size: sample.length,
      ruleSetId: ruleSet.id,
      createdBy: actor.userId || null,
      createdAt: now,
    });
    await insertSpotCheckItems(
      tx,
      sample.map((store, position) => {
        const rerun = proposalOf(ruleSet.definition, store.fact, computed.indicators.scores[store.index]);
        const missing = computed.indicators.missing[store.index].filter((key) => !computed.unmeasured.has(key));
        return {
          tenantId: actor.tenantId,
          spotCheckId: check.id,
          customerId: store.customerId,
          branchId: store.branchId,
          sampledClass: store.class as CustomerClass,
          sampledDemoType: store.fact.currentDemoType,
          rerunClass: rerun.class,
          complete: missing.length === 0,
          position,
        };
      }),
    );
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'spot_check', entityId: check.id, after: { seed, size: sample.length } },
      now,
    );
    return { id: check.id, seed, size: sample.length, ruleSetId: ruleSet.id, createdAt: now.toISOString() };
  });
}

export async function listSpotCheckViews(context: AppContext, actor: Actor) {
  const rows = await listSpotChecks(context.db, actor.tenantId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      seed: row.seed,
      size: row.size,
      ruleSetId: row.ruleSetId,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

export async function getSpotCheckReport(context: AppContext, actor: Actor, id: number) {
  const check = await getSpotCheck(context.db, actor.tenantId, id);
  if (!check) throw new DomainError('NOT_FOUND');
  const items = await spotCheckItemsOf(context.db, actor.tenantId, actor.scope, id);
  return {
    id: check.id,
    seed: check.seed,
    size: check.size,
    ruleSetId: check.ruleSetId,
    createdAt: check.createdAt.toISOString(),
    stats: spotCheckStats(items),
    items: items.map((item) => ({
      ...item,
      customerId: Number(item.customerId),
      branchId: Number(item.branchId),
      assessedAt: item.assessedAt ? new Date(item.assessedAt).toISOString() : null,
    })),
  };
}

export async function assessSpotCheck(
  context: AppContext,
  actor: Actor,
  id: number,
  customerId: number,
  input: { inspectorClass: CustomerClass; note?: string | null },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const check = await getSpotCheck(tx, actor.tenantId, id);
    if (!check) throw new DomainError('NOT_FOUND');
    const items = await spotCheckItemsOf(tx, actor.tenantId, actor.scope, id);
    const item = items.find((candidate) => Number(candidate.customerId) === customerId);
    if (!item) throw new DomainError('NOT_FOUND');
    const agrees = input.inspectorClass === item.sampledClass;
    await assessSpotCheckItem(
      tx,
      actor.tenantId,
      id,
      customerId,
      { inspectorClass: input.inspectorClass, agrees, note: input.note ?? null, by: actor.userId || null },
      now,
    );
    await recordChange(
      tx,
      actor,
      {
        action: 'assess',
        entity: 'spot_check_item',
        entityId: `${id}/${customerId}`,
        before: { inspectorClass: item.inspectorClass, agrees: item.agrees },
        after: { inspectorClass: input.inspectorClass, agrees, note: input.note ?? null },
      },
      now,
    );
    return { customerId, inspectorClass: input.inspectorClass, agrees };
  });
}

// Several stores made special by hand at once (the demo), audited as one change: classification's
// step, which returns the stores' new class for customers to write.
export async function recordSpecialInBulkIn(
  tx: Executor,
  actor: Actor,
  rows: readonly { customerId: number; reason: string }[],
  now: Date,
) {
  const found = await recordSpecialInBulk(tx, actor.tenantId, rows, actor.userId || null, now);
  await recordChange(
    tx,
    actor,
    { action: 'set_class', entity: 'customer', after: { class: 'special', stores: rows.length } },
    now,
  );
  return found.map((customerId) => ({ customerId, class: 'special' as const, demoType: null }));
}
