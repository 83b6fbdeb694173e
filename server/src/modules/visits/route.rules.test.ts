import { describe, expect, it } from 'vitest';
import { createRandom } from '../../demo/random.ts';
import { exactShortestPathKm, greatCircleKm, orderRoute, type Point } from './route.rules.ts';

function randomStops(seed: number, count: number): Point[] {
  const random = createRandom(seed);
  // Around 漳州 city centre, within ~10 km.
  return Array.from({ length: count }, () => ({
    latitude: 24.51 + (random.next() - 0.5) * 0.18,
    longitude: 117.65 + (random.next() - 0.5) * 0.2,
  }));
}

describe(greatCircleKm.name, () => {
  it.each([
    [{ latitude: 24.51, longitude: 117.65 }, { latitude: 24.51, longitude: 117.65 }, 0],
    [{ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 }, 111.2],
    [{ latitude: 24.513, longitude: 117.647 }, { latitude: 24.479, longitude: 118.089 }, 44.8],
  ])('%o → %o is %f km', (a, b, km) => {
    expect(greatCircleKm(a, b)).toBeCloseTo(km, 0);
  });
});

describe(orderRoute.name, () => {
  it.each([0, 1, 2])('leaves %i stops as they are', (count) => {
    const result = orderRoute(randomStops(1, count));
    expect(result.order).toEqual(Array.from({ length: count }, (_, index) => index));
    expect(result.kmAfter).toBe(result.kmBefore);
  });

  it.each(Array.from({ length: 20 }, (_, seed) => seed + 1))(
    'is never longer than the given order, keeps the start and visits each stop once (seed %i)',
    (seed) => {
      const stops = randomStops(seed, 5 + (seed % 30));
      const result = orderRoute(stops);
      expect(result.kmAfter).toBeLessThanOrEqual(result.kmBefore + 1e-9);
      expect(result.order[0]).toBe(0);
      expect([...result.order].sort((a, b) => a - b)).toEqual(stops.map((_, index) => index));
    },
  );

  it.each(Array.from({ length: 12 }, (_, seed) => seed + 100))(
    'is within 5 % of the exact optimum on 10 stops (seed %i)',
    (seed) => {
      const stops = randomStops(seed, 10);
      const exact = exactShortestPathKm(stops);
      const { kmAfter } = orderRoute(stops);
      expect(kmAfter).toBeGreaterThanOrEqual(exact - 1e-9);
      expect(kmAfter / exact).toBeLessThanOrEqual(1.05);
    },
  );

  it('untangles a zig-zag', () => {
    const line = [0, 4, 1, 3, 2].map((step) => ({ latitude: 24.5, longitude: 117.6 + step * 0.01 }));
    const result = orderRoute(line);
    expect(result.order).toEqual([0, 2, 4, 3, 1]);
    expect(result.kmAfter).toBeCloseTo(greatCircleKm(line[0], line[1]), 6);
  });
});
