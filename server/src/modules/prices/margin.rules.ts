import { countedRange } from './price-index.rules.ts';

// 零售毛利率 (retail gross margin), the rules: which retail price a store's cartons are valued at, and
// how amounts add up. The SQL of margin.repository.ts does the same sums at scale; these functions are
// the reference its tests compare against, and what the portal's per-brand figures use.
//
//   margin = Σ (retail − wholesale) × cartons ÷ Σ retail × cartons
//
// The retail price of a carton (10 packs) a store ordered in a week, the first that exists:
//   1. own      — the mean of the store's own observed pack prices of the product that week × 10;
//   2. district — the mean of the observed pack prices of the product that week in the store's
//                 district (every store's, its own included) × 10;
//   3. suggested — the product's suggested retail price per carton (products.retail_price_fen).
// An observation counts when its pack price lies within 50–200 % of the suggested pack price — the
// price index's first filter (price-index.rules.ts, countedRange); flagged reports and a corrected
// visit's observations never count. (The index's second filter, the MAD band around a district's
// median, is not applied: a store's own price is what it earns, however unusual.)
// The wholesale price is the product's wholesale price per carton (the catalogue's current one).

export const retailSources = ['own', 'district', 'suggested'] as const;
export type RetailSource = (typeof retailSources)[number];

export const packsPerCarton = 10;
export const observationFloor = countedRange.min;
export const observationCeiling = countedRange.max;

// Does an observed pack price count, against the suggested carton price (fen)?
export function countsAsObservation(packPriceFen: number, suggestedCartonFen: number): boolean {
  const suggestedPack = suggestedCartonFen / packsPerCarton;
  return packPriceFen >= observationFloor * suggestedPack && packPriceFen <= observationCeiling * suggestedPack;
}

export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export type RetailChoice = { cartonFen: number; source: RetailSource };

// The retail price of a carton, given the mean observed pack prices (null: none that week).
export function retailPerCartonOf(
  ownMeanPackFen: number | null,
  districtMeanPackFen: number | null,
  suggestedCartonFen: number,
): RetailChoice {
  if (ownMeanPackFen !== null) return { cartonFen: ownMeanPackFen * packsPerCarton, source: 'own' };
  if (districtMeanPackFen !== null) return { cartonFen: districtMeanPackFen * packsPerCarton, source: 'district' };
  return { cartonFen: suggestedCartonFen, source: 'suggested' };
}

// One product a store ordered in a week.
export type MarginLine = {
  cartons: number;
  wholesaleCartonFen: number;
  suggestedCartonFen: number;
  ownMeanPackFen: number | null;
  districtMeanPackFen: number | null;
};

// Amounts in fen and the cartons valued at each source.
export type MarginSums = {
  retailFen: number;
  wholesaleFen: number;
  cartons: number;
  ownCartons: number;
  districtCartons: number;
  suggestedCartons: number;
};

export const emptySums: MarginSums = {
  retailFen: 0,
  wholesaleFen: 0,
  cartons: 0,
  ownCartons: 0,
  districtCartons: 0,
  suggestedCartons: 0,
};

export function sumsOfLines(lines: readonly MarginLine[]): MarginSums {
  const sums = { ...emptySums };
  for (const line of lines) {
    if (line.cartons <= 0) continue;
    const retail = retailPerCartonOf(line.ownMeanPackFen, line.districtMeanPackFen, line.suggestedCartonFen);
    sums.retailFen += retail.cartonFen * line.cartons;
    sums.wholesaleFen += line.wholesaleCartonFen * line.cartons;
    sums.cartons += line.cartons;
    if (retail.source === 'own') sums.ownCartons += line.cartons;
    else if (retail.source === 'district') sums.districtCartons += line.cartons;
    else sums.suggestedCartons += line.cartons;
  }
  return sums;
}

export function addSums(a: MarginSums, b: MarginSums): MarginSums {
  return {
    retailFen: a.retailFen + b.retailFen,
    wholesaleFen: a.wholesaleFen + b.wholesaleFen,
    cartons: a.cartons + b.cartons,
    ownCartons: a.ownCartons + b.ownCartons,
    districtCartons: a.districtCartons + b.districtCartons,
    suggestedCartons: a.suggestedCartons + b.suggestedCartons,
  };
}

// The margin as a fraction; null when nothing was sold (no retail amount), not 0.
export function marginOf(sums: Pick<MarginSums, 'retailFen' | 'wholesaleFen'>): number | null {
  if (sums.retailFen <= 0) return null;
  return (sums.retailFen - sums.wholesaleFen) / sums.retailFen;
}

// The shares of cartons valued at each source (null when there are no cartons).
export function sourceSharesOf(sums: MarginSums): Record<RetailSource, number> | null {
  if (sums.cartons <= 0) return null;
  return {
    own: sums.ownCartons / sums.cartons,
    district: sums.districtCartons / sums.cartons,
    suggested: sums.suggestedCartons / sums.cartons,
  };
}

// Year on year: the same weeks a year earlier are the weeks 52 weeks (364 days) before, so a week is
// compared with the week of the same weekdays. Change in points (percentage points × 1, as a fraction).
export const yearOnYearDays = 364;

export function marginChangeOf(thisYear: number | null, lastYear: number | null): number | null {
  if (thisYear === null || lastYear === null) return null;
  return thisYear - lastYear;
}

// Yuan with 2 decimals from fen.
export const yuanOf = (fen: number) => Math.round(fen) / 100;
