import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import { addDays, mondayOfDay } from '../../platform/time/weeks.ts';
import { products } from '../products/index.ts';
import { storeProductWeeks } from '../supply/index.ts';
import { visitPriceObservations, visits } from '../visits/index.ts';
import type { MarginRow } from './margin.contract.ts';
import { storeWeekMarginSql } from './margin.repository.ts';
import { marginOf, sourceSharesOf, yuanOf } from './margin.rules.ts';
import { marginFigures, marginRangeOf } from './margin.service.ts';
import { findStore } from './prices.repository.ts';

// The retailer's own prices in the portal (its margin by week and by brand, the suggested retail
// prices of what it buys) and a store's prices in the 360° view. A retailer's store is always its
// own (its data scope); staff see a store within theirs (404 otherwise).

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const defaultWeeks = 13;

// The portal's and the 360° view's default: the 13 weeks up to today.
function recentRange(now: Date, from?: string, to?: string) {
  const last = to ?? beijingDateOf(now);
  return marginRangeOf(now, from ?? addDays(mondayOfDay(last), -7 * (defaultWeeks - 1)), last);
}

const withoutStores = ({ stores: _stores, ...row }: MarginRow) => row;

async function storeMarginByWeek(context: AppContext, actor: Actor, customerId: number, from?: string, to?: string) {
  const range = recentRange(context.now(), from, to);
  const figures = await marginFigures(context.db, actor.tenantId, actor.scope, {
    groupBy: 'week',
    from: range.from,
    to: range.to,
    now: context.now(),
    locale: 'zh-CN',
    filter: { customerId },
  });
  return {
    from: figures.from,
    to: figures.to,
    rows: figures.rows.map(withoutStores),
    total: withoutStores(figures.total),
  };
}

type BrandSumsRow = {
  brand: string;
  retail_fen: number;
  wholesale_fen: number;
  cartons: number;
  own_cartons: number;
  district_cartons: number;
  suggested_cartons: number;
};

async function storeMarginByBrand(context: AppContext, actor: Actor, customerId: number, from?: string, to?: string) {
  const range = recentRange(context.now(), from, to);
  const rows = rowsOf<BrandSumsRow>(
    await context.db.execute(sql`
      SELECT p.brand, sum(m.retail_fen)::float8 AS retail_fen, sum(m.wholesale_fen)::float8 AS wholesale_fen,
        sum(m.cartons)::int AS cartons, sum(m.own_cartons)::int AS own_cartons,
        sum(m.district_cartons)::int AS district_cartons, sum(m.suggested_cartons)::int AS suggested_cartons
      FROM (${storeWeekMarginSql(actor.tenantId, range.weeks, { customerId }, true)}) m
      JOIN ${products} p ON p.tenant_id = ${actor.tenantId} AND p.id = m.product_id
      GROUP BY p.brand ORDER BY sum(m.retail_fen) DESC, p.brand`),
  );
  const rowOf = (key: string, row: Omit<BrandSumsRow, 'brand'>): Omit<MarginRow, 'stores'> => {
    const sums = {
      retailFen: Number(row.retail_fen),
      wholesaleFen: Number(row.wholesale_fen),
      cartons: Number(row.cartons),
      ownCartons: Number(row.own_cartons),
      districtCartons: Number(row.district_cartons),
      suggestedCartons: Number(row.suggested_cartons),
    };
    return {
      key,
      label: key,
      retailAmount: yuanOf(sums.retailFen),
      wholesaleAmount: yuanOf(sums.wholesaleFen),
      margin: marginOf(sums),
      cartons: sums.cartons,
      sources: sourceSharesOf(sums),
      lastYear: null,
      change: null,
    };
  };
  const total = rows.reduce(
    (sum, row) => ({
      retail_fen: sum.retail_fen + Number(row.retail_fen),
      wholesale_fen: sum.wholesale_fen + Number(row.wholesale_fen),
      cartons: sum.cartons + Number(row.cartons),
      own_cartons: sum.own_cartons + Number(row.own_cartons),
      district_cartons: sum.district_cartons + Number(row.district_cartons),
      suggested_cartons: sum.suggested_cartons + Number(row.suggested_cartons),
    }),
    { retail_fen: 0, wholesale_fen: 0, cartons: 0, own_cartons: 0, district_cartons: 0, suggested_cartons: 0 },
  );
  return {
    from: range.from,
    to: range.to,
    rows: rows.map((row) => rowOf(row.brand, row)),
    total: rowOf('total', total),
  };
}

export async function getPortalMargin(
  context: AppContext,
  actor: Actor,
  query: { by: 'week' | 'brand'; from?: string; to?: string },
) {
  const customerId = retailerStoreOf(actor);
  const figures =
    query.by === 'week'
      ? await storeMarginByWeek(context, actor, customerId, query.from, query.to)
      : await storeMarginByBrand(context, actor, customerId, query.from, query.to);
  return { ...figures, by: query.by };
}

type SuggestedRow = {
  id: number;
  code: string;
  name: string;
  brand: string;
  price_class: number;
  wholesale_price_fen: number;
  retail_price_fen: number;
  last_week: string | null;
  cartons: number;
  last_pack_fen: number | null;
  last_observed_at: Date | string | null;
};

// What the store bought in the last 13 weeks, with the suggested prices and its latest own price.
export async function getSuggestedPrices(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const tenantId = actor.tenantId;
  const since = addDays(mondayOfDay(beijingDateOf(context.now())), -7 * defaultWeeks);
  const rows = rowsOf<SuggestedRow>(
    await context.db.execute(sql`
      WITH bought AS (
        SELECT product_id, max(week_start)::text AS last_week, sum(ordered)::int AS cartons
        FROM ${storeProductWeeks} WHERE tenant_id = ${tenantId} AND customer_id = ${customerId} AND week_start >= ${since}::date
        GROUP BY product_id),
      seen AS (${ownObservationsSql(tenantId, customerId, beijingMidnightOf(since))})
      SELECT p.id, p.code, p.name, p.brand, p.price_class, p.wholesale_price_fen, p.retail_price_fen, b.last_week, b.cartons,
        l.pack_price_fen AS last_pack_fen, l.observed_at AS last_observed_at
      FROM bought b
      JOIN ${products} p ON p.tenant_id = ${tenantId} AND p.id = b.product_id
      LEFT JOIN LATERAL (SELECT s.pack_price_fen, s.observed_at FROM seen s WHERE s.product_id = b.product_id
        ORDER BY s.observed_at DESC LIMIT 1) l ON true
      ORDER BY b.cartons DESC, p.code`),
  );
  return {
    items: rows.map((row) => {
      const wholesale = Number(row.wholesale_price_fen);
      const retail = Number(row.retail_price_fen);
      return {
        productId: Number(row.id),
        code: row.code,
        name: row.name,
        brand: row.brand,
        priceClass: Number(row.price_class),
        wholesaleCartonPrice: yuanOf(wholesale),
        suggestedCartonPrice: yuanOf(retail),
        suggestedPackPrice: yuanOf(retail / 10),
        marginAtSuggested: (retail - wholesale) / retail,
        lastOrderedWeek: row.last_week ? String(row.last_week).slice(0, 10) : null,
        cartonsOrdered: Number(row.cartons),
        lastObservedPackPrice: row.last_pack_fen === null ? null : yuanOf(Number(row.last_pack_fen)),
        lastObservedAt: row.last_observed_at === null ? null : new Date(row.last_observed_at).toISOString(),
      };
    }),
  };
}

// A store's own observations since an instant: its visits' (the newest record of each), its own
// reports and inspectors' at the store (not flagged). Columns: source, product_id, pack_price_fen,
// observed_at. Through the store's visits (visits' index by store), not a scan of every observation.
function ownObservationsSql(tenantId: number, customerId: number, since: Date) {
  return sql`
    SELECT 'visit'::text AS source, o.product_id, o.pack_price_fen, o.observed_at
    FROM ${visits} v
    JOIN ${visitPriceObservations} o ON o.tenant_id = v.tenant_id AND o.visit_id = v.id
    WHERE v.tenant_id = ${tenantId} AND v.customer_id = ${customerId} AND v.check_in_at >= ${since}
      AND NOT EXISTS (SELECT 1 FROM ${visits} n WHERE n.tenant_id = v.tenant_id AND n.corrects_visit_id = v.id)
    UNION ALL
    SELECT r.source, r.product_id, r.pack_price_fen, r.observed_at FROM price_reports r
    WHERE r.tenant_id = ${tenantId} AND r.customer_id = ${customerId} AND r.observed_at >= ${since} AND NOT r.flagged`;
}

type ObservationRow = {
  source: 'visit' | 'retailer' | 'inspection';
  product_id: number;
  name: string;
  retail_price_fen: number;
  pack_price_fen: number;
  observed_at: Date | string;
};

const indexWeeks = 4;

// The 360° view: a store's latest observations, its own index per product over the last 4 weeks,
// and its margin by week over the last 13.
export async function getCustomerPrices(context: AppContext, actor: Actor, customerId: number, _locale: Locale) {
  const tenantId = actor.tenantId;
  if (!(await findStore(context.db, tenantId, actor.scope, customerId))) throw new DomainError('NOT_FOUND');
  const now = context.now();
  const since = beijingMidnightOf(addDays(beijingDateOf(now), -365));
  const observations = rowsOf<ObservationRow>(
    await context.db.execute(sql`
      SELECT s.source, s.product_id, p.name, p.retail_price_fen, s.pack_price_fen, s.observed_at
      FROM (${ownObservationsSql(tenantId, customerId, since)}) s
      JOIN ${products} p ON p.tenant_id = ${tenantId} AND p.id = s.product_id
      ORDER BY s.observed_at DESC, s.product_id
      LIMIT 100`),
  );
  const indexSince = now.getTime() - indexWeeks * 7 * 86_400_000;
  const byProduct = new Map<number, { name: string; suggested: number; prices: number[] }>();
  for (const row of observations) {
    if (new Date(row.observed_at).getTime() < indexSince) continue;
    const suggested = Number(row.retail_price_fen) / 10;
    const entry = byProduct.get(Number(row.product_id)) ?? { name: row.name, suggested, prices: [] };
    entry.prices.push(Number(row.pack_price_fen));
    byProduct.set(Number(row.product_id), entry);
  }
  const margin = await storeMarginByWeek(context, actor, customerId);
  return {
    customerId,
    observations: observations.map((row) => {
      const suggested = Number(row.retail_price_fen) / 10;
      return {
        source: row.source,
        productId: Number(row.product_id),
        productName: row.name,
        packPrice: yuanOf(Number(row.pack_price_fen)),
        suggestedPackPrice: yuanOf(suggested),
        index: Math.round((Number(row.pack_price_fen) / suggested) * 10_000) / 100,
        observedAt: new Date(row.observed_at).toISOString(),
      };
    }),
    index: [...byProduct.entries()].map(([productId, entry]) => {
      const mean = entry.prices.reduce((sum, price) => sum + price, 0) / entry.prices.length;
      return {
        productId,
        productName: entry.name,
        observations: entry.prices.length,
        meanPackPrice: yuanOf(mean),
        suggestedPackPrice: yuanOf(entry.suggested),
        index: Math.round((mean / entry.suggested) * 10_000) / 100,
      };
    }),
    margin: { rows: margin.rows, total: margin.total },
  };
}
