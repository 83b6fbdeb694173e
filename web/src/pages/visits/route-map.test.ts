import { describe, expect, it } from 'vitest';
import { projectStops, stopsInOrder } from './route-map.ts';
import type { RouteStop } from './visits.api.ts';

const stop = (
  sequence: number,
  planSequence: number | null,
  latitude: number | null,
  longitude: number | null,
): RouteStop => ({
  sequence,
  planSequence,
  planItemId: 100 + sequence,
  customerId: 200 + sequence,
  customerName: `店${sequence}`,
  address: '',
  latitude,
  longitude,
  status: 'planned',
  legKm: null,
});

describe('route map', () => {
  const stops = [
    stop(1, 3, 24.5, 117.6),
    stop(2, 1, 24.52, 117.62),
    stop(3, 2, 24.51, 117.65),
    stop(4, null, null, null),
  ];

  it.each([
    ['after', [101, 102, 103]],
    ['before', [102, 103, 101]],
  ] as const)('orders the placed stops %s optimisation and numbers them 1..n', (order, planItems) => {
    const ordered = stopsInOrder(stops, order);
    expect(ordered.map(({ stop }) => stop.planItemId)).toEqual(planItems);
    expect(ordered.map(({ label }) => label)).toEqual([1, 2, 3]);
  });

  it('fits the stops inside the margins, north up, keeping the aspect', () => {
    const points = projectStops(stopsInOrder(stops, 'after'), { width: 400, height: 300, margin: 20 });
    for (const point of points) {
      expect(point.x).toBeGreaterThanOrEqual(20);
      expect(point.x).toBeLessThanOrEqual(380);
      expect(point.y).toBeGreaterThanOrEqual(20);
      expect(point.y).toBeLessThanOrEqual(280);
    }
    const [southWest, north, east] = points;
    expect(north.y).toBeLessThan(southWest.y);
    expect(east.x).toBeGreaterThan(north.x);
    // The wider span (east–west) fills the width; the other is centred.
    expect(Math.min(...points.map((p) => p.x))).toBe(20);
    expect(Math.max(...points.map((p) => p.x))).toBe(380);
  });

  it.each([
    [[], []],
    [[stop(1, 1, 24.5, 117.6)], [{ x: 200, y: 150 }]],
    [
      [stop(1, 1, 24.5, 117.6), stop(2, 2, 24.5, 117.6)],
      [
        { x: 200, y: 150 },
        { x: 200, y: 150 },
      ],
    ],
  ])('puts a single place in the middle (%#)', (input, expected) => {
    const points = projectStops(stopsInOrder(input, 'after'), { width: 400, height: 300, margin: 20 });
    expect(points.map(({ x, y }) => ({ x, y }))).toEqual(expected);
  });

  it('places stops due north of each other on one vertical line', () => {
    const points = projectStops(stopsInOrder([stop(1, 1, 24.5, 117.6), stop(2, 2, 24.6, 117.6)], 'after'), {
      width: 400,
      height: 300,
      margin: 20,
    });
    expect(points[0].x).toBe(points[1].x);
    expect(points.map((p) => p.y)).toEqual([280, 20]);
  });
});
