// 货源投放 compute at province scale: one order cycle of 250,000 stores × 60 limited products with
// mixed strategies (grade tables, class and credit multipliers, caps, 限点, proportional to the last
// 4 weeks, capped unlimited), through the pure rules alone — prepareStores once, then allocateProduct
// for each product. The 货源投放 target for a whole cycle is ≤ 5 s for compute + persist on
// PostgreSQL (bench/allocation-publish.ts); this measures the compute share, whose own target is
// well under 2 s (--target).
//
//   npx node bench/allocation-compute.ts                       250,000 stores × 60 products, 5 runs
//   npx node bench/allocation-compute.ts --stores 24000 --runs 3
//
// Baseline, in the same run and alternated with each measurement: allocating and filling 60 quota
// arrays straight from the stores' grades — the floor of producing 60 × N quotas at all. Each run's
// outcomes are checked (whole cartons ≥ 0, ≤ cap, sum ≤ supply), so a fast wrong answer fails.
// Writes bench/results/allocation-compute.{json,md} (or --out); exits 1 when the median misses the
// target, 2 when the benchmark failed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, type Random } from '../server/src/demo/random.ts';
import {
  type AllocationStore,
  allocateProduct,
  type ProductAllocationInput,
  type ProductAllocationOutcome,
  prepareStores,
} from '../server/src/modules/supply/allocation.rules.ts';
import type {
  AllocationStrategy,
  CustomerClass,
  Segment,
} from '../server/src/modules/supply/allocation-strategy.rules.ts';
import { failedEligibility } from '../server/src/modules/supply/quota-explanation.rules.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { repoRoot } from './lib/server.ts';

const benchmark = 'allocation-compute';

const usage = `Usage: npx node bench/${benchmark}.ts [options]

  --stores N         stores in the cycle                                   250000
  --products N       limited products in the cycle                         60
  --runs N           measured runs (--rounds is the same)                  5
  --target S         seconds of compute (prepare + allocate), median       2
  --out DIR          where results go                                      bench/results
  --duration, --connections, --pause, --warmup, --user, --db, --database-url, --scale, --profile, --keep:
                     accepted for npm run bench, not used here (no server, no database)`;

type Options = { stores: number; products: number; runs: number; target: number; out: string };

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      stores: { type: 'string' },
      products: { type: 'string' },
      runs: { type: 'string' },
      rounds: { type: 'string' },
      target: { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      pause: { type: 'string' },
      warmup: { type: 'string' },
      user: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      scale: { type: 'string' },
      profile: { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const positive = (value: string | undefined, fallback: number, name: string) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  const whole = (value: string | undefined, fallback: number, name: string) => {
    const parsed = positive(value, fallback, name);
    if (!Number.isInteger(parsed)) throw new Error(`--${name} must be a whole number`);
    return parsed;
  };
  return {
    stores: whole(values.stores, 250_000, 'stores'),
    products: whole(values.products, 60, 'products'),
    runs: whole(values.runs ?? values.rounds ?? process.env.BENCH_ROUNDS, 5, 'runs'),
    target: positive(values.target, 2, 'target'),
    out: values.out ?? process.env.BENCH_OUT ?? join(repoRoot, 'bench/results'),
  };
}

// ---- A synthetic province ----

const classShares: Array<readonly [CustomerClass | null, number]> = [
  ['demonstration', 12.01],
  ['growth', 57.2],
  ['ordinary', 30.34],
  ['special', 0.45],
];
const creditShares: Array<readonly [string | null, number]> = [
  ['AAA', 10],
  ['AA', 30],
  ['A', 40],
  ['B', 15],
  ['C', 5],
];
const formatShares: Array<readonly [string, number]> = [
  ['grocery', 45],
  ['convenience', 20],
  ['tobacco_liquor', 15],
  ['supermarket', 10],
  ['entertainment', 4],
  ['mall', 2],
  ['other', 4],
];
// 9 cities of 福建省 × 10 districts each.
const cityCodes = ['3501', '3502', '3503', '3504', '3505', '3506', '3507', '3508', '3509'];
const districtCodes = cityCodes.flatMap((city) => Array.from({ length: 10 }, (_, index) => `${city}${21 + index}`));

const demoTypes = ['brand', 'terminal', 'information'] as const;

type Province = { stores: AllocationStore[]; size: Float64Array };

function buildProvince(count: number, random: Random): Province {
  // customerIds in an order unrelated to the array's, as rows read from a table would be.
  const ids = Int32Array.from({ length: count }, (_, index) => index + 1);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [ids[index], ids[other]] = [ids[other], ids[index]];
  }
  const size = new Float64Array(count);
  const stores: AllocationStore[] = [];
  for (let index = 0; index < count; index += 1) {
    const bought = random.next() > 0.04;
    // Grades are percentiles: about uniform over 1–30 among the stores that bought.
    const grade = bought ? random.integer(1, 30) : 1;
    size[index] = bought ? grade * (0.6 + random.next() * 0.8) : 0;
    const customerClass = random.weighted(classShares);
    const districtCode = random.pick(districtCodes);
    stores.push({
      customerId: ids[index],
      grade,
      customerClass,
      // Derived, not drawn, so the stores are the same as before 示范类型 and branches were 限点 keys.
      demoType: customerClass === 'demonstration' ? demoTypes[ids[index] % demoTypes.length] : null,
      creditLevel: random.weighted(creditShares),
      format: random.weighted(formatShares),
      branchId: Number(districtCode.slice(0, 4)), // one branch per city
      districtCode,
      urbanRural: random.next() < 0.6 ? 'urban' : 'rural',
      recentQty: 0,
    });
  }
  return { stores, size };
}

// ---- 60 products with mixed strategies ----

function gradeTable(random: Random, steps: number): AllocationStrategy['base'] {
  const rowSize = 30 / steps;
  const perRow = 1 + random.integer(0, 2);
  return {
    kind: 'grade_table',
    table: Array.from({ length: steps }, (_, row) => ({
      fromGrade: row * rowSize + 1,
      toGrade: (row + 1) * rowSize,
      qty: row === 0 && random.next() < 0.3 ? 0 : (row + 1) * perRow,
    })),
  };
}

function eligibilityFor(random: Random, variant: number): Segment {
  switch (variant % 5) {
    case 0:
      return { formats: ['grocery', 'convenience', 'tobacco_liquor'] };
    case 1:
      return { districtCodes: districtCodes.filter(() => random.next() < 0.4) };
    case 2:
      return { urbanRural: ['urban'], gradeMin: 8 };
    case 3:
      return { classes: ['demonstration', 'growth'] };
    default:
      return { gradeMin: 5, gradeMax: 28, formats: ['grocery', 'convenience', 'supermarket', 'mall'] };
  }
}

// Supplies are set from each product's raw demand so that about three products in four are short
// and go through scaling and largest remainder, as in a real week of scarce brands.
function buildProducts(province: Province, count: number, random: Random): ProductAllocationInput[] {
  const { stores, size } = province;
  const prepared = prepareStores(stores);
  const products: ProductAllocationInput[] = [];
  for (let productId = 1; productId <= count; productId += 1) {
    const variant = productId % 10;
    const strategy: AllocationStrategy = { base: { kind: 'unlimited' } };
    let recentQuantities: Int32Array | undefined;
    if (variant <= 4 || variant >= 8) {
      strategy.base = gradeTable(random, random.pick([3, 5, 6, 10, 15]));
      if (productId % 2 === 0) strategy.classMultipliers = { demonstration: 1.2, growth: 1.1, special: 0.8 };
      if (productId % 3 === 0) strategy.creditMultipliers = { AAA: 1.3, AA: 1.1, B: 0.7, C: 0.5 };
      if (productId % 2 === 1 || variant >= 8) strategy.cap = random.integer(4, 20);
      if (productId % 4 === 0 || variant >= 8) strategy.eligibility = eligibilityFor(random, productId);
    } else if (variant <= 6) {
      strategy.base = { kind: 'proportional' };
      if (productId % 2 === 0) strategy.cap = random.integer(6, 30);
      if (productId % 3 === 0) strategy.classMultipliers = { demonstration: 1.5, ordinary: 0.8 };
      if (productId % 4 === 1) strategy.eligibility = eligibilityFor(random, productId);
      const popularity = 0.05 + random.next() * 0.6;
      recentQuantities = new Int32Array(stores.length);
      for (let index = 0; index < stores.length; index += 1) {
        recentQuantities[index] = random.next() < 0.7 ? Math.round(size[index] * popularity * random.next() * 2) : 0;
      }
    } else {
      strategy.cap = random.integer(1, 5);
      strategy.eligibility = eligibilityFor(random, productId);
    }
    const input: ProductAllocationInput = { productId, supply: null, strategy, recentQuantities };
    const shortage = random.pick([0.55, 0.7, 0.85, 1.2]);
    if (strategy.base.kind === 'proportional') {
      let recentTotal = 0;
      for (const cartons of recentQuantities ?? []) recentTotal += cartons;
      input.supply = Math.round(recentTotal * shortage);
    } else {
      input.supply = Math.round(allocateProduct(prepared, input).allocated * shortage);
    }
    products.push(input);
  }
  return products;
}

// ---- Measuring ----

// Which stores each product's 限点 admits, worked out once with the rules' own wording of it.
function eligibilityOf(stores: readonly AllocationStore[], input: ProductAllocationInput): Uint8Array {
  return Uint8Array.from(stores, (store) =>
    failedEligibility(store, input.strategy.eligibility).length === 0 ? 1 : 0,
  );
}

// An outcome is right before its time counts: one whole, non-negative quota per store, within the
// cap, 0 for every store the 限点 leaves out, the counts it reports true, and no more than the
// supply allocated.
function check(
  stores: readonly AllocationStore[],
  input: ProductAllocationInput,
  outcome: ProductAllocationOutcome,
  eligible: Uint8Array,
) {
  const cap = input.strategy.cap ?? Number.POSITIVE_INFINITY;
  if (outcome.quotas.length !== stores.length) throw new Error(`product ${input.productId}: wrong number of quotas`);
  let total = 0;
  let eligibleStores = 0;
  let storesAtZero = 0;
  for (let index = 0; index < outcome.quotas.length; index += 1) {
    const quota = outcome.quotas[index];
    if (!Number.isInteger(quota) || quota < 0 || quota > cap) {
      throw new Error(`product ${input.productId}: quota ${quota} is not whole cartons within the cap ${cap}`);
    }
    if (eligible[index] === 0 && quota !== 0) {
      throw new Error(
        `product ${input.productId}: store ${stores[index].customerId} is outside its 限点 yet gets ${quota}`,
      );
    }
    if (eligible[index] === 1) {
      eligibleStores += 1;
      if (quota === 0) storesAtZero += 1;
    }
    total += quota;
  }
  if (total !== outcome.allocated || (input.supply !== null && total > input.supply)) {
    throw new Error(`product ${input.productId}: ${total} cartons allocated of a supply of ${input.supply}`);
  }
  if (outcome.eligibleStores !== eligibleStores || outcome.storesAtZero !== storesAtZero) {
    throw new Error(
      `product ${input.productId}: reports ${outcome.eligibleStores} eligible stores (${outcome.storesAtZero} at 0), counted ${eligibleStores} (${storesAtZero})`,
    );
  }
  // A short supply is spent: what the scaled demand leaves over goes out by largest remainder.
  if (
    input.supply !== null &&
    outcome.scale < 1 &&
    input.strategy.cap === undefined &&
    total < input.supply - eligibleStores
  ) {
    throw new Error(`product ${input.productId}: ${total} of a short supply of ${input.supply} allocated`);
  }
}

// CPU time of this process in ms: on a shared machine it moves much less than wall time with load
// from elsewhere (waiting for a core is not counted).
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function runAllocation(stores: readonly AllocationStore[], products: readonly ProductAllocationInput[]) {
  const cpuStarted = cpuMs();
  const started = performance.now();
  const prepared = prepareStores(stores);
  const afterPrepare = performance.now();
  const outcomes = products.map((product) => allocateProduct(prepared, product));
  const finished = performance.now();
  return {
    prepareMs: afterPrepare - started,
    allocateMs: finished - afterPrepare,
    totalMs: finished - started,
    cpuMs: cpuMs() - cpuStarted,
    outcomes,
  };
}

// The floor: 60 quota arrays filled from one typed column.
function runBaseline(grades: Uint8Array, products: number): number {
  const started = performance.now();
  let checksum = 0;
  for (let product = 0; product < products; product += 1) {
    const quotas = new Int32Array(grades.length);
    for (let index = 0; index < grades.length; index += 1) quotas[index] = grades[index];
    checksum += quotas[product % grades.length];
  }
  if (checksum < 0) console.log(checksum);
  return performance.now() - started;
}

function memoryMiB(field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    if (match) return round(Number(match[1]) / 1024, 1);
  } catch {
    // not Linux: fall back to Node's own peak
  }
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

// Resets the kernel's peak-RSS mark, so VmHWM then covers the measured runs only.
function resetPeakMemory(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function markdown(result: ReturnType<typeof summarise>): string {
  const runs = result.runs;
  const row = (label: string, key: 'prepareMs' | 'allocateMs' | 'totalMs' | 'cpuMs' | 'baselineMs') =>
    `| ${label} | ${result.median[key]} | ${runs.map((run) => run[key]).join(', ')} |`;
  return [
    '# Benchmark: allocation compute (货源投放), one cycle',
    '',
    `- Date: ${result.date}; Node ${result.environment.node}; ${result.environment.cpuCount} × ${result.environment.cpuModel}`,
    `- Git ${result.environment.git?.commit.slice(0, 10) ?? '?'}${result.environment.git?.serverDirty ? ' (server code uncommitted)' : ''}; server source hash ${result.environment.serverSourceHash}`,
    `- ${result.stores.toLocaleString('en')} stores × ${result.products} limited products; ${result.runs.length} measured runs after 1 warm-up`,
    `- Load average at start ${result.environment.loadAverageAtStart.join(', ')}; at the end ${result.loadAverageAtEnd.join(', ')} (${result.environment.cpuCount} CPUs, shared)`,
    `- Strategies: ${Object.entries(result.mix)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(
        ', ',
      )}; ${result.scaledProducts} of ${result.products} short of supply (scaled, largest remainder); ${result.restrictedProducts} with 限点`,
    '',
    '| ms | median | runs |',
    '|---|---:|---|',
    row('prepareStores (once per cycle)', 'prepareMs'),
    row(`allocateProduct × ${result.products}`, 'allocateMs'),
    row('**compute total** (wall)', 'totalMs'),
    row('compute total, CPU time of the process', 'cpuMs'),
    row(`baseline: fill ${result.products} quota arrays from grades`, 'baselineMs'),
    '',
    `Per product: ${result.median.perProductMs} ms (median allocate ÷ ${result.products}). Compute ÷ baseline: ${result.ratioToBaseline}×.`,
    '',
    'Wall time includes waiting for a core when other processes load the machine; CPU time does not, so with a load average above the CPU count the CPU figure is the better guide to the cost of the code.',
    '',
    `Peak RSS during the measured runs: ${result.memory.peakDuringRunsMiB} MiB (the synthetic stores and products alone: ${result.memory.beforeRunsMiB} MiB; whole process peak ${result.memory.processPeakMiB} MiB).`,
    '',
    `Target: median compute ≤ ${result.target} s — **${result.met ? 'met' : 'missed'}** (${round(result.median.totalMs / 1000, 3)} s). The 货源投放 target for the whole cycle, compute + persist on PostgreSQL, is ≤ 5 s.`,
    '',
  ].join('\n');
}

function summarise(
  options: Options,
  environment: ReturnType<typeof describeEnvironment>,
  products: readonly ProductAllocationInput[],
  runs: Array<{ prepareMs: number; allocateMs: number; totalMs: number; cpuMs: number; baselineMs: number }>,
  outcomes: readonly ProductAllocationOutcome[],
  memory: { beforeRunsMiB: number; peakDuringRunsMiB: number; processPeakMiB: number },
) {
  const mix: Record<string, number> = {};
  for (const product of products) {
    const kind =
      product.strategy.base.kind === 'unlimited'
        ? 'unlimited with a cap'
        : product.strategy.base.kind.replace('_', ' ');
    mix[kind] = (mix[kind] ?? 0) + 1;
  }
  const medianOf = (key: 'prepareMs' | 'allocateMs' | 'totalMs' | 'cpuMs' | 'baselineMs') =>
    round(median(runs.map((run) => run[key])), 1);
  const totalMs = medianOf('totalMs');
  return {
    benchmark,
    date: new Date().toISOString(),
    stores: options.stores,
    products: options.products,
    target: options.target,
    environment,
    loadAverageAtEnd: loadavg().map((value) => round(value, 2)),
    mix,
    scaledProducts: outcomes.filter((outcome) => outcome.scale !== 1).length,
    restrictedProducts: products.filter((product) => product.strategy.eligibility).length,
    runs: runs.map((run) => ({
      prepareMs: round(run.prepareMs, 1),
      allocateMs: round(run.allocateMs, 1),
      totalMs: round(run.totalMs, 1),
      cpuMs: round(run.cpuMs, 1),
      baselineMs: round(run.baselineMs, 1),
    })),
    median: {
      prepareMs: medianOf('prepareMs'),
      allocateMs: medianOf('allocateMs'),
      totalMs,
      cpuMs: medianOf('cpuMs'),
      baselineMs: medianOf('baselineMs'),
      perProductMs: round(medianOf('allocateMs') / options.products, 2),
    },
    ratioToBaseline: round(totalMs / medianOf('baselineMs'), 1),
    memory,
    outcomes: outcomes.map((outcome) => ({
      productId: outcome.productId,
      supply: outcome.supply,
      allocated: outcome.allocated,
      scale: round(outcome.scale, 4),
      eligibleStores: outcome.eligibleStores,
      storesAtZero: outcome.storesAtZero,
    })),
    met: totalMs / 1000 <= options.target,
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const environment = describeEnvironment();
  const random = createRandom(20261124);
  console.log(`Building ${options.stores} stores and ${options.products} products…`);
  const province = buildProvince(options.stores, random);
  const products = buildProducts(province, options.products, random);
  const grades = Uint8Array.from(province.stores, (store) => store.grade);

  const eligibility = products.map((product) => eligibilityOf(province.stores, product));
  // The warm-up's outcomes are checked too: a wrong answer fails before anything is timed.
  runAllocation(province.stores, products).outcomes.forEach((outcome, index) => {
    check(province.stores, products[index], outcome, eligibility[index]);
  }); // warm-up: JIT, not recorded
  runBaseline(grades, options.products);
  const beforeRunsMiB = memoryMiB('VmRSS');
  const canResetPeak = resetPeakMemory();
  const runs: Array<{ prepareMs: number; allocateMs: number; totalMs: number; cpuMs: number; baselineMs: number }> = [];
  let lastOutcomes: ProductAllocationOutcome[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    // Alternate which goes first, so drift and load from elsewhere hit both alike.
    let baselineMs = 0;
    if (run % 2 === 0) baselineMs = runBaseline(grades, options.products);
    const measured = runAllocation(province.stores, products);
    if (run % 2 === 1) baselineMs = runBaseline(grades, options.products);
    measured.outcomes.forEach((outcome, index) => {
      check(province.stores, products[index], outcome, eligibility[index]);
    });
    lastOutcomes = measured.outcomes;
    runs.push({ ...measured, baselineMs });
    console.log(
      `run ${run}: prepare ${measured.prepareMs.toFixed(0)} ms + allocate ${measured.allocateMs.toFixed(0)} ms = ${measured.totalMs.toFixed(0)} ms (CPU ${measured.cpuMs.toFixed(0)} ms); baseline ${baselineMs.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}`,
    );
  }
  const memory = {
    beforeRunsMiB,
    peakDuringRunsMiB: canResetPeak ? memoryMiB('VmHWM') : Number.NaN,
    processPeakMiB: round(process.resourceUsage().maxRSS / 1024, 1),
  };
  const result = summarise(options, environment, products, runs, lastOutcomes, memory);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${benchmark}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.out, `${benchmark}.md`), markdown(result));
  console.log(
    `median compute ${result.median.totalMs} ms (prepare ${result.median.prepareMs} + allocate ${result.median.allocateMs}; CPU ${result.median.cpuMs}); ` +
      `peak RSS ${memory.peakDuringRunsMiB} MiB; target ≤ ${options.target} s ${result.met ? 'met' : 'MISSED'}`,
  );
  console.log(`Results in ${relative(process.cwd(), join(options.out, `${benchmark}.md`))}`);
  process.exitCode = result.met ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
