// Reliability of ordering, checked against a real server under load (not part of `npm test`):
//
//   crash     kill -9 of the server while retailers place orders, then a restart on what it left:
//             every order the server acknowledged (201) is there, whole, and a replay of its
//             Idempotency-Key answers with it; on PostgreSQL every store's ordered quantities
//             still equal the sum of its submitted lines.
//   oversell  2,000 submissions at once (250 on the wire at a time) against the limited products of
//             100 stores (their quotas shared by 20 submissions each): no store × product cell of the cycle is over its
//             quota, the quantities acknowledged are exactly the quantities recorded, and no
//             product is ordered beyond its supply.
//   replay    100 submissions, each sent 20 times at once under one Idempotency-Key: one order per
//             key, every answer 201 with that order; the key with another body is refused (422).
//
//   npm run reliability                                   every check, PostgreSQL (and PGlite's crash)
//   npm run reliability -- --db postgres --only oversell  one check
//   node reliability/order-reliability.ts --help
//
// The server runs as a child process (`kewo demo`, on 127.0.0.1), on a fresh PostgreSQL database
// named kewo_bench… (dropped and recreated; only such names are ever dropped) and, for the crash
// check, on PGlite in a temporary directory. Oversell and replay run on PostgreSQL only: PGlite
// runs one statement at a time, so concurrency proves nothing there. Writes
// bench/results/reliability.{json,md}. Exits 0 when every check holds, 1 when one does not,
// 2 when the run itself failed (no database, the server did not start, bad options).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeEnvironment } from '../bench/lib/environment.ts';
import { dropDatabase, recreateDatabase, redact, serverVersion, whyUnreachable } from '../bench/lib/postgres.ts';
import { type DatabaseKind, type RunningServer, repoRoot, signIn, startServer } from '../bench/lib/server.ts';

const checks = ['crash', 'oversell', 'replay'] as const;
type CheckName = (typeof checks)[number];

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.RELIABILITY_DB ?? 'all' },
    only: { type: 'string' },
    'database-url': {
      type: 'string',
      default: process.env.RELIABILITY_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kewo_bench_reliability',
    },
    customers: { type: 'string', default: '3000' },
    'crash-rounds': { type: 'string', default: '3' },
    'pglite-crash-rounds': { type: 'string', default: '2' },
    'crash-after': { type: 'string', default: '6' },
    workers: { type: 'string', default: '50' },
    stores: { type: 'string', default: '200' },
    attempts: { type: 'string', default: '2000' },
    'in-flight': { type: 'string', default: '250' },
    'oversell-stores': { type: 'string', default: '100' },
    keys: { type: 'string', default: '100' },
    replays: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/results' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: node reliability/order-reliability.ts [options]
  --db pglite|postgres|all   databases (default all: PostgreSQL for every check, PGlite for crash)
  --only crash,oversell,replay
  --database-url U           a kewo_bench… database, dropped and recreated (default ${values['database-url']})
  --customers N              stores in the demo city (default 3000)
  --crash-rounds N           kill -9 rounds on PostgreSQL (default 3); --pglite-crash-rounds N (default 2)
  --crash-after S            seconds of order load before each kill (default 6)
  --workers N                concurrent order submitters during the crash load (default 50)
  --stores N                 retailers signed in for the crash load (default 200)
  --attempts N               concurrent submissions of the oversell check (default 2000)
  --in-flight N              of those, at most N on the wire at once (default 250: more only queue in
                             the server's backlog, and a request that times out proves nothing)
  --oversell-stores N        stores whose quotas they share (default 100)
  --keys N, --replays N      idempotency keys and sends of each (default 100 × 20)
  --out DIR                  where reliability.{json,md} go (default bench/results)`);
  process.exit(0);
}
const count = (name: keyof typeof values, minimum = 1): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < minimum) {
    console.error(`--${name} must be a whole number ≥ ${minimum}`);
    process.exit(2);
  }
  return value;
};
const settings = {
  customers: count('customers', 100),
  crashRounds: count('crash-rounds', 0),
  pgliteCrashRounds: count('pglite-crash-rounds', 0),
  crashAfterSeconds: count('crash-after'),
  workers: count('workers'),
  stores: count('stores'),
  attempts: count('attempts'),
  inFlight: count('in-flight'),
  oversellStores: count('oversell-stores'),
  keys: count('keys'),
  replays: count('replays', 2),
};
const selected = (values.only ?? checks.join(',')).split(',') as CheckName[];
const unknownCheck = selected.find((name) => !checks.includes(name));
if (unknownCheck) {
  console.error(`Unknown check ${unknownCheck}; there are: ${checks.join(', ')}`);
  process.exit(2);
}
if (!['all', 'postgres', 'pglite'].includes(values.db)) {
  console.error('--db must be pglite, postgres or all');
  process.exit(2);
}
const databaseUrl = values['database-url'];
const outDir = join(repoRoot, values.out);
const password = 'kewo-demo-2026';

type CheckResult = {
  check: CheckName;
  kind: DatabaseKind;
  passed: boolean;
  // The figures that decide it, and the ones around them.
  figures: Record<string, number | string>;
  failures: string[];
  seconds: number;
};
type Store = { customerId: number; licenceNo: string; cookie: string };
type Line = { productId: number; qty: number };
type CycleItem = { productId: number; quota: number | null; remaining: number | null };

// ── Talking to the server ────────────────────────────────────────────────────────────────────

async function signInRetailer(baseUrl: string, licenceNo: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/portal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ licenceNo, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .find((pair) => pair.startsWith('kewo_session='));
  if (!response.ok || !cookie) throw new Error(`retailer ${licenceNo} could not sign in: HTTP ${response.status}`);
  return cookie;
}

async function signInStores(baseUrl: string, admin: string, limit: number): Promise<Store[]> {
  if (limit > 200) throw new Error('at most 200 stores sign in (one page of GET /customers)');
  const response = await fetch(`${baseUrl}/api/v1/customers?status=active&limit=${limit}&sort=licenceNo`, {
    headers: { cookie: admin },
  });
  if (!response.ok) throw new Error(`GET /customers answered HTTP ${response.status}`);
  const { items } = (await response.json()) as { items: Array<{ id: number; licenceNo: string }> };
  const stores: Store[] = [];
  for (const item of items) {
    stores.push({
      customerId: item.id,
      licenceNo: item.licenceNo,
      cookie: await signInRetailer(baseUrl, item.licenceNo),
    });
  }
  if (stores.length < limit) throw new Error(`only ${stores.length} active stores to sign in (wanted ${limit})`);
  return stores;
}

async function portalCycle(baseUrl: string, store: Store) {
  const response = await fetch(`${baseUrl}/api/v1/portal/cycle`, { headers: { cookie: store.cookie } });
  if (!response.ok) throw new Error(`GET /portal/cycle answered HTTP ${response.status}`);
  return (await response.json()) as { cycleId: number; isOpen: boolean; items: CycleItem[] };
}

type Answer = { status: number; orderId?: number; code?: string; error?: string };

async function placeOrder(baseUrl: string, store: Store, lines: Line[], key: string): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/portal/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: store.cookie, 'idempotency-key': key },
      body: JSON.stringify({ lines }),
      // Long: a request given up on may still land, and then nothing can be said about it.
      signal: AbortSignal.timeout(180_000),
    });
    const body = (await response.json().catch(() => ({}))) as { orderId?: number; code?: string };
    return { status: response.status, orderId: body.orderId, code: body.code };
  } catch (error) {
    return {
      status: 0,
      error: error instanceof Error ? ((error.cause as Error)?.message ?? error.message) : String(error),
    };
  }
}

// Runs every task, at most `limit` at a time, keeping their order.
async function inPool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const runner = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, runner));
  return results;
}

function tally(answers: readonly Answer[]): Record<string, number> {
  const byStatus: Record<string, number> = {};
  for (const answer of answers) {
    const label =
      answer.status === 0 ? `no answer (${answer.error})` : `${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
    byStatus[label] = (byStatus[label] ?? 0) + 1;
  }
  return byStatus;
}

// ── PostgreSQL: what the database holds ──────────────────────────────────────────────────────

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Every store × product cell of the cycle: its quota (-1 unlimited), what the row records as
// ordered, and the sum of the store's submitted lines of the product.
type Cells = {
  cells: number;
  overQuota: number;
  recordedNotOrdered: number; // ordered ≠ the sum of the submitted lines
  productsOverSupply: number;
};
async function cellsOf(cycleId: number): Promise<Cells> {
  return withClient(async (client) => {
    const { rows } = await client.query<Record<keyof Cells, string>>(
      `WITH lines AS (
         SELECT o.customer_id, cp.position, sum(l.qty)::bigint AS qty
         FROM orders o
         JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
         JOIN cycle_products cp ON cp.tenant_id = o.tenant_id AND cp.cycle_id = o.cycle_id AND cp.product_id = l.product_id
         WHERE o.cycle_id = $1 AND o.status = 'submitted'
         GROUP BY o.customer_id, cp.position),
       cells AS (
         SELECT q.customer_id, u.position - 1 AS position, u.quota, u.ordered
         FROM store_quotas q CROSS JOIN LATERAL unnest(q.quotas, q.ordered) WITH ORDINALITY AS u(quota, ordered, position)
         WHERE q.cycle_id = $1),
       supply AS (
         SELECT cp.position, cp.supply, sum(c.ordered)::bigint AS ordered
         FROM cycle_products cp JOIN cells c ON c.position = cp.position
         WHERE cp.cycle_id = $1 AND cp.supply IS NOT NULL
         GROUP BY cp.position, cp.supply)
       SELECT (SELECT count(*) FROM cells) AS cells,
         (SELECT count(*) FROM cells WHERE quota <> -1 AND ordered > quota) AS "overQuota",
         (SELECT count(*) FROM cells c LEFT JOIN lines l ON l.customer_id = c.customer_id AND l.position = c.position
           WHERE c.ordered <> coalesce(l.qty, 0)) AS "recordedNotOrdered",
         (SELECT count(*) FROM supply WHERE ordered > supply) AS "productsOverSupply"`,
      [cycleId],
    );
    const row = rows[0];
    return {
      cells: Number(row.cells),
      overQuota: Number(row.overQuota),
      recordedNotOrdered: Number(row.recordedNotOrdered),
      productsOverSupply: Number(row.productsOverSupply),
    };
  });
}

// ── crash ────────────────────────────────────────────────────────────────────────────────────

type Acknowledged = { key: string; store: Store; lines: Line[]; orderId: number };

// Retailers ordering as fast as the server takes it, until `seconds` have passed; then the server
// is killed (SIGKILL) with requests in flight. Returns what it acknowledged before it died.
async function loadThenKill(server: RunningServer, stores: Store[], productIds: number[], seconds: number) {
  const acknowledged: Acknowledged[] = [];
  const refused: Answer[] = [];
  let inFlightAtKill = 0;
  let sent = 0;
  let killed = false;
  let next = 0;
  const worker = async () => {
    while (!killed) {
      const store = stores[next % stores.length];
      next += 1;
      // Three unlimited products, 1–3 cartons each: a long run never runs out of quota.
      const lines = productIds
        .slice(next % Math.max(1, productIds.length - 2), (next % Math.max(1, productIds.length - 2)) + 3)
        .map((productId, index) => ({ productId, qty: ((next + index) % 3) + 1 }));
      const key = randomUUID();
      sent += 1;
      const answer = await placeOrder(server.baseUrl, store, lines, key);
      if (answer.status === 201 && answer.orderId !== undefined) {
        acknowledged.push({ key, store, lines, orderId: answer.orderId });
      } else if (!killed) {
        refused.push(answer);
      } else {
        inFlightAtKill += 1;
      }
    }
  };
  const workers = Array.from({ length: settings.workers }, worker);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  killed = true;
  process.kill(server.pid, 'SIGKILL');
  await Promise.all(workers);
  return { acknowledged, refused, inFlightAtKill, sent };
}

// The store's submitted orders of the cycle, as staff sees them.
async function ordersOfStore(baseUrl: string, admin: string, cycleId: number, customerId: number) {
  const response = await fetch(
    `${baseUrl}/api/v1/supply/orders?cycleId=${cycleId}&customerId=${customerId}&limit=500`,
    {
      headers: { cookie: admin },
    },
  );
  if (!response.ok) throw new Error(`GET /supply/orders answered HTTP ${response.status}`);
  const { items } = (await response.json()) as {
    items: Array<{ orderId: number; status: string; lines: Line[] }>;
  };
  if (items.length >= 500) throw new Error(`store ${customerId} has 500 orders or more: raise the limit`);
  return items;
}

async function checkCrash(kind: DatabaseKind, rounds: number): Promise<CheckResult> {
  const started = performance.now();
  const failures: string[] = [];
  const figures: Record<string, number | string> = { rounds };
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'kewo-reliability-')) : undefined;
  if (kind === 'postgres') await recreateDatabase(databaseUrl);
  const start = () =>
    startServer({
      kind,
      databaseUrl: kind === 'postgres' ? databaseUrl : undefined,
      dataDir,
      startTimeoutMs: 900_000,
      demoArgs: ['--customers', String(settings.customers)],
    });
  let server = await start();
  let totals = { sent: 0, acknowledged: 0, inFlightAtKill: 0, lost: 0, altered: 0, replayed: 0, replayMismatch: 0 };
  try {
    const admin = await signIn(server.baseUrl, 'admin', password);
    const stores = await signInStores(server.baseUrl, admin, settings.stores);
    const cycle = await portalCycle(server.baseUrl, stores[0]);
    const productIds = cycle.items.filter((item) => item.quota === null).map((item) => item.productId);
    if (!cycle.isOpen || productIds.length < 3)
      throw new Error('the demo cycle is not open or has < 3 unlimited products');
    const everAcknowledged: Acknowledged[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const load = await loadThenKill(server, stores, productIds, settings.crashAfterSeconds);
      await server.stop(); // already dead: only forgets it
      for (const answer of load.refused.slice(0, 3)) {
        failures.push(`round ${round}: an order was answered ${JSON.stringify(answer)} before the kill`);
      }
      if (load.acknowledged.length === 0) failures.push(`round ${round}: no order was acknowledged before the kill`);
      everAcknowledged.push(...load.acknowledged);
      server = await start();
      const adminAgain = await signIn(server.baseUrl, 'admin', password);
      // Every order ever acknowledged, in every round so far, must be there with its lines.
      const byStore = Map.groupBy(everAcknowledged, (order) => order.store.customerId);
      let lost = 0;
      let altered = 0;
      for (const [customerId, expected] of byStore) {
        const stored = new Map(
          (await ordersOfStore(server.baseUrl, adminAgain, cycle.cycleId, customerId)).map((order) => [
            order.orderId,
            order,
          ]),
        );
        for (const order of expected) {
          const found = stored.get(order.orderId);
          if (found === undefined || found.status !== 'submitted') lost += 1;
          else if (!sameLines(found.lines, order.lines)) altered += 1;
        }
      }
      // A retry of an acknowledged submission after the restart answers with the same order.
      const sample = load.acknowledged.filter((_, index) => index % Math.ceil(load.acknowledged.length / 50) === 0);
      let replayMismatch = 0;
      for (const order of sample) {
        const again = await placeOrder(server.baseUrl, order.store, order.lines, order.key);
        if (again.status !== 201 || again.orderId !== order.orderId) replayMismatch += 1;
      }
      const cells = kind === 'postgres' ? await cellsOf(cycle.cycleId) : undefined;
      console.log(
        `  ${kind} crash round ${round}: ${load.sent} sent, ${load.acknowledged.length} acknowledged, ${load.inFlightAtKill} in flight at the kill; ` +
          `after the restart ${lost} lost, ${altered} altered, ${replayMismatch} of ${sample.length} replays answered otherwise` +
          (cells ? `; ${cells.recordedNotOrdered} of ${cells.cells} cells whose recorded quantity ≠ their lines` : ''),
      );
      if (lost > 0) failures.push(`round ${round}: ${lost} acknowledged orders lost`);
      if (altered > 0) failures.push(`round ${round}: ${altered} acknowledged orders changed`);
      if (replayMismatch > 0)
        failures.push(`round ${round}: ${replayMismatch} replays did not answer with their order`);
      if (cells && cells.recordedNotOrdered > 0) {
        failures.push(
          `round ${round}: ${cells.recordedNotOrdered} store × product cells record other than their lines`,
        );
      }
      if (cells && cells.overQuota > 0) failures.push(`round ${round}: ${cells.overQuota} cells over quota`);
      totals = {
        sent: totals.sent + load.sent,
        acknowledged: totals.acknowledged + load.acknowledged.length,
        inFlightAtKill: totals.inFlightAtKill + load.inFlightAtKill,
        lost: Math.max(totals.lost, lost),
        altered: Math.max(totals.altered, altered),
        replayed: totals.replayed + sample.length,
        replayMismatch: totals.replayMismatch + replayMismatch,
      };
      if (cells) figures.cells = cells.cells;
      if (cells) figures.cellsNotMatchingLines = cells.recordedNotOrdered;
    }
  } finally {
    await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  Object.assign(figures, {
    sent: totals.sent,
    acknowledgedBeforeKills: totals.acknowledged,
    inFlightAtKills: totals.inFlightAtKill,
    acknowledgedLost: totals.lost,
    acknowledgedAltered: totals.altered,
    replaysAfterRestart: totals.replayed,
    replaysAnsweredOtherwise: totals.replayMismatch,
  });
  return { check: 'crash', kind, passed: failures.length === 0, figures, failures, seconds: secondsSince(started) };
}

function sameLines(stored: readonly Line[], sent: readonly Line[]): boolean {
  const key = (lines: readonly Line[]) =>
    [...lines]
      .sort((a, b) => a.productId - b.productId)
      .map((line) => `${line.productId}:${line.qty}`)
      .join(',');
  return key(stored) === key(sent);
}

// ── oversell ─────────────────────────────────────────────────────────────────────────────────

async function checkOversell(server: RunningServer, admin: string): Promise<CheckResult> {
  const started = performance.now();
  const failures: string[] = [];
  // Stores with room left on limited products, from the database (the portal shows one store).
  const [first] = await signInStores(server.baseUrl, admin, 1);
  const { cycleId } = await portalCycle(server.baseUrl, first);
  const candidates = await withClient(async (client) => {
    const { rows } = await client.query<{
      customer_id: number;
      licence_no: string;
      cells: Array<{ productId: number; remaining: number }>;
    }>(
      `SELECT q.customer_id, c.licence_no,
         json_agg(json_build_object('productId', cp.product_id, 'remaining', u.quota - u.ordered) ORDER BY cp.position) AS cells
       FROM store_quotas q
       JOIN customers c ON c.tenant_id = q.tenant_id AND c.id = q.customer_id AND c.status = 'active'
       CROSS JOIN LATERAL unnest(q.quotas, q.ordered) WITH ORDINALITY AS u(quota, ordered, position)
       JOIN cycle_products cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id AND cp.position = u.position - 1
       WHERE q.cycle_id = $1 AND cp.supply IS NOT NULL AND u.quota > 0 AND u.ordered < u.quota
       GROUP BY q.customer_id, c.licence_no
       ORDER BY q.customer_id
       LIMIT $2`,
      [cycleId, settings.oversellStores],
    );
    return rows;
  });
  if (candidates.length < settings.oversellStores) {
    throw new Error(
      `only ${candidates.length} stores have room on a limited product (wanted ${settings.oversellStores})`,
    );
  }
  const stores = new Map<number, Store>();
  for (const candidate of candidates) {
    stores.set(candidate.customer_id, {
      customerId: candidate.customer_id,
      licenceNo: candidate.licence_no,
      cookie: await signInRetailer(server.baseUrl, candidate.licence_no),
    });
  }
  const before = await cellsOf(cycleId);
  const customerIds = candidates.map((candidate) => candidate.customer_id);
  const orderedBefore = await orderedOfCells(cycleId, customerIds);
  const remainingBefore = new Map<string, number>();
  for (const candidate of candidates) {
    for (const cell of candidate.cells)
      remainingBefore.set(`${candidate.customer_id}:${cell.productId}`, cell.remaining);
  }
  // Each store's submissions all go to its limited product with the most room, 1 or 2 cartons
  // each: together they ask for more than the quota holds, so some must be refused.
  const attempts = Array.from({ length: settings.attempts }, (_, index) => {
    const candidate = candidates[index % candidates.length];
    const cell = candidate.cells.reduce((most, cell) => (cell.remaining > most.remaining ? cell : most));
    return {
      store: stores.get(candidate.customer_id) as Store,
      lines: [{ productId: cell.productId, qty: (Math.floor(index / candidates.length) % 2) + 1 }],
    };
  });
  const answers = await inPool(
    attempts.map((attempt) => () => placeOrder(server.baseUrl, attempt.store, attempt.lines, randomUUID())),
    settings.inFlight,
  );
  const byStatus = tally(answers);
  const unexpected = answers.filter(
    (answer) => !(answer.status === 201 || (answer.status === 409 && answer.code === 'QUOTA_EXCEEDED')),
  );
  if (unexpected.length > 0) {
    failures.push(
      `${unexpected.length} submissions answered other than 201 or 409 QUOTA_EXCEEDED: ${JSON.stringify(byStatus)}`,
    );
  }
  // What was acknowledged, per cell, against what was left of it.
  const acknowledged = new Map<string, number>();
  answers.forEach((answer, index) => {
    if (answer.status !== 201) return;
    const { store, lines } = attempts[index];
    const key = `${store.customerId}:${lines[0].productId}`;
    acknowledged.set(key, (acknowledged.get(key) ?? 0) + lines[0].qty);
  });
  const acknowledgedOverRemaining = [...acknowledged].filter(
    ([key, qty]) => qty > (remainingBefore.get(key) ?? 0),
  ).length;
  const after = await cellsOf(cycleId);
  // Recorded now − recorded before = acknowledged, cell by cell, for every limited cell of the stores.
  const recordedNow = await orderedOfCells(cycleId, customerIds);
  let acknowledgedNotRecorded = 0;
  for (const [key, ordered] of recordedNow) {
    if (ordered - (orderedBefore.get(key) ?? 0) !== (acknowledged.get(key) ?? 0)) acknowledgedNotRecorded += 1;
  }
  if (after.overQuota > 0) failures.push(`${after.overQuota} store × product cells over quota`);
  if (acknowledgedOverRemaining > 0)
    failures.push(`${acknowledgedOverRemaining} cells acknowledged beyond what remained`);
  if (acknowledgedNotRecorded > 0)
    failures.push(`${acknowledgedNotRecorded} cells whose acknowledged cartons ≠ recorded`);
  if (after.recordedNotOrdered > before.recordedNotOrdered) {
    failures.push(`${after.recordedNotOrdered} cells whose recorded quantity ≠ their submitted lines`);
  }
  if (after.productsOverSupply > 0) failures.push(`${after.productsOverSupply} products ordered beyond their supply`);
  const accepted = answers.filter((answer) => answer.status === 201).length;
  // Cells the burst filled to the last carton: where the quota was contended.
  const filled = [...acknowledged.keys()].filter((key) => remainingBefore.get(key) === acknowledged.get(key)).length;
  if (accepted === 0) failures.push('no submission was accepted: the check proved nothing');
  if (filled === 0) failures.push('no quota was filled: the quotas were never contended');
  console.log(
    `  postgres oversell: ${settings.attempts} submissions at once on ${candidates.length} stores: ${JSON.stringify(byStatus)}; ` +
      `${after.overQuota} of ${after.cells} cells over quota`,
  );
  return {
    check: 'oversell',
    kind: 'postgres',
    passed: failures.length === 0,
    figures: {
      attempts: settings.attempts,
      inFlight: settings.inFlight,
      stores: candidates.length,
      accepted,
      refusedQuotaExceeded: answers.filter((answer) => answer.code === 'QUOTA_EXCEEDED').length,
      otherAnswers: unexpected.length,
      cellsChecked: after.cells,
      cellsFilledByTheBurst: filled,
      cellsOverQuota: after.overQuota,
      cellsAcknowledgedBeyondRemaining: acknowledgedOverRemaining,
      cellsAcknowledgedNotRecorded: acknowledgedNotRecorded,
      cellsNotMatchingLines: after.recordedNotOrdered,
      productsOverSupply: after.productsOverSupply,
    },
    failures,
    seconds: secondsSince(started),
  };
}

// What the given stores' rows record as ordered of each limited product, by "store:product".
async function orderedOfCells(cycleId: number, customerIds: readonly number[]): Promise<Map<string, number>> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ customer_id: number; product_id: number; ordered: number }>(
      `SELECT q.customer_id, cp.product_id, u.ordered
       FROM store_quotas q CROSS JOIN LATERAL unnest(q.ordered) WITH ORDINALITY AS u(ordered, position)
       JOIN cycle_products cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id AND cp.position = u.position - 1
       WHERE q.cycle_id = $1 AND q.customer_id = ANY($2::int[]) AND cp.supply IS NOT NULL`,
      [cycleId, customerIds],
    );
    return new Map(rows.map((row) => [`${row.customer_id}:${row.product_id}`, row.ordered]));
  });
}

// ── replay ───────────────────────────────────────────────────────────────────────────────────

async function checkReplay(server: RunningServer, admin: string): Promise<CheckResult> {
  const started = performance.now();
  const failures: string[] = [];
  const stores = await signInStores(server.baseUrl, admin, Math.min(settings.keys, 50));
  const cycle = await portalCycle(server.baseUrl, stores[0]);
  const productIds = cycle.items.filter((item) => item.quota === null).map((item) => item.productId);
  const submissions = Array.from({ length: settings.keys }, (_, index) => ({
    key: randomUUID(),
    store: stores[index % stores.length],
    lines: [
      { productId: productIds[index % productIds.length], qty: (index % 5) + 1 },
      { productId: productIds[(index + 1) % productIds.length], qty: 1 },
    ],
  }));
  const ordersBefore = await orderCountOf(cycle.cycleId);
  const sends = submissions.flatMap((submission) => Array.from({ length: settings.replays }, () => submission));
  const answers = await inPool(
    sends.map((send) => () => placeOrder(server.baseUrl, send.store, send.lines, send.key)),
    settings.inFlight,
  );
  const byStatus = tally(answers);
  const ordersByKey = new Map<string, Set<number | undefined>>();
  answers.forEach((answer, index) => {
    const key = sends[index].key;
    const set = ordersByKey.get(key) ?? new Set();
    set.add(answer.orderId);
    ordersByKey.set(key, set);
  });
  const notCreated = answers.filter((answer) => answer.status !== 201).length;
  const keysWithSeveralAnswers = [...ordersByKey.values()].filter((orders) => orders.size !== 1).length;
  const ordersAfter = await orderCountOf(cycle.cycleId);
  const created = ordersAfter - ordersBefore;
  // The same key with another body is refused, and creates nothing.
  const conflicting = await Promise.all(
    submissions
      .slice(0, 10)
      .map((submission) =>
        placeOrder(server.baseUrl, submission.store, [{ productId: productIds[0], qty: 7 }], submission.key),
      ),
  );
  const conflictsRefused = conflicting.filter(
    (answer) => answer.status === 422 && answer.code === 'IDEMPOTENCY_KEY_REUSED',
  ).length;
  const createdByConflicts = (await orderCountOf(cycle.cycleId)) - ordersAfter;
  if (notCreated > 0) failures.push(`${notCreated} sends answered other than 201: ${JSON.stringify(byStatus)}`);
  if (keysWithSeveralAnswers > 0) failures.push(`${keysWithSeveralAnswers} keys answered with more than one order`);
  if (created !== settings.keys) failures.push(`${created} orders created for ${settings.keys} keys`);
  if (conflictsRefused !== conflicting.length) {
    failures.push(`${conflicting.length - conflictsRefused} reuses of a key with another body were not refused (422)`);
  }
  if (createdByConflicts !== 0) failures.push(`reusing keys with another body created ${createdByConflicts} orders`);
  console.log(
    `  postgres replay: ${settings.keys} keys × ${settings.replays} sends at once: ${JSON.stringify(byStatus)}; ${created} orders created`,
  );
  return {
    check: 'replay',
    kind: 'postgres',
    passed: failures.length === 0,
    figures: {
      keys: settings.keys,
      sendsPerKey: settings.replays,
      inFlight: settings.inFlight,
      sends: sends.length,
      answered201: answers.length - notCreated,
      ordersCreated: created,
      keysWithMoreThanOneOrder: keysWithSeveralAnswers,
      reusesWithAnotherBodyRefused: `${conflictsRefused} of ${conflicting.length}`,
    },
    failures,
    seconds: secondsSince(started),
  };
}

async function orderCountOf(cycleId: number): Promise<number> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE cycle_id = $1', [
      cycleId,
    ]);
    return rows[0].n;
  });
}

function secondsSince(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10;
}

// ── Running the checks ───────────────────────────────────────────────────────────────────────

const results: CheckResult[] = [];
const errors: string[] = [];
const wantPostgres = values.db === 'all' || values.db === 'postgres';
const wantPglite = values.db === 'all' || values.db === 'pglite';
const unreachable = wantPostgres ? await whyUnreachable(databaseUrl) : undefined;
if (wantPostgres && unreachable) errors.push(`PostgreSQL unreachable at ${redact(databaseUrl)}: ${unreachable}`);
const postgres = wantPostgres && !unreachable;
const environment = describeEnvironment();
const postgresVersion = postgres ? await serverVersion(databaseUrl) : undefined;

async function attempt(label: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`✗ ${label} could not run: ${message}`);
    errors.push(`${label}: ${message}`);
  }
}

if (postgres && (selected.includes('oversell') || selected.includes('replay'))) {
  await attempt('oversell and replay on PostgreSQL', async () => {
    await recreateDatabase(databaseUrl);
    const server = await startServer({
      kind: 'postgres',
      databaseUrl,
      startTimeoutMs: 900_000,
      demoArgs: ['--customers', String(settings.customers)],
    });
    try {
      const admin = await signIn(server.baseUrl, 'admin', password);
      if (selected.includes('oversell')) results.push(await checkOversell(server, admin));
      if (selected.includes('replay')) results.push(await checkReplay(server, admin));
    } finally {
      await server.stop();
    }
  });
}
if (selected.includes('crash') && postgres && settings.crashRounds > 0) {
  await attempt('crash on PostgreSQL', async () => {
    results.push(await checkCrash('postgres', settings.crashRounds));
  });
}
if (selected.includes('crash') && wantPglite && settings.pgliteCrashRounds > 0) {
  await attempt('crash on PGlite', async () => {
    results.push(await checkCrash('pglite', settings.pgliteCrashRounds));
  });
}
if (postgres) await dropDatabase(databaseUrl).catch(() => {});

const failed = results.filter((result) => !result.passed);
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'reliability.json'),
  `${JSON.stringify({ checks: selected, environment, postgres: postgresVersion, databaseUrl: redact(databaseUrl), settings, results, errors }, null, 2)}\n`,
);
const figureText = (figures: Record<string, number | string>) =>
  Object.entries(figures)
    .map(([name, value]) => `${name} ${value}`)
    .join(' · ');
writeFileSync(
  join(outDir, 'reliability.md'),
  `# Reliability of ordering: crash, oversell, replay

${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node}${postgresVersion ? ` · PostgreSQL ${postgresVersion}` : ''}
A demo city of ${settings.customers} stores per database; \`node reliability/order-reliability.ts\` (reliability/README.md says what each check does).

| check | database | holds | figures | seconds |
| --- | --- | --- | --- | ---: |
${results.map((result) => `| ${result.check} | ${result.kind} | ${result.passed ? 'yes' : '**no**'} | ${figureText(result.figures)} | ${result.seconds} |`).join('\n')}
${failed.length > 0 ? `\n**Failed:**\n\n${failed.flatMap((result) => result.failures.map((failure) => `- ${result.check} on ${result.kind}: ${failure}`)).join('\n')}\n` : ''}${errors.length > 0 ? `\n**Could not run:**\n\n${errors.map((error) => `- ${error}`).join('\n')}\n` : ''}`,
);
console.log(`wrote ${relative(repoRoot, join(outDir, 'reliability.md'))}`);
for (const result of results) {
  console.log(`${result.passed ? '✓' : '✗'} ${result.check} on ${result.kind}: ${figureText(result.figures)}`);
  for (const failure of result.failures) console.log(`    ${failure}`);
}
const ran = results.length;
console.log(
  `${ran - failed.length} passed, ${failed.length} failed${errors.length ? ` (${errors.length} could not run)` : ''}`,
);
process.exitCode = errors.length > 0 ? 2 : failed.length > 0 ? 1 : 0;
