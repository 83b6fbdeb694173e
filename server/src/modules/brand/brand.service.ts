import type { AppContext } from '../../app-context.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { isWorkingDay } from '../../platform/calendar/business-calendar.rules.ts';
import { getHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { calendarDatePattern } from '../../platform/http/input-bounds.ts';
import { findStaffUser } from '../../platform/identity/identity.repository.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { addDays, isoWeekOf, mondayOfDay } from '../../platform/time/weeks.ts';
import { customerClasses, customerFormats, type StoreReach } from '../customers/index.ts';
import { getProductsByIds } from '../products/index.ts';
import {
  countStoresInSegment,
  customerClassLabels,
  customerFormatLabels,
  type Segment,
  segmentProblems,
} from '../supply/index.ts';
import { brandChecksOfProgramme } from '../visits/index.ts';
import type { KpiGrouping, KpiRow, NewProgramme, ProgrammePatch, StoresQuery, WorklistPlan } from './brand.contract.ts';
import {
  activeCustomerIds,
  countTargetStores,
  type FactsParams,
  findProgramme,
  findScopedStore,
  insertProgramme,
  type KpiCountsRow,
  knownServiceItemIds,
  kpiCounts,
  kpiCountsByWeek,
  listProgrammes,
  programmesOfStatus,
  type StoreFactsRow,
  storeFacts,
  storesPlannedBetween,
  updateProgramme,
} from './brand.repository.ts';
import type { ProgrammeAction, ProgrammeGoals, ProgrammeRow } from './brand.schema.ts';
import {
  defaultStockBand,
  type KpiCounts,
  kpiDefinitions,
  periodEndOf,
  primaryStatusOf,
  ratesOf,
  type StockBand,
  type StoreFacts,
  type StoreStatus,
  storeStatusesOf,
  type WorklistStatus,
} from './brand-kpis.rules.ts';
import {
  checkEditable,
  checkGoals,
  checkPeriod,
  checkProductIds,
  checkTargetChoice,
  nextStatusOf,
} from './brand-programme.rules.ts';

// 品牌培育: programmes (draft → active → closed, marketing and admin edit), their KPIs and the stores
// behind each figure, the managers' worklist and a store's programmes for the 360° view.

const todayOf = (now: Date) => beijingDateOf(now);

// ── Programmes ────────────────────────────────────────────────────────────────────────────────

type ProgrammeFields = {
  name: string;
  description: string;
  productIds: number[];
  startDate: string;
  endDate: string;
  segment: Segment | null;
  customerIds: number[] | null;
  goals: ProgrammeGoals;
  actions: ProgrammeAction[];
  ownerId: number;
};

// Everything a programme must be before it is written; the first problem is the answer. Its target
// stores are judged within the caller's data scope: a branch's marketer targets the branch's stores
// (another branch's are unknown to them, as everywhere).
async function checkProgrammeIn(tx: Executor, actor: Actor, fields: ProgrammeFields, now: Date) {
  const tenantId = actor.tenantId;
  checkProductIds(fields.productIds);
  const products = await getProductsByIds(tx, tenantId, fields.productIds);
  const known = new Set(products.map((product) => product.id));
  for (const productId of fields.productIds)
    if (!known.has(productId)) throw new DomainError('BRAND_PRODUCT_UNKNOWN', { productId }, 'productIds');
  checkPeriod(fields.startDate, fields.endDate);
  checkGoals(fields.goals);
  checkTargetChoice(fields);
  if (fields.customerIds) {
    const active = await activeCustomerIds(tx, tenantId, actor.scope, fields.customerIds);
    for (const customerId of fields.customerIds)
      if (!active.has(customerId)) throw new DomainError('BRAND_CUSTOMER_UNKNOWN', { customerId }, 'customerIds');
  } else {
    const segment = fields.segment ?? {};
    const [problem] = segmentProblems(segment);
    if (problem)
      throw new DomainError('BRAND_SEGMENT_INVALID', { problem: problem.zh, problemEn: problem.en }, 'segment');
    if ((await countStoresInSegment(tx, tenantId, segment, { onDate: todayOf(now), reach: actor.scope })) === 0)
      throw new DomainError('BRAND_SEGMENT_EMPTY', {}, 'segment');
  }
  const serviceIds = fields.actions.flatMap((action) => (action.serviceItemId ? [action.serviceItemId] : []));
  const services = await knownServiceItemIds(tx, tenantId, serviceIds);
  for (const serviceItemId of serviceIds)
    if (!services.has(serviceItemId)) throw new DomainError('BRAND_SERVICE_ITEM_UNKNOWN', { serviceItemId }, 'actions');
  if (!(await findStaffUser(tx, tenantId, fields.ownerId)))
    throw new DomainError('BRAND_OWNER_UNKNOWN', { ownerId: fields.ownerId }, 'ownerId');
}

const unique = (ids: readonly number[]) => [...new Set(ids)];

export async function createProgramme(context: AppContext, actor: Actor, input: NewProgramme) {
  const now = context.now();
  const created = await context.db.transaction((tx) => createProgrammeIn(tx, actor, input, now));
  return getProgramme(context, actor, created.id);
}

// Creates a draft programme in the caller's transaction (the demo seeds its programmes this way).
export async function createProgrammeIn(tx: Executor, actor: Actor, input: NewProgramme, now: Date) {
  const fields: ProgrammeFields = {
    name: input.name,
    description: input.description ?? '',
    productIds: unique(input.productIds),
    startDate: input.startDate,
    endDate: input.endDate,
    segment: input.segment ?? null,
    customerIds: input.customerIds ? unique(input.customerIds) : null,
    goals: input.goals,
    actions: input.actions ?? [],
    ownerId: input.ownerId ?? actor.userId,
  };
  await checkProgrammeIn(tx, actor, fields, now);
  const row = await insertProgramme(tx, {
    tenantId: actor.tenantId,
    ...fields,
    status: 'draft',
    createdBy: actor.userId > 0 ? actor.userId : null,
    createdAt: now,
    updatedAt: now,
  });
  await recordChange(tx, actor, { action: 'create', entity: 'brand_programme', entityId: row.id, after: fields }, now);
  return row;
}

function fieldsOf(row: ProgrammeRow): ProgrammeFields {
  return {
    name: row.name,
    description: row.description,
    productIds: row.productIds,
    startDate: row.startDate,
    endDate: row.endDate,
    segment: row.segment ?? null,
    customerIds: row.customerIds ?? null,
    goals: row.goals,
    actions: row.actions,
    ownerId: row.ownerId,
  };
}

export async function editProgramme(context: AppContext, actor: Actor, id: number, patch: ProgrammePatch) {
  const now = context.now();
  await context.db.transaction((tx) => editProgrammeIn(tx, actor, id, patch, now));
  return getProgramme(context, actor, id);
}

export async function editProgrammeIn(tx: Executor, actor: Actor, id: number, patch: ProgrammePatch, now: Date) {
  const row = await findProgramme(tx, actor.tenantId, id, true);
  if (!row) throw new DomainError('NOT_FOUND');
  checkEditable(row.status);
  const before = fieldsOf(row);
  const after: ProgrammeFields = { ...before };
  if (patch.name !== undefined) after.name = patch.name;
  if (patch.description !== undefined) after.description = patch.description;
  if (patch.productIds !== undefined) after.productIds = unique(patch.productIds);
  if (patch.startDate !== undefined) after.startDate = patch.startDate;
  if (patch.endDate !== undefined) after.endDate = patch.endDate;
  if (patch.goals !== undefined) after.goals = patch.goals;
  if (patch.actions !== undefined) after.actions = patch.actions;
  if (patch.ownerId !== undefined) after.ownerId = patch.ownerId;
  // Naming one way of targeting drops the other; null drops it.
  if (patch.segment !== undefined) {
    after.segment = patch.segment;
    if (patch.segment && patch.customerIds === undefined) after.customerIds = null;
  }
  if (patch.customerIds !== undefined) {
    after.customerIds = patch.customerIds ? unique(patch.customerIds) : null;
    if (patch.customerIds && patch.segment === undefined) after.segment = null;
  }
  await checkProgrammeIn(tx, actor, after, now);
  await updateProgramme(tx, actor.tenantId, id, { ...after, updatedAt: now });
  await recordChange(tx, actor, { action: 'update', entity: 'brand_programme', entityId: id, before, after }, now);
}

export async function changeProgrammeStatus(
  context: AppContext,
  actor: Actor,
  id: number,
  action: 'activate' | 'close',
) {
  const now = context.now();
  await context.db.transaction((tx) => changeProgrammeStatusIn(tx, actor, id, action, now));
  return getProgramme(context, actor, id);
}

export async function changeProgrammeStatusIn(
  tx: Executor,
  actor: Actor,
  id: number,
  action: 'activate' | 'close',
  now: Date,
) {
  const row = await findProgramme(tx, actor.tenantId, id, true);
  if (!row) throw new DomainError('NOT_FOUND');
  const status = nextStatusOf(row.status, action);
  await updateProgramme(tx, actor.tenantId, id, { status, updatedAt: now });
  await recordChange(
    tx,
    actor,
    { action, entity: 'brand_programme', entityId: id, before: { status: row.status }, after: { status } },
    now,
  );
}

async function programmeOf(executor: Executor, tenantId: number, id: number) {
  const row = await findProgramme(executor, tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

export async function getProgramme(context: AppContext, actor: Actor, id: number) {
  const row = await programmeOf(context.db, actor.tenantId, id);
  const today = todayOf(context.now());
  const [products, owner, targetStores, visitChecks] = await Promise.all([
    getProductsByIds(context.db, actor.tenantId, row.productIds),
    findStaffUser(context.db, actor.tenantId, row.ownerId),
    countTargetStores(context.db, row, actor.scope, today),
    // The checklist as ticked on visits (visits' brand_checks), within the caller's scope.
    brandChecksOfProgramme(context.db, actor.tenantId, actor.scope, row.id),
  ]);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    productIds: row.productIds,
    products: products.map((product) => ({
      id: product.id,
      code: product.code,
      name: product.name,
      brand: product.brand,
    })),
    startDate: row.startDate,
    endDate: row.endDate,
    segment: (row.segment as Record<string, unknown> | null) ?? null,
    customerIds: row.customerIds ?? null,
    targetStores,
    goals: row.goals,
    actions: row.actions,
    ownerId: row.ownerId,
    ownerName: owner?.displayName ?? '',
    visitChecks,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listProgrammeSummaries(
  context: AppContext,
  actor: Actor,
  query: { status?: ProgrammeRow['status'] },
) {
  const rows = await listProgrammes(context.db, actor.tenantId, query.status);
  const products = await getProductsByIds(
    context.db,
    actor.tenantId,
    rows.flatMap(({ programme }) => programme.productIds),
  );
  const nameOf = new Map(products.map((product) => [product.id, product.name]));
  return {
    items: rows.map(({ programme, ownerName }) => ({
      id: programme.id,
      name: programme.name,
      status: programme.status,
      productIds: programme.productIds,
      products: programme.productIds.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
      startDate: programme.startDate,
      endDate: programme.endDate,
      goals: programme.goals,
      ownerId: programme.ownerId,
      ownerName: ownerName ?? '',
      updatedAt: programme.updatedAt,
    })),
  };
}

// ── KPIs ──────────────────────────────────────────────────────────────────────────────────────

export function bandOf(goals: ProgrammeGoals): StockBand {
  return goals.stockToSales ?? defaultStockBand;
}

function factsParamsOf(row: ProgrammeRow, reach: StoreReach, now: Date, end?: string): FactsParams {
  const today = todayOf(now);
  return { programme: row, reach, today, end: end ?? periodEndOf(row, today), band: bandOf(row.goals) };
}

const noneLabels = {
  'zh-CN': { all: '全部', class: '未分类', grade: '未定档' },
  en: { all: 'All', class: 'Unclassified', grade: 'No grade' },
};

// "W48 11/23": the ISO week and the Monday it starts.
export function weekLabelOf(monday: string) {
  return `${isoWeekOf(monday).slice(5)} ${monday.slice(5, 7)}/${monday.slice(8, 10)}`;
}

function labelOf(groupBy: KpiGrouping, row: KpiCountsRow, locale: Locale): string {
  const none = noneLabels[locale];
  switch (groupBy) {
    case 'none':
      return none.all;
    case 'branch':
    case 'manager':
      return row.label ?? row.key;
    case 'class':
      return row.key === 'none'
        ? none.class
        : (customerClassLabels[locale][row.key as keyof (typeof customerClassLabels)['en']] ?? row.key);
    case 'format':
      return customerFormatLabels[locale][row.key as keyof (typeof customerFormatLabels)['en']] ?? row.key;
    case 'grade':
      return row.key === 'none' ? none.grade : locale === 'zh-CN' ? `${row.key} 档` : `Grade ${row.key}`;
    case 'week':
      return weekLabelOf(row.key);
  }
}

function orderOf(groupBy: KpiGrouping, rows: KpiRow[]): KpiRow[] {
  const position = (list: readonly string[], key: string) => {
    const index = list.indexOf(key);
    return index === -1 ? list.length : index;
  };
  const sorted = [...rows];
  switch (groupBy) {
    case 'class':
      return sorted.sort((a, b) => position(customerClasses, a.key) - position(customerClasses, b.key));
    case 'format':
      return sorted.sort((a, b) => position(customerFormats, a.key) - position(customerFormats, b.key));
    case 'grade':
      return sorted.sort((a, b) => (Number(a.key) || 0) - (Number(b.key) || 0));
    case 'week':
      return sorted.sort((a, b) => (a.key < b.key ? -1 : 1));
    default:
      return sorted.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
  }
}

export function kpiRowOf(key: string, label: string, counts: KpiCounts): KpiRow {
  return { key, label, ...counts, ...ratesOf(counts) };
}

// A programme's KPIs for a reach (a caller's data scope, or the whole tenant), one statement.
// Exported through index.ts for the benchmark.
export async function brandKpis(
  db: Database | Executor,
  tenantId: number,
  programmeId: number,
  groupBy: KpiGrouping,
  scope?: DataScope,
  options: { now?: Date; locale?: Locale } = {},
): Promise<KpiRow[]> {
  const row = await programmeOf(db, tenantId, programmeId);
  const params = factsParamsOf(row, scope ?? 'tenant', options.now ?? new Date());
  const counts = groupBy === 'week' ? await kpiCountsByWeek(db, params) : await kpiCounts(db, params, groupBy);
  const locale = options.locale ?? 'zh-CN';
  return orderOf(
    groupBy,
    counts.map((count) => {
      const { key, label, ...rest } = count;
      return kpiRowOf(key, labelOf(groupBy, { ...count, label }, locale), rest);
    }),
  );
}

export async function getKpis(context: AppContext, actor: Actor, id: number, groupBy: KpiGrouping, locale: Locale) {
  const rows = await brandKpis(context.db, actor.tenantId, id, groupBy, actor.scope, { now: context.now(), locale });
  return { rows, definitions: [...kpiDefinitions] };
}

// ── The stores behind a figure ────────────────────────────────────────────────────────────────

function storeFactsOf(row: StoreFactsRow): StoreFacts {
  return {
    orderedWeeks: row.orderedWeeks,
    firstOrderedWeek: row.firstOrderedWeek,
    lastOrderedWeek: row.lastOrderedWeek,
    orderedCartons: row.orderedCartons,
    stockCartons: row.stockCartons,
    weeklySalesCartons: row.weeklySalesCartons,
  };
}

const wordsIn = (words: { zh: string; en: string }, locale: Locale) => (locale === 'zh-CN' ? words.zh : words.en);

export async function listProgrammeStores(
  context: AppContext,
  actor: Actor,
  id: number,
  query: StoresQuery,
  locale: Locale,
) {
  const row = await programmeOf(context.db, actor.tenantId, id);
  const now = context.now();
  let end: string | undefined;
  let group: { by: Exclude<KpiGrouping, 'week' | 'none'>; key: string } | undefined;
  if (query.groupBy === 'week' && query.groupKey) {
    // A week's row counts up to that week's end.
    if (!calendarDatePattern.test(query.groupKey))
      throw new DomainError('VALIDATION_FAILED', { reason: 'groupKey' }, 'groupKey');
    const today = todayOf(now);
    const weekEnd = addDays(query.groupKey, 6);
    end = periodEndOf(row, weekEnd < today ? weekEnd : today);
  } else if (query.groupBy && query.groupBy !== 'none' && query.groupBy !== 'week' && query.groupKey)
    group = { by: query.groupBy, key: query.groupKey };
  const params = factsParamsOf(row, actor.scope, now, end);
  const rows = await storeFacts(context.db, params, {
    status: query.status,
    group,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((store) => storeRowOf(store, params.band, query.status, locale)),
  };
}

function storeRowOf(store: StoreFactsRow, band: StockBand, status: StoreStatus | undefined, locale: Locale) {
  const facts = storeFactsOf(store);
  const listed =
    status === undefined || status === 'shelved'
      ? primaryStatusOf(facts, band)
      : (storeStatusesOf(facts, band).find((entry) => entry.status === status) ?? primaryStatusOf(facts, band));
  const shown = status === 'shelved' ? { ...listed, status: 'shelved' as const } : listed;
  const ratio =
    store.stockCartons !== null && store.weeklySalesCartons !== null && store.weeklySalesCartons > 0
      ? store.stockCartons / store.weeklySalesCartons
      : null;
  return {
    customerId: store.customerId,
    code: store.code,
    name: store.name,
    managerId: store.managerId,
    managerName: store.managerName,
    branchName: store.branchName,
    class: store.class,
    format: store.format,
    grade: store.grade,
    lastOrderedWeek: store.lastOrderedWeek,
    orderedCartons: store.orderedCartons,
    stockCartons: store.stockCartons,
    weeklySalesCartons: store.weeklySalesCartons,
    stockToSalesRatio: ratio,
    status: shown.status,
    reason: wordsIn(shown.reason, locale),
  };
}

// ── Worklist ──────────────────────────────────────────────────────────────────────────────────

// The most stores a programme puts on one worklist answer.
const worklistLimit = 1_000;

export async function getWorklist(context: AppContext, actor: Actor, query: { programmeId?: number }, locale: Locale) {
  const now = context.now();
  const today = todayOf(now);
  const programmes = (await programmesOfStatus(context.db, actor.tenantId, ['active'])).filter(
    (programme) => query.programmeId === undefined || programme.id === query.programmeId,
  );
  const items = [];
  for (const programme of programmes) {
    const params = factsParamsOf(programme, actor.scope, now);
    const rows = await storeFacts(context.db, params, { flaggedOnly: true, limit: worklistLimit, offset: 0 });
    for (const store of rows) {
      const [first] = storeStatusesOf(storeFactsOf(store), params.band);
      if (!first) continue;
      items.push({
        programmeId: programme.id,
        programmeName: programme.name,
        customerId: store.customerId,
        code: store.code,
        name: store.name,
        managerId: store.managerId,
        managerName: store.managerName,
        status: first.status as WorklistStatus,
        reason: wordsIn(first.reason, locale),
        plannedThisWeek: false,
      });
    }
  }
  const monday = mondayOfDay(today);
  const planned = await storesPlannedBetween(
    context.db,
    actor.tenantId,
    unique(items.map((item) => item.customerId)),
    monday,
    addDays(monday, 6),
  );
  for (const item of items) item.plannedThisWeek = planned.has(item.customerId);
  return { items };
}

// The day a worklist's visits are planned on: the one asked for (a working day of this week, today
// or later), or the next working day of this week (today when none is left but today).
export function planDateOf(today: string, requested: string | undefined, isWorking: (date: string) => boolean) {
  const monday = mondayOfDay(today);
  const sunday = addDays(monday, 6);
  if (requested !== undefined) {
    if (requested < today || requested > sunday || !isWorking(requested))
      throw new DomainError('BRAND_PLAN_DATE_INVALID', { date: requested }, 'date');
    return requested;
  }
  for (let day = addDays(today, 1); day <= sunday; day = addDays(day, 1)) if (isWorking(day)) return day;
  if (isWorking(today)) return today;
  throw new DomainError('BRAND_PLAN_DATE_INVALID', { date: today }, 'date');
}

// The brand step of the plan-brand-visits workflow: the day, checked against the city's calendar.
export async function worklistPlanDateIn(tx: Executor, actor: Actor, input: WorklistPlan, now: Date) {
  const calendar = await getHolidayCalendar(tx, actor.tenantId);
  return planDateOf(todayOf(now), input.date, (date) => isWorkingDay(calendar, date));
}

// …and its record in the audit trail, once the visits module has added the visits.
export async function recordWorklistPlanIn(
  tx: Executor,
  actor: Actor,
  input: { customerIds: readonly number[]; date: string; added: number; alreadyPlanned: number },
  now: Date,
) {
  await recordChange(tx, actor, { action: 'plan_visits', entity: 'brand_worklist', after: input }, now);
}

// ── A store's programmes (360° view, visit form checklist) ────────────────────────────────────

// Closed programmes stay on a store's tab for this long after their end.
const recentClosedDays = 90;

export async function getCustomerProgrammes(context: AppContext, actor: Actor, customerId: number) {
  const now = context.now();
  const today = todayOf(now);
  if (!(await findScopedStore(context.db, actor.tenantId, actor.scope, customerId))) throw new DomainError('NOT_FOUND');
  const programmes = (await programmesOfStatus(context.db, actor.tenantId, ['active', 'closed'])).filter(
    (programme) => programme.status === 'active' || programme.endDate >= addDays(today, -recentClosedDays),
  );
  const items = [];
  for (const programme of programmes) {
    const params = factsParamsOf(programme, actor.scope, now);
    const [store] = await storeFacts(context.db, params, { customerIds: [customerId], limit: 1, offset: 0 });
    if (!store) continue;
    const facts = storeFactsOf(store);
    const products = await getProductsByIds(context.db, actor.tenantId, programme.productIds);
    const ratio =
      store.stockCartons !== null && store.weeklySalesCartons !== null && store.weeklySalesCartons > 0
        ? store.stockCartons / store.weeklySalesCartons
        : null;
    items.push({
      programmeId: programme.id,
      name: programme.name,
      status: programme.status,
      startDate: programme.startDate,
      endDate: programme.endDate,
      products: products.map((product) => ({ id: product.id, name: product.name })),
      shelved: store.orderedWeeks > 0,
      shelvedObserved: (store.stockCartons ?? 0) > 0,
      reordered: store.orderedWeeks >= 2,
      orderedCartons: store.orderedCartons,
      stockCartons: store.stockCartons,
      stockToSalesRatio: ratio,
      flags: storeStatusesOf(facts, params.band).map((entry) => entry.status),
      checklist: programme.actions,
    });
  }
  return { items };
}
