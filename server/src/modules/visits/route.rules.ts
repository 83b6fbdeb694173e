// 日路线: the order of a day's visits that shortens the drive. Nearest neighbour from the start,
// then 2-opt and Or-opt until no move shortens the path; the result is never longer than the order given.
// Distances are great-circle (haversine) in kilometres. Paths are open: the day ends at the last store.

export type Point = { latitude: number; longitude: number };

const earthRadiusKm = 6371.0088;

export function greatCircleKm(a: Point, b: Point): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRadians;
  const dLon = (b.longitude - a.longitude) * toRadians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * toRadians) * Math.cos(b.latitude * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceMatrix(points: readonly Point[]): Float64Array {
  const n = points.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1)
    for (let j = i + 1; j < n; j += 1) {
      const d = greatCircleKm(points[i], points[j]);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  return matrix;
}

// Length of the path visiting the points in `order` (indexes into the matrix).
export function pathKm(matrix: Float64Array, n: number, order: readonly number[]): number {
  let total = 0;
  for (let index = 1; index < order.length; index += 1) total += matrix[order[index - 1] * n + order[index]];
  return total;
}

// Orders the stops; index 0 of `points` is the start and stays first (the manager's position or
// the first planned store). Returns the order as indexes into `points` and both lengths.
export function orderRoute(points: readonly Point[]): { order: number[]; kmBefore: number; kmAfter: number } {
  const n = points.length;
  const given = Array.from({ length: n }, (_, index) => index);
  const matrix = distanceMatrix(points);
  const kmBefore = pathKm(matrix, n, given);
  if (n <= 2) return { order: given, kmBefore, kmAfter: kmBefore };
  const candidates = [improve(matrix, n, nearestNeighbour(matrix, n)), improve(matrix, n, given)];
  let best = given;
  let bestKm = kmBefore;
  for (const candidate of candidates) {
    const km = pathKm(matrix, n, candidate);
    if (km < bestKm - 1e-9) {
      best = candidate;
      bestKm = km;
    }
  }
  return { order: best, kmBefore, kmAfter: bestKm };
}

export function nearestNeighbour(matrix: Float64Array, n: number): number[] {
  const visited = new Uint8Array(n);
  const order = [0];
  visited[0] = 1;
  for (let step = 1; step < n; step += 1) {
    const last = order[order.length - 1];
    let next = -1;
    for (let candidate = 0; candidate < n; candidate += 1) {
      if (visited[candidate]) continue;
      if (next === -1 || matrix[last * n + candidate] < matrix[last * n + next]) next = candidate;
    }
    visited[next] = 1;
    order.push(next);
  }
  return order;
}

// 2-opt on an open path with a fixed start: reverse order[i..j] when that shortens it; the last
// stop has no successor, so reversing a tail costs only its first edge.
export function twoOpt(matrix: Float64Array, n: number, start: readonly number[]): number[] {
  const order = [...start];
  const length = order.length;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 1; i < length - 1; i += 1) {
      for (let j = i + 1; j < length; j += 1) {
        const a = order[i - 1];
        const b = order[i];
        const c = order[j];
        const before = matrix[a * n + b] + (j + 1 < length ? matrix[c * n + order[j + 1]] : 0);
        const after = matrix[a * n + c] + (j + 1 < length ? matrix[b * n + order[j + 1]] : 0);
        if (after < before - 1e-10) {
          for (let left = i, right = j; left < right; left += 1, right -= 1) {
            const swap = order[left];
            order[left] = order[right];
            order[right] = swap;
          }
          improved = true;
        }
      }
    }
  }
  return order;
}

// 2-opt and Or-opt (moving a run of 1–3 stops elsewhere) in turn until neither shortens the path.
function improve(matrix: Float64Array, n: number, start: readonly number[]): number[] {
  let order = twoOpt(matrix, n, start);
  let length = pathKm(matrix, n, order);
  for (;;) {
    const moved = orOpt(matrix, n, order);
    const movedLength = pathKm(matrix, n, moved);
    if (movedLength >= length - 1e-10) return order;
    order = twoOpt(matrix, n, moved);
    length = pathKm(matrix, n, order);
  }
}

// Or-opt: the first move of a run of 1–3 stops (never the start) to another place that shortens the path.
export function orOpt(matrix: Float64Array, n: number, order: readonly number[]): number[] {
  const d = (a: number, b: number) => matrix[a * n + b];
  for (let size = 1; size <= 3; size += 1) {
    for (let from = 1; from + size <= order.length; from += 1) {
      const first = order[from];
      const last = order[from + size - 1];
      const previous = order[from - 1];
      const hasNext = from + size < order.length;
      const next = order[from + size];
      const gain = d(previous, first) + (hasNext ? d(last, next) - d(previous, next) : 0);
      const rest = [...order.slice(0, from), ...order.slice(from + size)];
      for (let at = 1; at <= rest.length; at += 1) {
        if (at === from) continue;
        const a = rest[at - 1];
        const hasB = at < rest.length;
        const b = rest[at];
        for (const reversed of [false, true]) {
          const head = reversed ? last : first;
          const tail = reversed ? first : last;
          const cost = d(a, head) + (hasB ? d(tail, b) - d(a, b) : 0);
          if (cost - gain < -1e-10) {
            const run = order.slice(from, from + size);
            if (reversed) run.reverse();
            return [...rest.slice(0, at), ...run, ...rest.slice(at)];
          }
        }
      }
    }
  }
  return [...order];
}

// The shortest open path from point 0 through all points (Held–Karp, O(2^n · n²)): the yardstick
// for the heuristic on small instances (n ≤ 13).
export function exactShortestPathKm(points: readonly Point[]): number {
  const n = points.length;
  if (n <= 1) return 0;
  if (n > 16) throw new Error('exactShortestPathKm is for at most 16 points');
  const matrix = distanceMatrix(points);
  const others = n - 1;
  const size = 1 << others;
  const cost = new Float64Array(size * others).fill(Number.POSITIVE_INFINITY);
  for (let k = 0; k < others; k += 1) cost[(1 << k) * others + k] = matrix[k + 1];
  for (let mask = 1; mask < size; mask += 1) {
    for (let last = 0; last < others; last += 1) {
      const current = cost[mask * others + last];
      if (!(mask & (1 << last)) || current === Number.POSITIVE_INFINITY) continue;
      for (let next = 0; next < others; next += 1) {
        if (mask & (1 << next)) continue;
        const nextMask = mask | (1 << next);
        const value = current + matrix[(last + 1) * n + next + 1];
        if (value < cost[nextMask * others + next]) cost[nextMask * others + next] = value;
      }
    }
  }
  let best = Number.POSITIVE_INFINITY;
  for (let last = 0; last < others; last += 1) best = Math.min(best, cost[(size - 1) * others + last]);
  return best;
}
