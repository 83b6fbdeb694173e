import { createHash } from 'node:crypto';

// 分层随机抽样: the sample size from a margin of error and a confidence level with the
// finite-population correction, its proportional allocation over the strata (branch × class ×
// urban/rural) by the largest-remainder method, and a deterministic pick inside each stratum from a
// seed (the same seed and stores always give the same sample).

export const confidenceLevels = [0.9, 0.95, 0.99] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

// Two-sided normal quantiles.
const zScores: Record<string, number> = { '0.9': 1.6449, '0.95': 1.96, '0.99': 2.5758 };

export function zOf(confidence: number): number {
  const z = zScores[String(confidence)];
  if (z === undefined) throw new RangeError(`unsupported confidence ${confidence}`);
  return z;
}

// n0 = z²·p(1−p)/e² with p = 0.5 (the most cautious); n = n0 / (1 + (n0 − 1)/N), rounded up, at most N.
export function sampleSize(population: number, marginOfError: number, confidence: number): number {
  if (population <= 0) return 0;
  const z = zOf(confidence);
  const n0 = (z * z * 0.25) / (marginOfError * marginOfError);
  const n = n0 / (1 + (n0 - 1) / population);
  return Math.min(population, Math.ceil(n - 1e-9));
}

export type Stratum = { key: string; population: number };
export type Allocation = { key: string; population: number; sample: number };

// Proportional allocation: each stratum gets floor(n·Nh/N); the stores left go one each to the
// strata with the largest remainders (ties: the larger stratum, then the key). Every stratum ends
// within ±1 of its proportional share and never above its population; the sample sums to n.
export function allocate(strata: readonly Stratum[], sample: number): Allocation[] {
  const total = strata.reduce((sum, stratum) => sum + stratum.population, 0);
  if (total === 0) return strata.map((stratum) => ({ ...stratum, sample: 0 }));
  const n = Math.min(sample, total);
  const shares = strata.map((stratum) => {
    const exact = (n * stratum.population) / total;
    const base = Math.floor(exact + 1e-9);
    return { ...stratum, exact, sample: base, remainder: exact - base };
  });
  let left = n - shares.reduce((sum, share) => sum + share.sample, 0);
  const order = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.population - a.population || a.key.localeCompare(b.key),
  );
  for (const share of order) {
    if (left <= 0) break;
    if (share.sample < share.population) {
      share.sample += 1;
      left -= 1;
    }
  }
  return shares.map(({ key, population, sample: allocated }) => ({ key, population, sample: allocated }));
}

// The order in which a stratum's stores are drawn: by md5(seed ‖ customer id), then id.
export function drawKey(seed: string, customerId: number): string {
  return createHash('md5').update(`${seed}${customerId}`).digest('hex');
}

export type StratifiedStore = { customerId: number; stratum: string };

// Picks each stratum's allocated number of stores, deterministically from the seed.
export function pickSample(
  stores: readonly StratifiedStore[],
  allocation: readonly Allocation[],
  seed: string,
): StratifiedStore[] {
  const quota = new Map(allocation.map((stratum) => [stratum.key, stratum.sample]));
  const byStratum = new Map<string, Array<StratifiedStore & { draw: string }>>();
  for (const store of stores) {
    const list = byStratum.get(store.stratum) ?? [];
    list.push({ ...store, draw: drawKey(seed, store.customerId) });
    byStratum.set(store.stratum, list);
  }
  const picked: StratifiedStore[] = [];
  for (const [stratum, list] of byStratum) {
    list.sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : a.customerId - b.customerId));
    for (const store of list.slice(0, quota.get(stratum) ?? 0))
      picked.push({ customerId: store.customerId, stratum: store.stratum });
  }
  return picked.sort((a, b) => a.customerId - b.customerId);
}

// A stratum's key: "branchId|classCode|urban_rural" (class '-' when the store has none yet).
export function stratumKeyOf(branchId: number, classCode: string | null, urbanRural: string): string {
  return `${branchId}|${classCode ?? '-'}|${urbanRural}`;
}
