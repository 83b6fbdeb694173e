import type { GradeCount, QuotaBucket } from './supply.api.ts';

export type DistributionBar = { label: string; from: number; to: number; stores: number };

// Stores per quota for the preview chart. A product with many distinct quotas (proportional
// allocation) would draw hundreds of bars: above `maxBars` the quotas go into equal-width ranges.
// Quota 0 always keeps its own bar — the stores left out are what a planner looks for.
export function distributionBars(distribution: readonly QuotaBucket[], maxBars = 30): DistributionBar[] {
  const buckets = distribution.filter((bucket) => bucket.stores > 0 && bucket.quota >= 0);
  const sorted = [...buckets].sort((a, b) => a.quota - b.quota);
  if (sorted.length <= maxBars) {
    return sorted.map((bucket) => ({
      label: String(bucket.quota),
      from: bucket.quota,
      to: bucket.quota,
      stores: bucket.stores,
    }));
  }
  const zero = sorted.filter((bucket) => bucket.quota === 0).reduce((sum, bucket) => sum + bucket.stores, 0);
  const positive = sorted.filter((bucket) => bucket.quota > 0);
  const lowest = positive[0].quota;
  const highest = positive.at(-1)?.quota ?? lowest;
  const rangeCount = maxBars - (zero > 0 ? 1 : 0);
  const width = Math.max(1, Math.ceil((highest - lowest + 1) / rangeCount));
  const bars: DistributionBar[] = zero > 0 ? [{ label: '0', from: 0, to: 0, stores: zero }] : [];
  for (let from = lowest; from <= highest; from += width) {
    const to = Math.min(highest, from + width - 1);
    const stores = positive
      .filter((bucket) => bucket.quota >= from && bucket.quota <= to)
      .reduce((sum, bucket) => sum + bucket.stores, 0);
    bars.push({ label: from === to ? String(from) : `${from}–${to}`, from, to, stores });
  }
  return bars;
}

// Grades 1–30 with zeros filled in, whatever the server sent.
export function gradeBars(distribution: readonly GradeCount[]): GradeCount[] {
  const counts = new Map(distribution.map((entry) => [entry.grade, entry.count]));
  return Array.from({ length: 30 }, (_, index) => ({ grade: index + 1, count: counts.get(index + 1) ?? 0 }));
}
