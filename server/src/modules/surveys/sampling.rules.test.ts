import { describe, expect, it } from 'vitest';
import { allocate, pickSample, type StratifiedStore, sampleSize, stratumKeyOf } from './sampling.rules.ts';

describe('sampleSize (finite-population correction, p = 0.5)', () => {
  it.each([
    // population, margin, confidence, n — hand-computed: n0 = z²/4e², n = n0/(1+(n0−1)/N), rounded up
    [25_000, 0.03, 0.95, 1_024],
    [25_000, 0.05, 0.95, 379],
    [250_000, 0.03, 0.95, 1_063],
    [1_000, 0.05, 0.95, 278],
    [25_000, 0.05, 0.9, 268],
    [25_000, 0.03, 0.99, 1_717],
    [100, 0.01, 0.99, 100],
    [0, 0.05, 0.95, 0],
  ])('N=%i ±%f at %f → %i', (population, margin, confidence, expected) => {
    expect(sampleSize(population, margin, confidence)).toBe(expected);
  });

  it('refuses an unsupported confidence', () => {
    expect(() => sampleSize(100, 0.05, 0.8)).toThrow(RangeError);
  });
});

describe('allocate (proportional, largest remainder)', () => {
  it.each([
    {
      name: 'remainders decide',
      strata: [
        { key: 'a', population: 500 },
        { key: 'b', population: 300 },
        { key: 'c', population: 200 },
      ],
      sample: 101,
      expected: [51, 30, 20],
    },
    {
      name: 'exact shares',
      strata: [
        { key: 'a', population: 600 },
        { key: 'b', population: 400 },
      ],
      sample: 100,
      expected: [60, 40],
    },
    {
      name: 'tiny strata',
      strata: [
        { key: 'a', population: 1 },
        { key: 'b', population: 1 },
        { key: 'c', population: 98 },
      ],
      sample: 10,
      expected: [0, 0, 10],
    },
    {
      name: 'whole population',
      strata: [
        { key: 'a', population: 3 },
        { key: 'b', population: 2 },
      ],
      sample: 9,
      expected: [3, 2],
    },
  ])('$name', ({ strata, sample, expected }) => {
    expect(allocate(strata, sample).map((stratum) => stratum.sample)).toEqual(expected);
  });

  it('keeps every stratum within ±1 of proportional and sums to n (a city of 25,000 in 60 strata)', () => {
    const strata = Array.from({ length: 60 }, (_, index) => ({
      key: `s${index}`,
      population: 50 + ((index * 7919) % 800),
    }));
    const total = strata.reduce((sum, stratum) => sum + stratum.population, 0);
    const n = sampleSize(total, 0.03, 0.95);
    const allocation = allocate(strata, n);
    expect(allocation.reduce((sum, stratum) => sum + stratum.sample, 0)).toBe(n);
    for (const stratum of allocation) {
      const exact = (n * stratum.population) / total;
      expect(Math.abs(stratum.sample - exact)).toBeLessThan(1);
      expect(stratum.sample).toBeLessThanOrEqual(stratum.population);
    }
  });
});

describe('pickSample', () => {
  const stores: StratifiedStore[] = Array.from({ length: 400 }, (_, index) => ({
    customerId: index + 1,
    stratum: stratumKeyOf(index % 2 === 0 ? 2 : 3, index % 3 === 0 ? 'A' : null, index % 5 === 0 ? 'rural' : 'urban'),
  }));
  const strataOf = () => {
    const counts = new Map<string, number>();
    for (const store of stores) counts.set(store.stratum, (counts.get(store.stratum) ?? 0) + 1);
    return [...counts].map(([key, population]) => ({ key, population }));
  };

  it('picks each stratum its allocation, the same stores for the same seed, others for another', () => {
    const allocation = allocate(strataOf(), 80);
    const first = pickSample(stores, allocation, 'wave-2026');
    const again = pickSample([...stores].reverse(), allocation, 'wave-2026');
    const other = pickSample(stores, allocation, 'wave-2027');
    expect(first).toHaveLength(80);
    expect(again).toEqual(first);
    expect(other.map((store) => store.customerId)).not.toEqual(first.map((store) => store.customerId));
    for (const stratum of allocation)
      expect(first.filter((store) => store.stratum === stratum.key)).toHaveLength(stratum.sample);
  });

  it('names strata branch|class|urban_rural, "-" without a class', () => {
    expect(stratumKeyOf(4, null, 'rural')).toBe('4|-|rural');
    expect(stratumKeyOf(4, 'A1', 'urban')).toBe('4|A1|urban');
  });
});
