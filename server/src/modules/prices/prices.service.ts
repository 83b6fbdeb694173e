import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, retailerStoreOf, systemActor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { findStaffUser } from '../../platform/identity/identity.repository.ts';
import { daily } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { addDays, isoWeekOf, mondayOf } from '../../platform/time/weeks.ts';
import { findRootOrgUnit } from '../organisation/index.ts';
import { type PriceClass, priceClassLabels } from '../products/index.ts';
import { customerFormatLabels, urbanRuralLabels } from '../supply/index.ts';
import { figuresOf, type IndexFigures, type ProductCell, round2, weightWeeks } from './price-index.rules.ts';
import {
  beijingDayBounds,
  checkDailyLimit,
  checkObservedAt,
  checkPackPrice,
  currentIsoWeek,
  mondayOfIsoWeek,
  packPriceFenOf,
  suggestedPackFenOf,
  weekBounds,
} from './price-observation.rules.ts';
import {
  builtInRule,
  checkBands,
  checkStatusChange,
  evaluateWeek,
  isBranchJudged,
  lastCompleteWeek,
  ruleFor,
  type WarningRule,
  warningStepOf,
} from './price-warning.rules.ts';
import {
  defaultObservationDays,
  type IndexGrouping,
  type IndexQuery,
  type IndexRow,
  type InspectionInput,
  type ObservationListQuery,
  type PortalPriceInput,
  type RuleInput,
  type RulePatch,
  type TrendQuery,
  type WarningPatch,
} from './prices.contract.ts';
import {
  branchNames,
  type CellRow,
  closedWarningKeys,
  countReportsBetween,
  deleteRule,
  districtCountsOfBranches,
  districtNames,
  findProduct,
  findReport,
  findRule,
  findRuleForTarget,
  findStore,
  findWarning,
  insertPriceReport,
  insertRule,
  insertWarnings,
  listObservationRows,
  listProducts,
  listReports,
  listRules,
  listWarnings,
  lockStoreProduct,
  nextDraftCycle,
  observationCells,
  openWarnings,
  type ProductFacts,
  type Reach,
  type RegionGrouping,
  regionGroupings,
  setReportFlag,
  tenantsWithObservations,
  updateRule,
  updateWarning,
  type WarningInsert,
  weightCells,
} from './prices.repository.ts';
import type { PriceWarningRow, PriceWarningRuleRow, WarningRegionKind } from './prices.schema.ts';

// 价格监管: observations (portal, inspectors), the index and its trend and heat table, warning rules,
// the warnings' evaluation and their handling, and the way from a warning to the next allocation.

// ── Observations ──────────────────────────────────────────────────────────────────────────────

async function activeProductOf(executor: Executor, tenantId: number, productId: number) {
  const product = await findProduct(executor, tenantId, productId);
  if (product?.status !== 'active') throw new DomainError('PRICE_PRODUCT_UNKNOWN', { productId }, 'productId');
  return product;
}

// A retailer's own price (门店自报): its store only, at most 20 a day per product, plausible or
// confirmed. Nothing is written on any refusal.
export async function reportPortalPrice(context: AppContext, actor: Actor, input: PortalPriceInput) {
  const ownCustomerId = retailerStoreOf(actor);
  const now = context.now();
  const product = await activeProductOf(context.db, actor.tenantId, input.productId);
  const fen = packPriceFenOf(input.packPrice);
  if (input.customerId !== undefined && input.customerId !== ownCustomerId)
    throw new DomainError('PRICE_OTHER_STORE', { ownCustomerId }, 'customerId');
  const store = await findStore(context.db, actor.tenantId, 'tenant', ownCustomerId);
  if (!store) throw new DomainError('FORBIDDEN');
  const { flagged, flagReason } = checkPackPrice(fen, product.retailPriceFen, input.confirm === true);
  const row = await context.db.transaction(async (tx) => {
    await lockStoreProduct(tx, actor.tenantId, store.id, product.id);
    const bounds = beijingDayBounds(now);
    checkDailyLimit(
      await countReportsBetween(tx, {
        tenantId: actor.tenantId,
        customerId: store.id,
        productId: product.id,
        ...bounds,
      }),
    );
    const created = await insertPriceReport(tx, {
      tenantId: actor.tenantId,
      source: 'retailer',
      productId: product.id,
      customerId: store.id,
      marketPoint: null,
      districtCode: store.districtCode,
      branchId: store.branchId,
      orgPath: store.orgPath,
      packPriceFen: fen,
      observedAt: now,
      reportedBy: actor.userId,
      flagged,
      flagReason,
      note: '',
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'price_report',
        entityId: created.id,
        after: { source: 'retailer', productId: product.id, customerId: store.id, packPriceFen: fen, flagged },
      },
      now,
    );
    return created;
  });
  return { id: row.id, observedAt: row.observedAt, flagged: row.flagged };
}

// An inspector's market check (明察暗访): a store in the caller's scope, or a store-less market point
// in a district the city serves (its branch optional).
export async function recordInspection(context: AppContext, actor: Actor, input: InspectionInput) {
  const now = context.now();
  const tenantId = actor.tenantId;
  const product = await activeProductOf(context.db, tenantId, input.productId);
  const fen = packPriceFenOf(input.packPrice);
  const observedAt = input.observedAt ? new Date(input.observedAt) : now;
  checkObservedAt(observedAt, now);
  const atStore = input.customerId !== undefined;
  const atPoint = input.marketPoint !== undefined || input.districtCode !== undefined;
  if (atStore === atPoint || (atPoint && (!input.marketPoint || !input.districtCode)))
    throw new DomainError('PRICE_PLACE_REQUIRED', {}, 'customerId');
  let place: { customerId: number | null; districtCode: string; branchId: number | null; orgPath: string | null };
  if (input.customerId !== undefined) {
    const store = await findStore(context.db, tenantId, actor.scope, input.customerId);
    if (store?.status !== 'active')
      throw new DomainError('PRICE_STORE_UNKNOWN', { customerId: input.customerId }, 'customerId');
    place = {
      customerId: store.id,
      districtCode: store.districtCode,
      branchId: store.branchId,
      orgPath: store.orgPath,
    };
  } else {
    const districtCode = input.districtCode as string;
    if (!(await districtNames(context.db, tenantId)).has(districtCode))
      throw new DomainError('PRICE_DISTRICT_UNKNOWN', { districtCode }, 'districtCode');
    const scopePath = actor.scope.kind === 'org' ? actor.scope.orgPath : null;
    let orgPath = scopePath;
    if (input.branchId !== undefined) {
      const branch = (await branchNames(context.db, tenantId)).get(String(input.branchId));
      if (!branch || (scopePath !== null && !branch.path.startsWith(scopePath)))
        throw new DomainError('PRICE_BRANCH_UNKNOWN', { branchId: input.branchId }, 'branchId');
      orgPath = branch.path;
    }
    if (orgPath === '/') orgPath = (await findRootOrgUnit(context.db, tenantId))?.path ?? null;
    place = { customerId: null, districtCode, branchId: input.branchId ?? null, orgPath };
  }
  const { flagged, flagReason } = checkPackPrice(fen, product.retailPriceFen, input.confirm === true);
  const row = await context.db.transaction(async (tx) => {
    if (place.customerId !== null) {
      await lockStoreProduct(tx, tenantId, place.customerId, product.id);
      const bounds = beijingDayBounds(observedAt);
      checkDailyLimit(
        await countReportsBetween(tx, { tenantId, customerId: place.customerId, productId: product.id, ...bounds }),
      );
    }
    const created = await insertPriceReport(tx, {
      tenantId,
      source: 'inspection',
      productId: product.id,
      customerId: place.customerId,
      marketPoint: input.marketPoint ?? null,
      districtCode: place.districtCode,
      branchId: place.branchId,
      orgPath: place.orgPath,
      packPriceFen: fen,
      observedAt,
      reportedBy: actor.userId,
      flagged,
      flagReason,
      note: input.note ?? '',
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'price_report',
        entityId: created.id,
        after: { source: 'inspection', productId: product.id, ...place, packPriceFen: fen, flagged },
      },
      now,
    );
    return created;
  });
  return observationOf(context, actor, row.id);
}

// One price report as the list shows it (the answer to a market check and to a review).
async function observationOf(context: AppContext, actor: Actor, id: number) {
  const [row] = await listReports(context.db, actor.tenantId, actor.scope, { id, limit: 1, offset: 0 });
  if (!row) throw new DomainError('NOT_FOUND');
  return {
    id: row.report.id,
    key: `${row.report.source}:${row.report.id}:${row.report.productId}`,
    source: row.report.source,
    productId: row.report.productId,
    productName: row.productName,
    brand: row.brand,
    customerId: row.report.customerId,
    storeName: row.storeName,
    licenceNo: row.licenceNo,
    marketPoint: row.report.marketPoint,
    districtCode: row.report.districtCode,
    branchId: row.report.branchId,
    packPrice: row.report.packPriceFen / 100,
    suggestedPackPrice: round2(suggestedPackFenOf(row.retailPriceFen) / 100) as number,
    observedAt: row.report.observedAt,
    reportedBy: row.report.reportedBy,
    reporterName: row.reporterName ?? '',
    flagged: row.report.flagged,
    flagReason: row.report.flagReason,
    note: row.report.note,
  };
}

// 价格采集记录: every source (visits', retailers', inspectors'), filtered on the server by what an
// index figure is keyed by, paged; counted=true lists exactly what the index counts. Without a week
// or a from: the last 13 weeks.
export async function listObservations(
  context: AppContext,
  actor: Actor,
  query: Partial<ObservationListQuery> & { limit: number; offset: number },
) {
  let from = query.from ? new Date(query.from) : undefined;
  // Until now, inclusive (a report posted this instant is listed).
  let until = query.to ? new Date(query.to) : new Date(context.now().getTime() + 1);
  if (query.week !== undefined) {
    const bounds = weekBounds(mondayOfIsoWeek(query.week));
    from = from && from > bounds.from ? from : bounds.from;
    if (!query.to || bounds.until < until) until = bounds.until;
  }
  from ??= new Date(until.getTime() - defaultObservationDays * 86_400_000);
  const rows = await listObservationRows(context.db, actor.tenantId, actor.scope, {
    from,
    until,
    counted: query.counted === 'true',
    productId: query.productId,
    brand: query.brand,
    priceClass: query.priceClass,
    customerId: query.customerId,
    source: query.source,
    branchKey: query.branchId === undefined ? undefined : String(query.branchId),
    districtCode: query.districtCode,
    format: query.format,
    urbanRural: query.urbanRural,
    flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
    limit: query.limit,
    offset: query.offset,
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      id: Number(row.ref_id),
      key: `${row.source}:${row.ref_id}:${row.product_id}`,
      source: row.source,
      productId: Number(row.product_id),
      productName: row.product_name,
      brand: row.brand,
      customerId: row.customer_id === null ? null : Number(row.customer_id),
      storeName: row.store_name,
      licenceNo: row.licence_no,
      marketPoint: row.market_point,
      districtCode: row.district_code,
      branchId: row.branch_id === null ? null : Number(row.branch_id),
      packPrice: Number(row.pack_price_fen) / 100,
      suggestedPackPrice: round2(suggestedPackFenOf(Number(row.retail_price_fen)) / 100) as number,
      observedAt: new Date(row.observed_at),
      reportedBy: Number(row.reported_by),
      reporterName: row.reporter_name ?? '',
      flagged: Boolean(row.flagged),
      flagReason: row.flag_reason,
      note: row.note,
    })),
  };
}

// Review of a flagged report: counted (flagged false) or kept out (true).
export async function reviewObservation(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { flagged: boolean; note?: string },
) {
  const now = context.now();
  await observationOf(context, actor, id);
  await context.db.transaction(async (tx) => {
    const row = await findReport(tx, actor.tenantId, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    const flagReason = input.flagged ? (row.flagReason ?? 'reviewed') : null;
    await setReportFlag(tx, actor.tenantId, id, input.flagged, flagReason);
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'price_report',
        entityId: id,
        before: { flagged: row.flagged },
        after: { flagged: input.flagged, note: input.note ?? '' },
      },
      now,
    );
  });
  return observationOf(context, actor, id);
}

// ── The index ─────────────────────────────────────────────────────────────────────────────────

export const indexDefinition = {
  zh: `价格指数 = 实际零售均价 ÷ 建议零售价 × 100（每包）。计入前剔除异常：价格须在建议零售价 50%–200% 之间；同一规格、同一周、同一区县样本 ≥ 5 个时，再剔除偏离中位数超过 max(3 × 1.4826 × MAD, 建议价 5%) 的样本。品牌、价类、全市等多规格指数按销量加权（权数 = 截至该周的 ${weightWeeks} 周订货条数，本期），并列出简单（算术平均）指数；无样本则无指数。`,
  en: `Price index = mean observed pack price ÷ suggested retail pack price × 100. Before counting: prices outside 50–200 % of the suggested are dropped; where a product, week and district have ≥ 5 observations, those farther from their median than max(3 × 1.4826 × MAD, 5 % of the suggested) are dropped too. Several products (a brand, a price class, the city) are weighted by sales (cartons ordered in the ${weightWeeks} weeks ending with the week: this period), the simple (unweighted) mean shown beside it; no observation, no index.`,
};

const productGroupings = ['brand', 'price_class', 'product'] as const;

function regionGroupingOf(groupBy: IndexGrouping): RegionGrouping {
  return (regionGroupings as readonly string[]).includes(groupBy) ? (groupBy as RegionGrouping) : 'none';
}

type Labels = { branch: Map<string, { name: string; path: string }>; district: Map<string, string> };

const noneLabels = {
  'zh-CN': { all: '全部', noBranch: '未归属营销部', marketPoint: '非客户采集点' },
  en: { all: 'All', noBranch: 'No branch', marketPoint: 'Market points' },
};

function labelOf(
  groupBy: IndexGrouping,
  key: string,
  labels: Labels,
  products: Map<number, ProductFacts>,
  locale: Locale,
) {
  const none = noneLabels[locale];
  switch (groupBy) {
    case 'none':
      return none.all;
    case 'branch':
      return key === 'none' ? none.noBranch : (labels.branch.get(key)?.name ?? key);
    case 'district':
      return labels.district.get(key) ?? key;
    case 'format':
      return key === 'market_point'
        ? none.marketPoint
        : (customerFormatLabels[locale][key as keyof (typeof customerFormatLabels)['en']] ?? key);
    case 'urban_rural':
      return key === 'market_point'
        ? none.marketPoint
        : (urbanRuralLabels[locale][key as keyof (typeof urbanRuralLabels)['en']] ?? key);
    case 'brand':
      return key;
    case 'price_class':
      return locale === 'zh-CN' ? priceClassLabels[Number(key) as PriceClass] : `Class ${key}`;
    case 'product':
      return products.get(Number(key))?.name ?? key;
  }
}

function rowKeyOf(groupBy: IndexGrouping, regionKey: string, product: ProductFacts): string {
  switch (groupBy) {
    case 'brand':
      return product.brand;
    case 'price_class':
      return String(product.priceClass);
    case 'product':
      return String(product.id);
    default:
      return regionKey;
  }
}

// Cells (product × row) from observation and weight cells, grouped into rows.
function rowsOfCells(
  groupBy: IndexGrouping,
  products: readonly ProductFacts[],
  observations: readonly CellRow[],
  weights: readonly { key: string; productId: number; cartons: number }[],
): Map<string, { cells: Map<number, ProductCell>; productCount: number }> {
  const byId = new Map(products.map((product) => [product.id, product]));
  const rows = new Map<string, { cells: Map<number, ProductCell>; productCount: number }>();
  const cellOf = (regionKey: string, productId: number) => {
    const product = byId.get(productId);
    if (!product) return undefined;
    const key = rowKeyOf(groupBy, regionKey, product);
    let row = rows.get(key);
    if (!row) {
      const productCount = (productGroupings as readonly string[]).includes(groupBy)
        ? products.filter((other) => rowKeyOf(groupBy, regionKey, other) === key).length
        : products.length;
      row = { cells: new Map(), productCount };
      rows.set(key, row);
    }
    let cell = row.cells.get(productId);
    if (!cell) {
      cell = {
        productId,
        observations: 0,
        sumPackPriceFen: 0,
        suggestedPackFen: suggestedPackFenOf(product.retailPriceFen),
        weightCartons: 0,
      };
      row.cells.set(productId, cell);
    }
    return cell;
  };
  for (const observation of observations) {
    const cell = cellOf(observation.key, observation.productId);
    if (!cell) continue;
    cell.observations += observation.observations;
    cell.sumPackPriceFen += observation.sumFen;
  }
  for (const weight of weights) {
    const cell = cellOf(weight.key, weight.productId);
    if (cell) cell.weightCartons += weight.cartons;
  }
  return rows;
}

const roundedFigures = (figures: IndexFigures) => ({
  ...figures,
  meanPackPrice: round2(figures.meanPackPrice),
  suggestedPackPrice: round2(figures.suggestedPackPrice),
  index: round2(figures.index),
  simpleIndex: round2(figures.simpleIndex),
  weightedIndex: round2(figures.weightedIndex),
});

const emptyFigures = (productCount: number, products: readonly ProductFacts[]) =>
  figuresOf(
    productCount === 1 && products[0]
      ? [
          {
            productId: products[0].id,
            observations: 0,
            sumPackPriceFen: 0,
            suggestedPackFen: suggestedPackFenOf(products[0].retailPriceFen),
            weightCartons: 0,
          },
        ]
      : [],
    productCount,
  );

async function productsOf(
  executor: Executor,
  tenantId: number,
  filter: { productId?: number; brand?: string; priceClass?: number },
) {
  const products = await listProducts(executor, tenantId, filter);
  // A product of no one's (or another city's): not found, as any read of an unknown id.
  if (filter.productId !== undefined && products.length === 0) throw new DomainError('NOT_FOUND');
  return products;
}

// A week's index rows for a reach (the caller's scope, or the tenant), read live.
export async function priceIndexRows(
  executor: Executor,
  params: {
    tenantId: number;
    reach: Reach;
    monday: string;
    groupBy: IndexGrouping;
    filter: { productId?: number; brand?: string; priceClass?: number };
    locale: Locale;
  },
): Promise<IndexRow[]> {
  const products = await productsOf(executor, params.tenantId, params.filter);
  if (products.length === 0) return [];
  const grouping = regionGroupingOf(params.groupBy);
  const productIds = products.map((product) => product.id);
  const { from, until } = weekBounds(params.monday);
  const [observations, weights, branch, district] = await Promise.all([
    observationCells(executor, { tenantId: params.tenantId, from, until, grouping, reach: params.reach, productIds }),
    weightCells(executor, {
      tenantId: params.tenantId,
      monday: params.monday,
      grouping,
      reach: params.reach,
      productIds,
    }),
    branchNames(executor, params.tenantId),
    districtNames(executor, params.tenantId),
  ]);
  const rows = rowsOfCells(params.groupBy, products, observations, weights);
  if (params.groupBy === 'none' && !rows.has('all'))
    rows.set('all', { cells: new Map(), productCount: products.length });
  const byId = new Map(products.map((product) => [product.id, product]));
  const labels = { branch, district };
  const answer: IndexRow[] = [...rows.entries()].map(([key, row]) => {
    const figures = row.cells.size
      ? figuresOf([...row.cells.values()], row.productCount)
      : emptyFigures(row.productCount, products);
    return { key, label: labelOf(params.groupBy, key, labels, byId, params.locale), ...roundedFigures(figures) };
  });
  return answer.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key));
}

export async function getIndex(context: AppContext, actor: Actor, query: IndexQuery, locale: Locale) {
  const currentWeek = currentIsoWeek(context.now());
  const week = query.week ?? currentWeek;
  const monday = mondayOfIsoWeek(week);
  const rows = await priceIndexRows(context.db, {
    tenantId: actor.tenantId,
    reach: actor.scope,
    monday,
    groupBy: query.groupBy,
    filter: { productId: query.productId, brand: query.brand, priceClass: query.priceClass },
    locale,
  });
  return { week, currentWeek, weekStart: monday, rows, definition: indexDefinition };
}

export const maxTrendWeeks = 60;

// The index per week for a product or a brand (optionally in a district or a branch), every week
// of the range present (null where nothing was observed). Weights: the 13 weeks ending with `to`.
export async function getTrend(context: AppContext, actor: Actor, query: TrendQuery) {
  if ((query.productId === undefined) === (query.brand === undefined))
    throw new DomainError('PRICE_TREND_TARGET', {}, 'productId');
  const to = query.to ?? currentIsoWeek(context.now());
  const lastMonday = mondayOfIsoWeek(to);
  const firstMonday = query.from ? mondayOfIsoWeek(query.from) : addDays(lastMonday, -7 * 12);
  const weeks = (Date.parse(lastMonday) - Date.parse(firstMonday)) / (7 * 86_400_000) + 1;
  if (weeks < 1 || weeks > maxTrendWeeks)
    throw new DomainError('PRICE_RANGE_INVALID', { maxWeeks: maxTrendWeeks }, 'from');
  const products = await productsOf(context.db, actor.tenantId, { productId: query.productId, brand: query.brand });
  const productIds = products.map((product) => product.id);
  const region =
    query.districtCode !== undefined
      ? { kind: 'district' as const, key: query.districtCode }
      : query.branchId !== undefined
        ? { kind: 'branch' as const, key: String(query.branchId) }
        : undefined;
  const [observations, weights] = productIds.length
    ? await Promise.all([
        observationCells(context.db, {
          tenantId: actor.tenantId,
          from: weekBounds(firstMonday).from,
          until: weekBounds(lastMonday).until,
          grouping: 'none',
          reach: actor.scope,
          productIds,
          region,
        }),
        weightCells(context.db, {
          tenantId: actor.tenantId,
          monday: lastMonday,
          grouping: 'none',
          reach: actor.scope,
          productIds,
          region,
        }),
      ])
    : [[], []];
  const points = [];
  for (let monday = firstMonday; monday <= lastMonday; monday = addDays(monday, 7)) {
    const rows = rowsOfCells(
      'none',
      products,
      observations.filter((cell) => cell.weekStart === monday),
      weights,
    );
    const row = rows.get('all');
    const figures = row ? figuresOf([...row.cells.values()], products.length) : emptyFigures(products.length, products);
    points.push({ week: isoWeekOf(monday), weekStart: monday, ...roundedFigures(figures) });
  }
  return { points };
}

// This week's index by district × brand (the web's heat table), with each district's and each
// brand's own figure.
export async function getHeat(context: AppContext, actor: Actor, query: { week?: string }, locale: Locale) {
  const week = query.week ?? currentIsoWeek(context.now());
  const monday = mondayOfIsoWeek(week);
  const products = await listProducts(context.db, actor.tenantId);
  const { from, until } = weekBounds(monday);
  const reach = actor.scope;
  const [observations, weights, district] = await Promise.all([
    observationCells(context.db, { tenantId: actor.tenantId, from, until, grouping: 'district', reach }),
    weightCells(context.db, { tenantId: actor.tenantId, monday, grouping: 'district', reach }),
    districtNames(context.db, actor.tenantId),
  ]);
  const byId = new Map(products.map((product) => [product.id, product]));
  const brandOf = (productId: number) => byId.get(productId)?.brand ?? '';
  const districtKeys = [...new Set(observations.map((cell) => cell.key))].sort();
  const brands = [...new Set(observations.map((cell) => brandOf(cell.productId)))]
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  // The cells grouped once by district, by brand and by both (a province has hundreds of districts).
  type Bucket = { observations: CellRow[]; weights: { key: string; productId: number; cartons: number }[] };
  const buckets = new Map<string, Bucket>();
  const bucketOf = (key: string) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { observations: [], weights: [] };
      buckets.set(key, bucket);
    }
    return bucket;
  };
  for (const cell of observations) {
    const brand = brandOf(cell.productId);
    const moved = { ...cell, key: 'all' };
    for (const key of [`d|${cell.key}`, `b|${brand}`, `db|${cell.key}|${brand}`])
      bucketOf(key).observations.push(moved);
  }
  for (const cell of weights) {
    const brand = brandOf(cell.productId);
    const moved = { ...cell, key: 'all' };
    for (const key of [`d|${cell.key}`, `b|${brand}`, `db|${cell.key}|${brand}`]) bucketOf(key).weights.push(moved);
  }
  const figuresFor = (key: string, productCount: number) => {
    const bucket = buckets.get(key) ?? { observations: [], weights: [] };
    const row = rowsOfCells('none', products, bucket.observations, bucket.weights).get('all');
    return roundedFigures(row ? figuresOf([...row.cells.values()], productCount) : figuresOf([], productCount));
  };
  const brandSizes = new Map<string, number>();
  for (const product of products) brandSizes.set(product.brand, (brandSizes.get(product.brand) ?? 0) + 1);
  const countOf = (brand: string) => brandSizes.get(brand) ?? 0;
  return {
    week,
    weekStart: monday,
    districts: districtKeys.map((key) => ({
      key,
      label: labelOf('district', key, { branch: new Map(), district }, byId, locale),
      ...figuresFor(`d|${key}`, products.length),
    })),
    brands: brands.map((brand) => ({ brand, ...figuresFor(`b|${brand}`, countOf(brand)) })),
    cells: districtKeys.flatMap((key) =>
      brands.map((brand) => {
        const figures = figuresFor(`db|${key}|${brand}`, countOf(brand));
        return { districtCode: key, brand, index: figures.index, observations: figures.observations };
      }),
    ),
  };
}

// ── Warning rules ─────────────────────────────────────────────────────────────────────────────

const ruleOf = (row: PriceWarningRuleRow): WarningRule => ({
  id: row.id,
  scope: row.scope,
  priceClass: row.priceClass,
  productId: row.productId,
  yellowFloor: row.yellowFloor,
  yellowCeiling: row.yellowCeiling,
  redFloor: row.redFloor,
  redCeiling: row.redCeiling,
  dropPoints: row.dropPoints,
  minObservations: row.minObservations,
});

export async function listWarningRules(context: AppContext, actor: Actor) {
  const rows = await listRules(context.db, actor.tenantId);
  const products = await listProducts(context.db, actor.tenantId);
  const nameOf = new Map(products.map((product) => [product.id, product.name]));
  return {
    items: rows.map((row) => ({
      ...ruleOf(row),
      productName: row.productId ? (nameOf.get(row.productId) ?? null) : null,
      updatedAt: row.updatedAt,
    })),
    builtIn: { ...builtInRule, productName: null, updatedAt: null },
  };
}

async function checkRuleTarget(executor: Executor, tenantId: number, input: RuleInput) {
  const priceClass = input.priceClass ?? null;
  const productId = input.productId ?? null;
  const valid =
    (input.scope === 'default' && priceClass === null && productId === null) ||
    (input.scope === 'price_class' && priceClass !== null && productId === null) ||
    (input.scope === 'product' && productId !== null && priceClass === null);
  if (!valid) throw new DomainError('PRICE_RULE_TARGET_INVALID', {}, 'scope');
  if (productId !== null && !(await findProduct(executor, tenantId, productId)))
    throw new DomainError('PRICE_RULE_TARGET_INVALID', {}, 'productId');
  return { scope: input.scope, priceClass, productId };
}

export async function createWarningRule(context: AppContext, actor: Actor, input: RuleInput) {
  const now = context.now();
  checkBands(input);
  const created = await context.db.transaction(async (tx) => {
    const target = await checkRuleTarget(tx, actor.tenantId, input);
    const existing = await findRuleForTarget(tx, actor.tenantId, target);
    if (existing) throw new DomainError('PRICE_RULE_DUPLICATE', { ruleId: existing.id }, 'scope');
    const row = await insertRule(tx, {
      tenantId: actor.tenantId,
      ...target,
      yellowFloor: input.yellowFloor,
      yellowCeiling: input.yellowCeiling,
      redFloor: input.redFloor,
      redCeiling: input.redCeiling,
      dropPoints: input.dropPoints ?? null,
      minObservations: input.minObservations,
      updatedBy: actor.userId > 0 ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'price_warning_rule', entityId: row.id, after: ruleOf(row) },
      now,
    );
    return row;
  });
  return { ...ruleOf(created), productName: null, updatedAt: created.updatedAt };
}

export async function editWarningRule(context: AppContext, actor: Actor, id: number, patch: RulePatch) {
  const now = context.now();
  const updated = await context.db.transaction(async (tx) => {
    const row = await findRule(tx, actor.tenantId, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    const before = ruleOf(row);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    } as WarningRule;
    checkBands(after);
    const saved = await updateRule(tx, actor.tenantId, id, {
      yellowFloor: after.yellowFloor,
      yellowCeiling: after.yellowCeiling,
      redFloor: after.redFloor,
      redCeiling: after.redCeiling,
      dropPoints: after.dropPoints,
      minObservations: after.minObservations,
      updatedBy: actor.userId > 0 ? actor.userId : null,
      updatedAt: now,
    });
    await recordChange(tx, actor, { action: 'update', entity: 'price_warning_rule', entityId: id, before, after }, now);
    return saved;
  });
  return { ...ruleOf(updated), productName: null, updatedAt: updated.updatedAt };
}

export async function removeWarningRule(context: AppContext, actor: Actor, id: number) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const row = await findRule(tx, actor.tenantId, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    await deleteRule(tx, actor.tenantId, id);
    await recordChange(
      tx,
      actor,
      { action: 'delete', entity: 'price_warning_rule', entityId: id, before: ruleOf(row) },
      now,
    );
  });
}

// ── Warnings ──────────────────────────────────────────────────────────────────────────────────

const regionKinds: readonly { kind: WarningRegionKind; grouping: RegionGrouping }[] = [
  { kind: 'city', grouping: 'none' },
  { kind: 'branch', grouping: 'branch' },
  { kind: 'district', grouping: 'district' },
];

export type EvaluationOutcome = { evaluated: number; created: number; extended: number; refreshed: number };

// Judges a week (its Monday) for every product and region (the city, each branch, each district)
// of the tenant and writes the warnings: new, carried on (a dip over several weeks stays one
// warning), or refreshed. The scheduled job and marketing's "evaluate now" both call it.
export async function evaluateWarningsIn(
  tx: Executor,
  actor: Actor,
  monday: string,
  now: Date,
): Promise<EvaluationOutcome> {
  const tenantId = actor.tenantId;
  const previousMonday = addDays(monday, -7);
  const [rules, products, open, closed, branch, district, root] = await Promise.all([
    listRules(tx, tenantId),
    listProducts(tx, tenantId),
    openWarnings(tx, tenantId),
    closedWarningKeys(tx, tenantId, monday),
    branchNames(tx, tenantId),
    districtNames(tx, tenantId),
    findRootOrgUnit(tx, tenantId),
  ]);
  // How many districts each branch's stores lie in: read once, when a branch first has a finding.
  let branchDistricts: Map<string, number> | undefined;
  const warningRules = rules.map(ruleOf);
  const byId = new Map(products.map((product) => [product.id, product]));
  const openBy = new Map(open.map((row) => [`${row.productId}|${row.regionKind}|${row.regionKey}`, row]));
  const outcome: EvaluationOutcome = { evaluated: 0, created: 0, extended: 0, refreshed: 0 };
  const inserts: WarningInsert[] = [];
  const week = isoWeekOf(monday);
  for (const { kind, grouping } of regionKinds) {
    const cells = await observationCells(tx, {
      tenantId,
      from: weekBounds(previousMonday).from,
      until: weekBounds(monday).until,
      grouping,
      reach: 'tenant',
    });
    const figures = new Map<string, { index: number; observations: number; meanFen: number }>();
    for (const cell of cells) {
      const product = byId.get(cell.productId);
      if (!product) continue;
      const meanFen = cell.sumFen / cell.observations;
      figures.set(`${cell.weekStart}|${cell.key}|${cell.productId}`, {
        index: (meanFen * 100) / suggestedPackFenOf(product.retailPriceFen),
        observations: cell.observations,
        meanFen,
      });
    }
    for (const cell of cells) {
      if (cell.weekStart !== monday || (kind === 'branch' && cell.key === 'none')) continue;
      const product = byId.get(cell.productId);
      const current = figures.get(`${monday}|${cell.key}|${cell.productId}`);
      if (!product || !current) continue;
      outcome.evaluated += 1;
      const previous = figures.get(`${previousMonday}|${cell.key}|${cell.productId}`) ?? null;
      const rule = ruleFor(warningRules, product);
      const finding = evaluateWeek(rule, current, previous);
      if (!finding) continue;
      if (kind === 'branch') {
        branchDistricts ??= await districtCountsOfBranches(tx, tenantId);
        if (!isBranchJudged(branchDistricts.get(cell.key))) continue;
      }
      const regionKey = kind === 'city' ? 'city' : cell.key;
      const openRow = openBy.get(`${product.id}|${kind}|${regionKey}`);
      const step = warningStepOf(openRow, monday);
      // A week a closed warning covered, judged again, does not raise it anew.
      if (step === 'create' && closed.has(`${product.id}|${kind}|${regionKey}`)) continue;
      const figuresNow = {
        indexValue: current.index,
        previousIndex: previous?.index ?? null,
        observations: current.observations,
        meanPackPriceFen: current.meanFen,
        suggestedPackPriceFen: suggestedPackFenOf(product.retailPriceFen),
        level: finding.level,
        rule: finding.rule,
        ruleEn: finding.ruleEn,
        ruleId: rule.id,
        updatedAt: now,
      };
      if (step === 'create') {
        const label =
          kind === 'city'
            ? '全市'
            : kind === 'branch'
              ? (branch.get(regionKey)?.name ?? regionKey)
              : (district.get(regionKey) ?? regionKey);
        inserts.push({
          tenantId,
          productId: product.id,
          regionKind: kind,
          regionKey,
          regionLabel: label,
          orgPath: kind === 'branch' ? (branch.get(regionKey)?.path ?? root?.path ?? null) : (root?.path ?? null),
          firstWeek: week,
          firstWeekStart: monday,
          week,
          weekStart: monday,
          weeks: 1,
          status: 'new',
          createdAt: now,
          ...figuresNow,
        });
        outcome.created += 1;
      } else if (step === 'extend' && openRow) {
        await updateWarning(tx, tenantId, openRow.id, {
          ...figuresNow,
          week,
          weekStart: monday,
          weeks: openRow.weeks + 1,
        });
        outcome.extended += 1;
      } else if (step === 'refresh' && openRow) {
        await updateWarning(tx, tenantId, openRow.id, figuresNow);
        outcome.refreshed += 1;
      }
    }
  }
  await insertWarnings(tx, inserts);
  await recordChange(tx, actor, { action: 'compute', entity: 'price_warning', after: { week, ...outcome } }, now);
  return outcome;
}

export async function evaluateWarnings(context: AppContext, actor: Actor, input: { week?: string }) {
  const now = context.now();
  const monday = input.week ? mondayOfIsoWeek(input.week) : lastCompleteWeek(now);
  const outcome = await context.db.transaction((tx) => evaluateWarningsIn(tx, actor, monday, now));
  return { week: isoWeekOf(monday), weekStart: monday, ...outcome };
}

// The weekly evaluation: daily at 03:00 Beijing it judges the last complete week (again: the same
// week judged twice only refreshes), for every city company with observations in it.
export const priceWarningJob: Job = {
  name: 'prices.warnings',
  description: '价格预警：评估上一完整周的价格指数 / judge last week’s price index',
  cadence: daily('03:00'),
  run: async (context) => {
    const now = context.now();
    const monday = lastCompleteWeek(now);
    const { from, until } = weekBounds(monday);
    const totals = { tenants: 0, created: 0, extended: 0, refreshed: 0 };
    for (const tenantId of await tenantsWithObservations(context.db, from, until)) {
      const outcome = await context.db.transaction((tx) =>
        evaluateWarningsIn(tx, systemActor(tenantId, 'price-warnings'), monday, now),
      );
      totals.tenants += 1;
      totals.created += outcome.created;
      totals.extended += outcome.extended;
      totals.refreshed += outcome.refreshed;
    }
    return totals;
  },
};

function warningOf(
  row: {
    warning: PriceWarningRow;
    productName: string;
    productCode: string;
    brand: string;
    ownerName: string | null;
  },
  locale: Locale,
) {
  const w = row.warning;
  return {
    id: w.id,
    productId: w.productId,
    productName: row.productName,
    productCode: row.productCode,
    brand: row.brand,
    region: {
      kind: w.regionKind,
      key: w.regionKey,
      label: w.regionKind === 'city' && locale === 'en' ? 'City' : w.regionLabel,
    },
    week: w.week,
    weekStart: w.weekStart,
    firstWeek: w.firstWeek,
    weeks: w.weeks,
    index: round2(w.indexValue) as number,
    previousIndex: round2(w.previousIndex),
    observations: w.observations,
    meanPackPrice: round2(w.meanPackPriceFen / 100) as number,
    suggestedPackPrice: round2(w.suggestedPackPriceFen / 100) as number,
    level: w.level,
    rule: locale === 'en' ? w.ruleEn : w.rule,
    status: w.status,
    ownerId: w.ownerId,
    ownerName: row.ownerName,
    actionNote: w.actionNote,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    acknowledgedAt: w.acknowledgedAt,
    actionTakenAt: w.actionTakenAt,
    closedAt: w.closedAt,
  };
}

export async function getWarnings(
  context: AppContext,
  actor: Actor,
  query: { status?: PriceWarningRow['status']; productId?: number; limit: number },
  locale: Locale,
) {
  const rows = await listWarnings(context.db, actor.tenantId, actor.scope, query);
  return { items: rows.map((row) => warningOf(row, locale)) };
}

async function scopedWarning(context: AppContext, actor: Actor, id: number, locale: Locale) {
  const [row] = await listWarnings(context.db, actor.tenantId, actor.scope, { id, limit: 1 });
  if (!row) throw new DomainError('NOT_FOUND');
  return warningOf(row, locale);
}

export async function getWarning(context: AppContext, actor: Actor, id: number, locale: Locale) {
  return scopedWarning(context, actor, id, locale);
}

export async function changeWarningStatus(
  context: AppContext,
  actor: Actor,
  id: number,
  patch: WarningPatch,
  locale: Locale,
) {
  const now = context.now();
  await scopedWarning(context, actor, id, locale);
  await context.db.transaction(async (tx) => {
    const row = await findWarning(tx, actor.tenantId, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    checkStatusChange(row.status, patch.status, patch.note);
    const changes: Partial<WarningInsert> = { status: patch.status, updatedAt: now };
    if (patch.note?.trim()) changes.actionNote = patch.note.trim();
    if (patch.ownerId !== undefined && !(await findStaffUser(tx, actor.tenantId, patch.ownerId)))
      throw new DomainError('PRICE_WARNING_OWNER_UNKNOWN', { ownerId: patch.ownerId }, 'ownerId');
    if (patch.ownerId !== undefined) changes.ownerId = patch.ownerId;
    else if (row.ownerId === null && actor.userId > 0) changes.ownerId = actor.userId;
    if (patch.status === 'acknowledged') changes.acknowledgedAt = now;
    if (patch.status === 'action_taken') {
      changes.actionTakenAt = now;
      changes.acknowledgedAt = row.acknowledgedAt ?? now;
    }
    if (patch.status === 'closed') changes.closedAt = now;
    await updateWarning(tx, actor.tenantId, id, changes);
    await recordChange(
      tx,
      actor,
      {
        action: 'change_status',
        entity: 'price_warning',
        entityId: id,
        before: { status: row.status },
        after: { status: patch.status, note: patch.note ?? '', ownerId: changes.ownerId ?? row.ownerId },
      },
      now,
    );
  });
  return scopedWarning(context, actor, id, locale);
}

// From a warning to the next allocation (限点限量): the cycle whose allocation can still be set, the
// product, and the warning's region as supply's segment, for the web's allocation page to open with
// the region preselected for a reduced quota.
export async function allocationDraftOf(context: AppContext, actor: Actor, id: number, locale: Locale) {
  const warning = await scopedWarning(context, actor, id, locale);
  const now = context.now();
  const thisMonday = mondayOf(now);
  const { draft: cycle, latestWeekStart } = await nextDraftCycle(context.db, actor.tenantId, thisMonday);
  const afterLatest = latestWeekStart ? addDays(latestWeekStart, 7) : addDays(thisMonday, 7);
  const segment =
    warning.region.kind === 'branch'
      ? { branchIds: [Number(warning.region.key)] }
      : warning.region.kind === 'district'
        ? { districtCodes: [warning.region.key] }
        : {};
  // A price below its band asks for less supply there: ×0.7 (yellow) or ×0.5 (red). The allocation
  // rounds half up, so a factor must be this low to move the 1–3 cartons most stores receive (2 × 0.7
  // → 1, 3 × 0.7 → 2). A price above its band asks for no cut.
  const below = warning.index < 100;
  const factor = below ? (warning.level === 'red' ? 0.5 : 0.7) : 1;
  const regionMultipliers =
    warning.region.kind === 'branch'
      ? { branches: { [warning.region.key]: factor } }
      : warning.region.kind === 'district'
        ? { districts: { [warning.region.key]: factor } }
        : {};
  return {
    warningId: warning.id,
    cycle: cycle ? { id: cycle.id, code: cycle.code, weekStart: cycle.weekStart, status: cycle.status } : null,
    createWeekStart: cycle ? null : afterLatest > thisMonday ? afterLatest : addDays(thisMonday, 7),
    product: { id: warning.productId, code: warning.productCode, name: warning.productName, brand: warning.brand },
    region: warning.region,
    segment,
    regionMultipliers,
    factor,
    level: warning.level,
    index: warning.index,
    suggestion: below
      ? {
          zh: `${warning.region.label} ${warning.productName} 价格指数 ${warning.index.toFixed(2)}：建议在本区域限点限量投放（配额 × ${factor}），待指数回升后恢复。`,
          en: `${warning.productName} in ${warning.region.label} is at ${warning.index.toFixed(2)}: supply less there (quota × ${factor}) until the index recovers.`,
        }
      : {
          zh: `${warning.region.label} ${warning.productName} 价格指数 ${warning.index.toFixed(2)}：价格偏高，可考虑适当增加投放。`,
          en: `${warning.productName} in ${warning.region.label} is at ${warning.index.toFixed(2)}: prices run high; consider supplying more.`,
        },
  };
}
