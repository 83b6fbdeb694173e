// Order day (订货日): POST /api/v1/portal/orders with 10-line orders from many stores at 50
// connections, against pgbench running the same SQL transaction on the same database in the same
// run. Target: orders/s ≥ 50 % of pgbench's TPS, p99 < 100 ms, on PostgreSQL; PGlite
// figures are recorded too (there is no pgbench for it).
//
//   npx node bench/order-day.ts                        3 rounds × 10 s, every database
//   npx node bench/order-day.ts --rounds 1 --duration 5 --db postgres
//
// Each database gets a fresh demo city (kewo demo: 24,000 stores, this week's cycle published).
// 200 retailers sign in; every order has 10 lines of products that are unlimited in the cycle,
// so a long run never runs out of quota — the quota check, the compare-and-set and the writes are the
// same as for a limited product. Rounds alternate API and pgbench (ABBA) so drift hits both.
// Writes bench/results/order-day.{json,md}. Exits 0 when the targets are met, 1 when one is
// missed, 2 when the run is wrong: an order answered other than 201, a request that failed, a
// pgbench transaction that failed, or an acknowledged order that is not in the database.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { fillPlaceholders } from 'drizzle-orm';
import pg from 'pg';
import { arrayLiteral } from '../server/src/db/array-literal.ts';
import { postgresPoolSize as poolSize } from '../server/src/db/client.ts';
import type { ShapedStatement } from '../server/src/db/prepared.ts';
import { orderInsertStatement, orderSnapshotStatement } from '../server/src/modules/supply/supply.repository.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { changeRecordValues } from '../server/src/platform/audit/audit.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { dropDatabase, recreateDatabase, redact, serverVersion, whyUnreachable } from './lib/postgres.ts';
import { type DatabaseKind, repoRoot, signIn, startServer } from './lib/server.ts';

const benchmark = 'order-day';
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '50' },
    stores: { type: 'string', default: process.env.BENCH_STORES ?? '200' },
    // Stores in the demo city (default: the demo's own 24,000); fewer for a quick run.
    customers: { type: 'string' },
    db: { type: 'string', default: process.env.BENCH_DB ?? 'all' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kewo_bench_orders',
    },
    out: { type: 'string', default: process.env.BENCH_OUT ?? 'bench/results' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: npx node bench/order-day.ts [--duration S] [--rounds N] [--connections C] [--stores N] [--customers N] [--db pglite|postgres|all] [--database-url U] [--out DIR]',
  );
  process.exit(0);
}
const durationSeconds = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const storeCount = Number(values.stores);
const databaseUrl = values['database-url'];
const outDir = join(repoRoot, values.out);
const linesPerOrder = 10;
const password = 'kewo-demo-2026';

type Sample = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  // Orders the API acknowledged (201); pgbench: transactions it completed.
  acknowledged: number;
  statusCodes?: Record<string, number>;
};
const targetRatio = 0.5;
const targetP99Ms = 100;
type Store = { cookie: string; customerId: number };

async function prepare(baseUrl: string) {
  const admin = await signIn(baseUrl, 'admin', password);
  const list = await fetch(`${baseUrl}/api/v1/customers?status=active&limit=${storeCount}&sort=licenceNo`, {
    headers: { cookie: admin },
  });
  const { items } = (await list.json()) as { items: Array<{ id: number; licenceNo: string }> };
  const stores: Store[] = [];
  for (const item of items) {
    const response = await fetch(`${baseUrl}/api/v1/portal/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ licenceNo: item.licenceNo, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .find((pair) => pair.startsWith('kewo_session='));
    if (!response.ok || !cookie) throw new Error(`retailer ${item.licenceNo} could not sign in: ${response.status}`);
    stores.push({ cookie, customerId: item.id });
  }
  const cycleResponse = await fetch(`${baseUrl}/api/v1/portal/cycle`, { headers: { cookie: stores[0].cookie } });
  const cycle = (await cycleResponse.json()) as {
    cycleId: number;
    items: Array<{ productId: number; quota: number | null }>;
  };
  const products = cycle.items.filter((item) => item.quota === null).slice(0, linesPerOrder);
  if (products.length < linesPerOrder) throw new Error('the demo cycle has fewer than 10 unlimited products');
  return { stores, cycleId: cycle.cycleId, productIds: products.map((product) => product.productId) };
}

async function measureApi(baseUrl: string, stores: Store[], productIds: number[], seconds: number): Promise<Sample> {
  const body = JSON.stringify({ lines: productIds.map((productId) => ({ productId, qty: 1 })) });
  let next = 0;
  const result = await autocannon({
    url: `${baseUrl}/api/v1/portal/orders`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>) => {
          const store = stores[next % stores.length];
          next += 1;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              cookie: store.cookie,
              'idempotency-key': randomUUID(),
            },
            body,
          };
        },
      },
    ],
  } as never);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, { count }]) => [
      code,
      count,
    ]),
  );
  return {
    rps: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    acknowledged: statusCodes['201'] ?? 0,
    statusCodes,
  };
}

// Why a sample of the API cannot be trusted, or undefined: every order must be answered 201.
function apiProblemOf(sample: Sample): string | undefined {
  if (sample.acknowledged === 0) return 'no order was acknowledged';
  if (sample.non2xx > 0 || sample.errors > 0 || sample.acknowledged !== sample.requests) {
    return `${sample.non2xx} non-2xx, ${sample.errors} errors or timeouts of ${sample.requests} requests (status codes ${JSON.stringify(sample.statusCodes)})`;
  }
  return undefined;
}

// What placeOrder sends (orders.service.ts), statement for statement: the snapshot the order is
// judged on, then the one statement that writes it — built by the repository's own statement
// builders, so pgbench runs the very text the server prepares. Parameters become literals, except
// the store and user (pgbench variables of a random store of the same 200 each time) and the
// idempotency key (a new one each time). pgbench does not judge the order, so its compare-and-set
// writes the quantities back unchanged: the same row is rewritten, the same rows are inserted.
async function writePgbenchScript(url: string, stores: Store[], cycleId: number, productIds: number[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tenants } = await client.query<{ tenant_id: number }>(
      'SELECT tenant_id FROM order_cycles WHERE id = $1',
      [cycleId],
    );
    const tenantId = tenants[0].tenant_id;
    const { rows: userRows } = await client.query<{ id: number; customer_id: number }>(
      'SELECT id, customer_id FROM users WHERE customer_id = ANY($1::int[])',
      [stores.map((store) => store.customerId)],
    );
    await client.query('DROP TABLE IF EXISTS bench_order_stores');
    await client.query('CREATE TABLE bench_order_stores (i int PRIMARY KEY, customer_id int, user_id int)');
    await client.query(
      'INSERT INTO bench_order_stores SELECT row_number() OVER (), customer_id, id FROM unnest($1::int[], $2::int[]) AS u(customer_id, id)',
      [userRows.map((row) => row.customer_id), userRows.map((row) => row.id)],
    );
    const { rows: products } = await client.query<{ product_id: number; position: number; price: number }>(
      `SELECT cp.product_id, cp.position, p.wholesale_price_fen AS price FROM cycle_products cp
       JOIN products p ON p.tenant_id = cp.tenant_id AND p.id = cp.product_id
       WHERE cp.cycle_id = $1 AND cp.product_id = ANY($2::int[]) ORDER BY cp.position`,
      [cycleId, productIds],
    );
    const now = new Date();
    const actor = {
      ...systemActor(tenantId, 'bench', 'pgbench'),
      userId: sentinel.userId,
      scope: { kind: 'customer' as const, customerId: sentinel.customerId },
    };
    const lines = products.map((product) => ({ productId: product.product_id, qty: 1, unitPriceFen: product.price }));
    const snapshotQuery = {
      tenantId,
      scope: actor.scope,
      customerId: sentinel.customerId,
      productIds: lines.map((line) => line.productId),
      now,
      idempotency: { userId: sentinel.userId, key: sentinel.key },
    };
    const write = {
      order: {
        tenantId,
        cycleId,
        customerId: sentinel.customerId,
        channel: 'online' as const,
        createdBy: sentinel.userId,
        now,
      },
      lines,
      with_: {
        quota: { expected: sentinel.expected, ordered: sentinel.ordered },
        idempotency: {
          userId: sentinel.userId,
          key: sentinel.key,
          requestHash: 'pgbench',
          response: { orderId: 0, cycleId, lines: lines.map(({ productId, qty }) => ({ productId, qty })) },
        },
        audit: changeRecordValues(
          actor,
          {
            action: 'place',
            entity: 'order',
            after: { channel: 'online', lines: lines.map(({ productId, qty }) => ({ productId, qty })) },
          },
          now,
        ),
      },
    };
    const script = `\\set i random(1, ${userRows.length})
\\set k random(1, 9000000000000000)
SELECT customer_id AS cid, user_id AS uid FROM bench_order_stores WHERE i = :i \\gset
${pgbenchText(orderSnapshotStatement, snapshotQuery)};
${pgbenchText(orderInsertStatement, write)};
`;
    const dir = join(tmpdir(), 'kewo-pgbench');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'order-transaction.sql');
    writeFileSync(path, script);
    // Kept in the repository as a readable copy of what pgbench ran last.
    mkdirSync(join(repoRoot, 'bench/pgbench'), { recursive: true });
    writeFileSync(join(repoRoot, 'bench/pgbench/order-transaction.sql'), script);
    return path;
  } finally {
    await client.end();
  }
}

// Values that stand for pgbench's variables in the statements' parameters.
const sentinel = {
  customerId: -910_001,
  userId: -910_002,
  key: 'pgbench:idempotency-key',
  expected: [-910_003],
  ordered: [-910_004],
};
const substitutions = new Map<unknown, string>([
  [sentinel.customerId, ':cid'],
  [sentinel.userId, ':uid'],
  // A new key each time, from a pgbench variable: an expression of a volatile function
  // (gen_random_uuid()) would keep the key's index from being used.
  [sentinel.key, "('pgbench:' || :k)"],
  [arrayLiteral(sentinel.expected), 'ordered'],
  [arrayLiteral(sentinel.ordered), 'ordered'],
]);

// A statement as pgbench runs it: on one line, its parameters written in.
function pgbenchText<Input>(statement: ShapedStatement<Input>, input: Input): string {
  const { sql: text, params } = statement.compiled(input);
  const values = fillPlaceholders(params, statement.values(input));
  return text
    .replace(/\$(\d+)/g, (_, index: string) => {
      const value = values[Number(index) - 1];
      return substitutions.get(value) ?? literalOf(value);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `'${text.replaceAll("'", "''")}'`;
}

async function settleDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) store_quotas, orders, order_lines, idempotency_keys, audit_log');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

function measurePgbench(
  url: string,
  script: string,
  seconds: number,
  mode: 'prepared' | 'simple',
  clients = connections,
): Sample {
  const output = execFileSync(
    'pgbench',
    ['-n', '-f', script, '-c', String(clients), '-j', '2', '-T', String(seconds), '-M', mode, url],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  return {
    rps: round(tps, 1),
    p50: latency,
    p99: Number.NaN,
    requests: transactions,
    non2xx: failed,
    errors: 0,
    acknowledged: transactions,
  };
}

function pgbenchProblemOf(sample: Sample): string | undefined {
  if (!(sample.requests > 0)) return 'no transaction completed';
  if (sample.non2xx > 0) return `${sample.non2xx} failed transactions`;
  return undefined;
}

// Every order the API placed carries its own idempotency key (a UUID); pgbench's start 'pgbench:'.
async function countApiOrders(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE key NOT LIKE 'pgbench:%'",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

type KindResult = {
  kind: DatabaseKind;
  api: Sample[];
  // pooled: prepared statements from as many clients as the server's pool has connections.
  pgbench?: { prepared: Sample[]; simple: Sample[]; pooled: Sample[] };
  load: number[];
  // Orders the API acknowledged over the whole run (warm-up included), and how many of them the
  // database holds afterwards (PostgreSQL: their idempotency keys; PGlite is held by the server).
  acknowledged: number;
  stored?: number;
  problems: string[];
};

async function runKind(kind: DatabaseKind): Promise<KindResult> {
  if (kind === 'postgres') await recreateDatabase(databaseUrl);
  const server = await startServer({
    kind,
    databaseUrl: kind === 'postgres' ? databaseUrl : undefined,
    startTimeoutMs: 900_000,
    demoArgs: values.customers ? ['--customers', values.customers] : undefined,
  });
  try {
    console.log(`${kind}: demo ready in ${(server.startupMs / 1000).toFixed(1)} s; signing in ${storeCount} retailers`);
    const { stores, cycleId, productIds } = await prepare(server.baseUrl);
    const script = kind === 'postgres' ? await writePgbenchScript(databaseUrl, stores, cycleId, productIds) : undefined;
    const result: KindResult = { kind, api: [], load: [], acknowledged: 0, problems: [] };
    const keysBefore = kind === 'postgres' ? await countApiOrders(databaseUrl) : 0;
    const check = (what: string, sample: Sample) => {
      const problem = what.startsWith('pgbench') ? pgbenchProblemOf(sample) : apiProblemOf(sample);
      if (problem) result.problems.push(`${kind} ${what}: ${problem}`);
      return sample;
    };
    const warmUp = check('API warm-up', await measureApi(server.baseUrl, stores, productIds, 3));
    result.acknowledged += warmUp.acknowledged;
    if (script) {
      result.pgbench = { prepared: [], simple: [], pooled: [] };
      check('pgbench warm-up', measurePgbench(databaseUrl, script, 3, 'prepared'));
    }
    for (let round = 0; round < rounds; round += 1) {
      result.load.push(loadavg()[0]);
      const apiFirst = round % 2 === 0;
      // Every measurement starts from the same state: the previous one's dead rows vacuumed and its
      // dirty pages written, so that neither side pays for the other's leftovers (without this the
      // API round after 30 s of pgbench met autovacuum and a checkpoint mid-run).
      const settle = () => (kind === 'postgres' ? settleDatabase(databaseUrl) : Promise.resolve());
      const runPgbench = async () => {
        if (!script || !result.pgbench) return;
        await settle();
        result.pgbench.prepared.push(
          check('pgbench prepared', measurePgbench(databaseUrl, script, durationSeconds, 'prepared')),
        );
        await settle();
        result.pgbench.simple.push(
          check('pgbench simple', measurePgbench(databaseUrl, script, durationSeconds, 'simple')),
        );
        await settle();
        result.pgbench.pooled.push(
          check('pgbench pooled', measurePgbench(databaseUrl, script, durationSeconds, 'prepared', poolSize)),
        );
      };
      if (!apiFirst) await runPgbench();
      await settle();
      const api = check(
        `API round ${round + 1}`,
        await measureApi(server.baseUrl, stores, productIds, durationSeconds),
      );
      result.api.push(api);
      result.acknowledged += api.acknowledged;
      if (apiFirst) await runPgbench();
      console.log(
        `${kind} round ${round + 1}: API ${api.rps} orders/s p99 ${api.p99} ms (non-2xx ${api.non2xx})` +
          (result.pgbench
            ? `; pgbench prepared ${result.pgbench.prepared.at(-1)?.rps} tps, simple ${result.pgbench.simple.at(-1)?.rps} tps`
            : ''),
      );
    }
    if (kind === 'postgres') {
      result.stored = (await countApiOrders(databaseUrl)) - keysBefore;
      // autocannon stops counting when a measurement's time is up, with up to one request per
      // connection still in flight: those land unacknowledged. So every acknowledged order is
      // stored, and at most that many more.
      const inFlightAtEnds = connections * (result.api.length + 1);
      if (result.stored < result.acknowledged || result.stored > result.acknowledged + inFlightAtEnds) {
        result.problems.push(
          `postgres: ${result.acknowledged} orders acknowledged, ${result.stored} stored (idempotency keys of API orders; up to ${inFlightAtEnds} more may land after the measurements end)`,
        );
      }
    }
    return result;
  } finally {
    await server.stop();
    if (kind === 'postgres') await dropDatabase(databaseUrl).catch(() => {});
  }
}

const kinds: DatabaseKind[] = [];
if (values.db === 'all' || values.db === 'postgres') {
  const why = await whyUnreachable(databaseUrl);
  if (why) console.log(`PostgreSQL skipped: ${why}`);
  else kinds.push('postgres');
}
if (values.db === 'all' || values.db === 'pglite') kinds.push('pglite');

const environment = describeEnvironment();
const postgresVersion = kinds.includes('postgres') ? await serverVersion(databaseUrl) : undefined;
const results: KindResult[] = [];
for (const kind of kinds) results.push(await runKind(kind));

const summary = results.map((result) => {
  const apiRps = median(result.api.map((sample) => sample.rps));
  const apiP99 = median(result.api.map((sample) => sample.p99));
  const prepared = result.pgbench ? median(result.pgbench.prepared.map((sample) => sample.rps)) : undefined;
  const simple = result.pgbench ? median(result.pgbench.simple.map((sample) => sample.rps)) : undefined;
  const pooled = result.pgbench ? median(result.pgbench.pooled.map((sample) => sample.rps)) : undefined;
  return {
    kind: result.kind,
    apiOrdersPerSecond: apiRps,
    apiP50: median(result.api.map((sample) => sample.p50)),
    apiP99,
    pgbenchPreparedTps: prepared,
    pgbenchSimpleTps: simple,
    ratioToPrepared: prepared ? round(apiRps / prepared, 3) : undefined,
    ratioToSimple: simple ? round(apiRps / simple, 3) : undefined,
    pgbenchPooledTps: pooled,
    ratioToPooled: pooled ? round(apiRps / pooled, 3) : undefined,
    pgbenchLatencyMs: result.pgbench ? median(result.pgbench.prepared.map((sample) => sample.p50)) : undefined,
    non2xx: result.api.reduce((sum, sample) => sum + sample.non2xx, 0),
    acknowledged: result.acknowledged,
    stored: result.stored,
    medianLoad: round(median(result.load), 2),
    // Targets hold on PostgreSQL only; PGlite's figures are for the record.
    met:
      result.kind === 'postgres' && prepared
        ? round(apiRps / prepared, 3) >= targetRatio && apiP99 < targetP99Ms
        : undefined,
  };
});
const problems = results.flatMap((result) => result.problems);
const missed = summary.filter((row) => row.met === false);

mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, `${benchmark}.json`),
  `${JSON.stringify({ benchmark, environment, postgres: postgresVersion, databaseUrl: redact(databaseUrl), durationSeconds, rounds, connections, stores: storeCount, linesPerOrder, targets: { ratioToPrepared: targetRatio, p99Ms: targetP99Ms }, results, summary, problems }, null, 2)}\n`,
);
const rows = summary.map(
  (row) =>
    `| ${row.kind} | ${row.apiOrdersPerSecond} | ${row.apiP50} | ${row.apiP99} | ${row.pgbenchPreparedTps ?? '—'} | ${row.pgbenchLatencyMs ?? '—'} | ${row.pgbenchSimpleTps ?? '—'} | ${row.ratioToPrepared ?? '—'} | ${row.ratioToSimple ?? '—'} | ${row.pgbenchPooledTps ?? '—'} | ${row.ratioToPooled ?? '—'} | ${row.non2xx} | ${row.medianLoad} |`,
);
writeFileSync(
  join(outDir, `${benchmark}.md`),
  `# Order day: POST /portal/orders vs pgbench (same transaction)

${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node} · ${postgresVersion ? `PostgreSQL ${postgresVersion}` : ''}
${rounds} rounds × ${durationSeconds} s, ${connections} connections, ${storeCount} signed-in stores, ${linesPerOrder} lines per order, medians.
pgbench runs \`bench/pgbench/order-transaction.sql\` — the two statements \`placeOrder\` sends, built by the same repository functions — with ${connections} clients, 2 threads, \`-M prepared\` and \`-M simple\`,
and with ${poolSize} clients (\`-M prepared\`), the number of connections the server's pool keeps: its 50 HTTP connections queue for those ${poolSize}.
The API also authenticates each request (the session as this process last read it, kept until the database announces a change), judges the order and serialises JSON; pgbench does none of that.
Every measurement starts after a VACUUM (ANALYZE) of the tables an order writes and a CHECKPOINT.
Targets (PostgreSQL): orders/s ≥ 50 % of pgbench TPS; p99 < 100 ms.

| database | API orders/s | p50 ms | p99 ms | pgbench TPS (prepared) | pgbench mean latency ms | pgbench TPS (simple) | ratio (prepared) | ratio (simple) | pgbench TPS (${poolSize} clients) | ratio (${poolSize} clients) | non-2xx | load |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Rounds: ${results
    .map(
      (result) =>
        `${result.kind}: API ${result.api.map((sample) => sample.rps).join(' / ')}` +
        (result.pgbench
          ? `; pgbench prepared ${result.pgbench.prepared.map((sample) => sample.rps).join(' / ')}; simple ${result.pgbench.simple.map((sample) => sample.rps).join(' / ')}; ${poolSize} clients ${result.pgbench.pooled.map((sample) => sample.rps).join(' / ')}`
          : ''),
    )
    .join(' · ')}

Orders acknowledged (201) / stored (PostgreSQL, by their idempotency keys; up to one per connection per measurement more land after its time is up, unacknowledged): ${summary.map((row) => `${row.kind} ${row.acknowledged} / ${row.stored ?? 'not counted'}`).join(' · ')}.
${problems.length > 0 ? `\n**The run is wrong** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` : ''}${missed.length > 0 ? `\n**Target missed** on ${missed.map((row) => row.kind).join(', ')} (exit 1).\n` : ''}`,
);
console.log(`wrote ${relative(repoRoot, join(outDir, `${benchmark}.md`))}`);
console.table(summary);
if (kinds.length === 0) {
  console.error('✗ no database to measure');
  process.exitCode = 2;
} else if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exitCode = 2;
} else if (missed.length > 0) {
  console.error(
    `✗ target missed on ${missed.map((row) => row.kind).join(', ')}: orders/s ≥ ${targetRatio * 100} % of pgbench, p99 < ${targetP99Ms} ms`,
  );
  process.exitCode = 1;
}
