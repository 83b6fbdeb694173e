// EXPLAIN ANALYZE of the customer list's search queries, as the repository sends them, on a demo
// of the size the search benchmark uses: the plans behind bench/results/customer-search*.md.
//
//   npx node bench/tools/explain-customer-search.ts --db pglite --scale province
//   npx node bench/tools/explain-customer-search.ts --db postgres --customers 250000
//
// It builds its own database (PGlite in memory, or the PostgreSQL database given, dropped and
// recreated: only a database named kewo_bench… is ever dropped), seeds the demo, then runs
// findCustomerPage for one query of each kind as 漳州's admin, capturing every statement it sends
// and explaining each with its parameters. Writes bench/results/customer-search-explain-<db>-<layout>.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { eq } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, migrationsFolder } from '../../server/src/db/client.ts';
import { seedDemoCity, seedDemoProvince } from '../../server/src/demo/seed-demo-city.ts';
import { findCustomerPage } from '../../server/src/modules/customers/customers.repository.ts';
import { orgUnits } from '../../server/src/platform/identity/identity.schema.ts';
import { defaultBenchDatabaseUrl, dropDatabase, recreateDatabase } from '../lib/postgres.ts';
import { repoRoot } from '../lib/server.ts';

const queries = [
  ['chinese-2', '龙海'],
  ['chinese-2 (rare)', '华安'],
  // In addresses (胜利路), never in a store name: the name tier is empty.
  ['chinese-2 (address only)', '胜利'],
  ['chinese-1', '店'],
  ['chinese-1 (海)', '海'],
  ['chinese-1 (龙)', '龙'],
  ['chinese-1 (恒)', '恒'],
  ['chinese-4', '恒兴便利'],
  ['licence-prefix', '350623'],
  ['licence-exact', '350602100006'],
  ['pinyin-initials', 'hxbl'],
  ['owner-initials', 'zs'],
] as const;

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: 'city' },
    customers: { type: 'string' },
    'database-url': { type: 'string' },
    out: { type: 'string' },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'pglite';
const scale = values.scale === 'province' ? 'province' : 'city';
const customers = Number(values.customers ?? 250_000);
const url = values['database-url'] ?? `${defaultBenchDatabaseUrl}_explain`;

type Statement = { text: string; params: unknown[] };
let captured: Statement[] = [];
const logger = { logQuery: (text: string, params: unknown[]) => captured.push({ text, params }) };

async function open() {
  if (kind === 'postgres') {
    await recreateDatabase(url);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    await migrateNodePostgres(drizzleNodePostgres(pool), { migrationsFolder });
    const db = drizzleNodePostgres(pool, { casing: 'snake_case', logger }) as unknown as Database;
    return {
      db,
      explain: async (statement: Statement) =>
        (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params as unknown[])).rows.map(
          (row) => row['QUERY PLAN'] as string,
        ),
      close: async () => {
        await pool.end();
        await dropDatabase(url);
      },
    };
  }
  const client = await PGlite.create({ extensions: { pg_trgm } });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const db = drizzlePglite(client, { casing: 'snake_case', logger }) as unknown as Database;
  return {
    db,
    explain: async (statement: Statement) =>
      (
        await client.query<Record<string, string>>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
          statement.params as unknown[],
        )
      ).rows.map((row) => row['QUERY PLAN']),
    close: () => client.close(),
  };
}

async function main() {
  const database = await open();
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const now = new Date();
    const zhangzhou =
      scale === 'province'
        ? (await seedDemoProvince(database.db, now, { customers }))[0]
        : await seedDemoCity(database.db, now, { customers });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // CPU time of this process: with PGlite, all of the work; it says more than wall time on a
    // machine others are loading.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    console.log(`${kind} ${scale} ${customers}: seeded in ${seconds} s (this process: ${cpuSeconds} s of CPU)`);
    const [root] = await database.db.select().from(orgUnits).where(eq(orgUnits.id, zhangzhou.rootOrgUnitId));
    const scope = { kind: 'org' as const, orgUnitId: root.id, orgPath: root.path, orgUnitName: root.name };
    const layout =
      scale === 'province'
        ? `province layout (9 city companies, ${customers.toLocaleString('en')} customers), 漳州 (${zhangzhou.customerCount.toLocaleString('en')}) searched by its admin`
        : `one city company of ${customers.toLocaleString('en')} customers`;
    const lines = [
      `# customer-search EXPLAIN ANALYZE — ${kind}`,
      '',
      `${now.toISOString()} · ${layout} · sort licenceNo, limit 20 · statements as findCustomerPage sends them`,
      '',
      `Seeded in ${seconds} s (${cpuSeconds} s of CPU in this process${kind === 'postgres' ? ', without the PostgreSQL server' : ''}); load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(', ')}.`,
      '',
    ];
    for (const [name, q] of queries) {
      // Twice: the first call warms the caches; the second is captured and explained.
      await findCustomerPage(database.db, zhangzhou.tenantId, scope, { q }, { sort: 'licenceNo', limit: 20 });
      captured = [];
      const page = await findCustomerPage(
        database.db,
        zhangzhou.tenantId,
        scope,
        { q },
        { sort: 'licenceNo', limit: 20 },
      );
      const statements = captured.filter((statement) => !statement.text.startsWith('EXPLAIN'));
      lines.push(
        `## ${name}: q=${q}`,
        '',
        `${page.items.length} items, total ${page.total}${page.totalIsEstimate ? ' (estimate)' : ''}; ${statements.length} statements.`,
        '',
      );
      for (const statement of statements) {
        const plan = await database.explain(statement);
        lines.push('```', statement.text, `-- ${JSON.stringify(statement.params)}`, ...plan, '```', '');
      }
      const times = lines.filter((line) => line.startsWith('Execution Time')).slice(-statements.length);
      console.log(`  ${name.padEnd(18)} ${times.join(' | ')}`);
    }
    const out = values.out ?? join(repoRoot, 'bench/results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `customer-search-explain-${kind}-${scale === 'province' ? 'province' : customers}.md`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`Plans in ${file}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
