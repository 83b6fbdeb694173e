// 价格指数's rules. Pure; the repository computes the same in SQL (price-index.repository.ts) and the
// tests hold the two together.
//
// 1. Filtering (YC/T 455.2's order: collect, filter, then index and warn). An observation counts when
//    a. it lies within 50–200 % of the product's suggested retail pack price, and
//    b. where its product, week and district have at least 5 observations passing (a), it lies within
//       median ± max(3 × 1.4826 × MAD, 5 % of the suggested price) of them (MAD: the median absolute
//       deviation from the median; 1.4826 × MAD estimates the standard deviation).
//    The district is the market an observation belongs to, so a district-wide dip moves its own median
//    and is kept, while one shop's typo is dropped. A flagged report (an implausible price confirmed)
//    and an observation of a corrected visit never count.
// 2. A product's index in a region and week = mean counted pack price ÷ suggested pack price × 100;
//    no counted observation → no index (null, not 0).
// 3. Several products (a brand, a price class, the city): the simple index is the plain mean of the
//    products' indices; the weighted index (卷烟价格指数's way) weights each product's index by the
//    cartons ordered of it in the 13 weeks ending with the index's week ("this period", supply's
//    store_product_weeks), by the stores of the same row and scope. A row's `index` is the weighted
//    one; when nothing was ordered of its products it falls back to the simple one (weighting: 'simple').

export const countedRange = { min: 0.5, max: 2 } as const;
export const madFactor = 3;
export const madScale = 1.4826;
export const minToleranceShare = 0.05;
export const minObservationsForMad = 5;
// The weights' period: cartons ordered in the 13 weeks ending with the index's week.
export const weightWeeks = 13;

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Which of one product-week-district's pack prices (fen) count, in their order.
export function countedObservations(pricesFen: readonly number[], suggestedPackFen: number): boolean[] {
  const inRange = pricesFen.map(
    (price) => price >= countedRange.min * suggestedPackFen && price <= countedRange.max * suggestedPackFen,
  );
  const candidates = pricesFen.filter((_, index) => inRange[index]);
  if (candidates.length < minObservationsForMad) return inRange;
  const median = medianOf(candidates);
  const mad = medianOf(candidates.map((price) => Math.abs(price - median)));
  const tolerance = Math.max(madFactor * madScale * mad, minToleranceShare * suggestedPackFen);
  return pricesFen.map((price, index) => inRange[index] && Math.abs(price - median) <= tolerance + 1e-9);
}

export function indexOf(meanFen: number | null, suggestedPackFen: number): number | null {
  return meanFen === null || suggestedPackFen <= 0 ? null : (meanFen * 100) / suggestedPackFen;
}

// One product's counted observations in a row (a region, a brand …), with its weight.
export type ProductCell = {
  productId: number;
  observations: number;
  sumPackPriceFen: number;
  suggestedPackFen: number;
  weightCartons: number;
};

export type IndexFigures = {
  observations: number;
  // Yuan a pack: a single product's mean and suggested price; null for a row of several products.
  meanPackPrice: number | null;
  suggestedPackPrice: number | null;
  index: number | null;
  simpleIndex: number | null;
  weightedIndex: number | null;
  weighting: 'product' | 'sales' | 'simple' | 'none';
  products: number;
  weightCartons: number;
};

export function figuresOf(cells: readonly ProductCell[], productCount = new Set(cells.map((c) => c.productId)).size) {
  const counted = cells.filter((cell) => cell.observations > 0);
  const observations = counted.reduce((sum, cell) => sum + cell.observations, 0);
  const indices = counted.map((cell) => ({
    index: indexOf(cell.sumPackPriceFen / cell.observations, cell.suggestedPackFen) as number,
    weight: cell.weightCartons,
  }));
  const simpleIndex = indices.length ? indices.reduce((sum, entry) => sum + entry.index, 0) / indices.length : null;
  const totalWeight = indices.reduce((sum, entry) => sum + entry.weight, 0);
  const weightedIndex =
    totalWeight > 0 ? indices.reduce((sum, entry) => sum + entry.index * entry.weight, 0) / totalWeight : null;
  const figures: IndexFigures = {
    observations,
    meanPackPrice: null,
    suggestedPackPrice: null,
    index: null,
    simpleIndex,
    weightedIndex,
    weighting: 'none',
    products: counted.length,
    weightCartons: totalWeight,
  };
  if (productCount === 1 && cells.length >= 1) {
    const [cell] = cells;
    figures.suggestedPackPrice = cell.suggestedPackFen / 100;
    if (cell.observations > 0) {
      figures.meanPackPrice = cell.sumPackPriceFen / cell.observations / 100;
      figures.index = simpleIndex;
      figures.weighting = 'product';
    }
    return figures;
  }
  if (weightedIndex !== null) {
    figures.index = weightedIndex;
    figures.weighting = 'sales';
  } else if (simpleIndex !== null) {
    figures.index = simpleIndex;
    figures.weighting = 'simple';
  }
  return figures;
}

// Figures rounded for an answer: indices and yuan to 2 decimals.
export const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
