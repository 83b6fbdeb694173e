// 月计划 and 日路线 (visit plans and routes), pure rules only (no database):
//   1. monthly plans for every manager of a city (200 managers, 24,000 stores) and of a province
//      (2,000 managers, 250,000 stores) — target ≤ 5 s for the city;
//   2. ordering a day's route of 40 stops (nearest neighbour + 2-opt) — target ≤ 50 ms;
//   3. the gap to the exact optimum (Held–Karp) on 10-stop days — target ≤ 5 %.
// Baselines in the same run: plans — placing every visit on the first free working day of its
// stretch (no order-day or load rule); routes — nearest neighbour alone.
//
//   npx node bench/visits.ts [--runs 5]
// Writes bench/results/visits.{json,md}. Exits 0 when every target is met, 1 when one is missed,
// 2 when a result is wrong: a plan without each store's standard number of visits, a route that
// is not an ordering of its stops or is longer than nearest neighbour's, or a "gap" below the
// exact optimum.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom } from '../server/src/demo/random.ts';
import {
  distanceMatrix,
  exactShortestPathKm,
  nearestNeighbour,
  orderRoute,
  type Point,
  pathKm,
} from '../server/src/modules/visits/route.rules.ts';
import {
  defaultVisitStandards,
  generateMonthlyPlan,
  type PlanStore,
  workingDaysOf,
} from '../server/src/modules/visits/visit-plan.rules.ts';
import { chinaPublicHolidays } from '../server/src/platform/calendar/china-holidays.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, out: { type: 'string', default: 'bench/results' } },
});
const runs = Number(values.runs);
const month = '2026-12';
const classes = ['demonstration', 'growth', 'growth', 'ordinary', 'ordinary', 'ordinary', 'special'] as const;

function managersOf(stores: number, managers: number): PlanStore[][] {
  const random = createRandom(7);
  const lists: PlanStore[][] = Array.from({ length: managers }, () => []);
  for (let id = 1; id <= stores; id += 1)
    lists[id % managers].push({
      customerId: id,
      classCode: classes[Math.floor(random.next() * classes.length)],
      orderDay: 1 + Math.floor(random.next() * 5),
    });
  return lists;
}

function timePlans(lists: PlanStore[][]) {
  const started = performance.now();
  let visits = 0;
  for (const stores of lists)
    visits += generateMonthlyPlan({
      month,
      calendar: chinaPublicHolidays,
      standards: defaultVisitStandards,
      stores,
    }).length;
  return { ms: performance.now() - started, visits };
}

function timeBaselinePlans(lists: PlanStore[][]) {
  const started = performance.now();
  const days = workingDaysOf(month, chinaPublicHolidays);
  let visits = 0;
  for (const stores of lists)
    for (const store of stores) {
      const count = defaultVisitStandards[store.classCode ?? 'ordinary'];
      for (let k = 0; k < count; k += 1) {
        void days[Math.floor((k * days.length) / count)];
        visits += 1;
      }
    }
  return { ms: performance.now() - started, visits };
}

function stopsOf(seed: number, count: number): Point[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => ({
    latitude: 24.51 + (random.next() - 0.5) * 0.18,
    longitude: 117.65 + (random.next() - 0.5) * 0.2,
  }));
}

const results: Record<string, unknown> = { environment: await describeEnvironment(), runs };
const rows: string[] = [];
const problems: string[] = [];
const missed: string[] = [];
for (const [label, stores, managers] of [
  ['city', 24_000, 200],
  ['province', 250_000, 2_000],
] as const) {
  const lists = managersOf(stores, managers);
  const plan: number[] = [];
  const baseline: number[] = [];
  let visits = 0;
  for (let run = 0; run < runs; run += 1) {
    const measured = timePlans(lists);
    plan.push(measured.ms);
    visits = measured.visits;
    baseline.push(timeBaselinePlans(lists).ms);
  }
  // Every store gets its class's standard number of visits in the month: the baseline's count.
  const expectedVisits = timeBaselinePlans(lists).visits;
  if (visits !== expectedVisits) problems.push(`plans, ${label}: ${visits} visits planned, ${expectedVisits} standard`);
  if (label === 'city' && median(plan) > 5_000) missed.push(`city plans ${round(median(plan), 0)} ms > 5,000 ms`);
  results[`plans-${label}`] = { stores, managers, visits, medianMs: median(plan), baselineMedianMs: median(baseline) };
  rows.push(
    `| monthly plans, ${label}: ${managers} managers, ${stores.toLocaleString('en')} stores (${visits.toLocaleString('en')} visits) | ${round(median(plan), 1)} ms | ${round(median(baseline), 1)} ms | ${label === 'city' ? '≤ 5,000 ms' : '—'} |`,
  );
}

const routeTimes: number[] = [];
const nnTimes: number[] = [];
let improvement = 0;
for (let run = 0; run < runs * 20; run += 1) {
  const stops = stopsOf(run + 1, 40);
  let started = performance.now();
  const result = orderRoute(stops);
  routeTimes.push(performance.now() - started);
  started = performance.now();
  const matrix = distanceMatrix(stops);
  const nn = pathKm(matrix, 40, nearestNeighbour(matrix, 40));
  nnTimes.push(performance.now() - started);
  improvement += (nn - result.kmAfter) / nn / (runs * 20);
  const visited = [...result.order].sort((a, b) => a - b);
  if (visited.length !== 40 || visited.some((stop, index) => stop !== index)) {
    problems.push(`route ${run + 1}: not an ordering of its 40 stops`);
  } else if (Math.abs(pathKm(matrix, 40, result.order) - result.kmAfter) > 1e-6) {
    problems.push(
      `route ${run + 1}: reports ${result.kmAfter} km, its order is ${pathKm(matrix, 40, result.order)} km`,
    );
  }
  if (result.kmAfter > nn + 1e-9)
    problems.push(`route ${run + 1}: ${result.kmAfter} km, longer than nearest neighbour`);
}
rows.push(
  `| route of 40 stops (NN + 2-opt + Or-opt), ${runs * 20} days | ${round(median(routeTimes), 2)} ms | ${round(median(nnTimes), 2)} ms (NN alone) | ≤ 50 ms |`,
);

const gaps: number[] = [];
for (let seed = 1; seed <= 50; seed += 1) {
  const stops = stopsOf(1000 + seed, 10);
  gaps.push(orderRoute(stops).kmAfter / exactShortestPathKm(stops) - 1);
}
const worstGap = Math.max(...gaps);
const meanGap = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
if (Math.min(...gaps) < -1e-9) problems.push('a route is shorter than the exact optimum: one of the two is wrong');
if (median(routeTimes) > 50) missed.push(`route of 40 stops ${round(median(routeTimes), 2)} ms > 50 ms`);
if (worstGap > 0.05) missed.push(`worst gap to the optimum ${round(worstGap * 100, 2)} % > 5 %`);
results.problems = problems;
results.missed = missed;
results.route = {
  medianMs: median(routeTimes),
  nearestNeighbourMedianMs: median(nnTimes),
  meanShorterThanNearestNeighbour: improvement,
  gapToOptimum10Stops: { mean: meanGap, worst: worstGap, instances: gaps.length },
};
rows.push(
  `| gap to the exact optimum, 50 days of 10 stops | mean ${round(meanGap * 100, 2)} %, worst ${round(worstGap * 100, 2)} % | — | ≤ 5 % |`,
);

const markdown = `# Visits: monthly plans and daily routes

Pure rules, no database. Medians of ${runs} runs (routes: ${runs * 20} instances). The machine was shared with other helpers' test runs (2 cores).

| what | measured | baseline (same run) | target |
| --- | --- | --- | --- |
${rows.join('\n')}

2-opt and Or-opt shorten the nearest-neighbour route by ${round(improvement * 100, 1)} % on average (40 stops).
Checked: each plan gives every store its standard visits; each route orders all its stops, is never longer than nearest
neighbour's, and no 10-stop route is shorter than the exact optimum.${problems.length > 0 ? `\n\n**Wrong results** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}` : ''}${missed.length > 0 ? `\n\n**Targets missed** (exit 1): ${missed.join('; ')}` : ''}
Baseline for plans: every visit on the first day of its stretch, no order-day avoidance or load balancing.

\`\`\`
${JSON.stringify((results as { environment: unknown }).environment, null, 2)}
\`\`\`
`;
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'visits.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(values.out, 'visits.md'), markdown);
console.log(markdown);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exitCode = 2;
} else if (missed.length > 0) {
  for (const target of missed) console.error(`✗ target missed: ${target}`);
  process.exitCode = 1;
}
