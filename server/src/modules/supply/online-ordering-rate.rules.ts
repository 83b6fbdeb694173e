// 网上订货率: of the stores that ordered in a cycle, the share that ordered online (by stores), and of
// the cartons ordered, the share ordered online (by volume) — per branch and for the whole company.
// A rate is a fraction rounded to 4 decimals (0.8125 = 81.25 %), or null when nothing was ordered.

export type OrderingCounts = {
  stores: number;
  storesOrdered: number;
  storesOnline: number;
  qty: number;
  qtyOnline: number;
};

export type WithOnlineRates<Counts> = Counts & { storeRate: number | null; volumeRate: number | null };

export function onlineRateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function withOnlineRates<Counts extends OrderingCounts>(counts: Counts): WithOnlineRates<Counts> {
  return {
    ...counts,
    storeRate: onlineRateOf(counts.storesOnline, counts.storesOrdered),
    volumeRate: onlineRateOf(counts.qtyOnline, counts.qty),
  };
}

// Each branch's rates, and the company's from the branches' counts added up (not an average of the
// branches' rates, which would weigh a small branch like a large one).
export function onlineOrderingRates<Branch extends OrderingCounts>(
  branches: readonly Branch[],
): { byBranch: WithOnlineRates<Branch>[]; total: WithOnlineRates<OrderingCounts> } {
  const total = branches.reduce<OrderingCounts>(
    (sum, branch) => ({
      stores: sum.stores + branch.stores,
      storesOrdered: sum.storesOrdered + branch.storesOrdered,
      storesOnline: sum.storesOnline + branch.storesOnline,
      qty: sum.qty + branch.qty,
      qtyOnline: sum.qtyOnline + branch.qtyOnline,
    }),
    { stores: 0, storesOrdered: 0, storesOnline: 0, qty: 0, qtyOnline: 0 },
  );
  return { byBranch: branches.map((branch) => withOnlineRates(branch)), total: withOnlineRates(total) };
}
