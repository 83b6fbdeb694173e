#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { AppContext } from './app-context.ts';
import { type Config, loadConfig, version } from './config.ts';
import { provinceCustomerCount } from './demo/fujian.ts';
import {
  type DemoScale,
  demoCustomerCount,
  demoMarkerOf,
  readDemoMarker,
  seedDemoCity,
  seedDemoProvince,
} from './demo/seed-demo-city.ts';
import { demoCity } from './demo/zhangzhou.ts';
import { createContext, openConfiguredDatabase, startServer } from './main.ts';
import {
  createTenantFromConsole,
  createUserFromConsole,
  isSetupNeeded,
  listTenantsForConsole,
} from './modules/organisation/index.ts';
import { isDomainError } from './platform/errors/domain-error.ts';
import { messageOf, pickLocale } from './platform/errors/error-catalogue.ts';
import { roles } from './platform/identity/identity.schema.ts';
import { type Clock, clockStartingAt, parseInstant, systemClock } from './platform/time/clock.ts';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError('a port 0–65535');
  return parsed;
}

function customerCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 1_000_000) {
    throw new InvalidArgumentError('a number of customers 0–1,000,000');
  }
  return parsed;
}

type ServerFlags = { port?: number; data?: string; host?: string };

function configFrom(flags: ServerFlags, defaultDataDir?: string): Config {
  const config = loadConfig(process.env, { PORT: flags.port, HOST: flags.host });
  const dataDir = flags.data ?? (process.env.KEWO_DATA_DIR ? undefined : defaultDataDir);
  return dataDir ? { ...config, KEWO_DATA_DIR: dataDir } : config;
}

// A console command on the configured database, closed after, however the command ends.
async function onDatabase(flags: ServerFlags, work: (context: AppContext) => Promise<void>): Promise<void> {
  const config = configFrom(flags);
  const database = await openConfiguredDatabase(config);
  try {
    await work(createContext(config, database));
  } finally {
    await database.close();
  }
}

function describeDatabase(config: Config): string {
  return config.DATABASE_URL
    ? `PostgreSQL (${redactUrl(config.DATABASE_URL)})`
    : `PGlite in ${resolve(config.KEWO_DATA_DIR)}`;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

const program = new Command()
  .name('kewo')
  .description('客我 Kewo — retail customer service for a tobacco wholesaler')
  .version(version);

const dataOption = () => new Option('--data <dir>', 'embedded database directory (ignored with DATABASE_URL)');
const portOption = () => new Option('--port <port>', 'HTTP port').argParser(port);
const hostOption = () => new Option('--host <host>', 'address to listen on');

// The demo's clock starts now, or at the instant asked for (to show a given day, and for the
// browser journeys, which need a working day whatever day they run on); it then runs.
function instant(value: string): Date {
  const parsed = parseInstant(value);
  if (!parsed) throw new InvalidArgumentError('Give an instant with its time zone, like 2026-12-02T10:00:00+08:00.');
  return parsed;
}

program
  .command('serve')
  .description('run Kewo (migrations apply at start-up)')
  .addOption(portOption())
  .addOption(dataOption())
  .addOption(hostOption())
  .action(async (flags: ServerFlags) => {
    const config = configFrom(flags);
    const database = await openConfiguredDatabase(config);
    const server = await startServer(config, database);
    if (await isSetupNeeded(createContext(config, database))) {
      console.log(
        `\n  No user yet. Create the first administrator at ${server.url}/setup\n  (or stop this server and run: npx kewo user create --username admin --role admin --city-code <city code, e.g. 3506>${
          flags.data ? ` --data ${flags.data}` : ''
        })\n`,
      );
    }
    console.log(`客我 Kewo ${version} on ${describeDatabase(config)} — ${server.url}`);
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .addOption(dataOption())
  .action(async (flags: ServerFlags) => {
    const config = configFrom(flags);
    const database = await openConfiguredDatabase(config);
    await database.close();
    console.log(`Migrations applied to ${describeDatabase(config)}.`);
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description(
    'create a staff account in a city company (--tenant); on an empty database: the first city company (--city, --city-code) and its administrator',
  )
  .requiredOption('--username <name>', 'sign-in name')
  .addOption(new Option('--role <role>', 'role').choices(roles.filter((role) => role !== 'retailer')).default('admin'))
  .option('--name <displayName>', 'display name (defaults to the username)')
  .option('--password <password>', 'password; omit it to have a strong one generated and printed once')
  .option('--org-unit <code>', 'org unit code (defaults to the city company)')
  .addOption(new Option('--scope <kind>', 'data scope: the org unit, or own customers').choices(['org', 'own']))
  .option(
    '--tenant <code>',
    'the city company of the account (required once the database has one; see kewo tenant list)',
  )
  .option('--city <name>', "empty database only: the first city company's name (default 本市烟草公司)")
  .option('--city-code <code>', "empty database only: the first city's GB/T 2260 code (e.g. 3506 漳州市)")
  .addOption(dataOption())
  .action(async (flags) => {
    await onDatabase(flags, async (context) => {
      const password = flags.password ?? randomBytes(12).toString('base64url');
      const created = await createUserFromConsole(context, {
        username: flags.username,
        displayName: flags.name ?? flags.username,
        role: flags.role,
        password,
        orgUnitCode: flags.orgUnit,
        scopeKind: flags.scope ?? (flags.role === 'manager' ? 'own' : 'org'),
        tenantCode: flags.tenant,
        cityName: flags.city,
        cityCode: flags.cityCode,
      });
      console.log(`Created ${created.role} "${created.username}" in ${created.tenantName}.`);
      if (!flags.password) console.log(`Password (shown once): ${password}`);
    });
  });

// A deployment may serve several city companies (市公司). Adding one is the operator's act, like
// migrating: no console account reaches beyond its own company (docs/operations.md).
const tenant = program.command('tenant').description('manage the city companies (市公司) of this deployment');
tenant
  .command('create')
  .description('add a city company with its districts, root org unit and first administrator')
  .requiredOption('--code <code>', 'the company code, e.g. xiamen (lowercase letters, digits, hyphens)')
  .requiredOption('--name <name>', 'the company name, e.g. 厦门市烟草公司')
  .requiredOption('--city-code <code>', "the city's GB/T 2260 code, e.g. 3502 厦门市")
  .option('--province <name>', 'the province (defaults to the one of --city-code)')
  .requiredOption('--admin <username>', "the first administrator's sign-in name")
  .option('--admin-name <displayName>', "the administrator's display name (defaults to the username)")
  .option('--password <password>', 'password; omit it to have a strong one generated and printed once')
  .addOption(dataOption())
  .action(async (flags) => {
    await onDatabase(flags, async (context) => {
      const password = flags.password ?? randomBytes(12).toString('base64url');
      const created = await createTenantFromConsole(context, {
        tenantCode: flags.code,
        cityName: flags.name,
        cityCode: flags.cityCode,
        province: flags.province,
        username: flags.admin,
        displayName: flags.adminName ?? flags.admin,
        password,
      });
      console.log(
        `Created the city company ${created.tenant.name} (${created.tenant.code}) with its administrator "${created.username}".`,
      );
      if (!flags.password) console.log(`Password (shown once): ${password}`);
    });
  });
tenant
  .command('list')
  .description('list the city companies and their codes')
  .addOption(dataOption())
  .action(async (flags: ServerFlags) => {
    await onDatabase(flags, async (context) => {
      const all = await listTenantsForConsole(context);
      if (all.length === 0) console.log('No city company yet.');
      for (const row of all) console.log(`${row.code}\t${row.name}\t${row.province}`);
    });
  });

program
  .command('demo')
  .description('create the demo city (first time) and serve it')
  .addOption(portOption())
  .addOption(dataOption())
  .addOption(hostOption())
  .addOption(
    new Option(
      '--customers <n>',
      `customers to generate when the demo is first built (default ${demoCustomerCount}; with --scale province, the province total, default ${provinceCustomerCount})`,
    ).argParser(customerCount),
  )
  .addOption(
    new Option('--scale <scale>', 'city: 漳州市 alone; province: the nine city companies of 福建省 (~250,000 stores)')
      .choices(['city', 'province'])
      .default('city'),
  )
  .addOption(
    new Option(
      '--now <instant>',
      "start the demo's clock at this instant, e.g. 2026-12-02T10:00:00+08:00 (it then runs); for showing a given day and for tests",
    )
      .env('KEWO_NOW')
      .argParser(instant),
  )
  .action(async (flags: ServerFlags & { customers?: number; scale: DemoScale; now?: Date }) => {
    const now: Clock = flags.now ? clockStartingAt(flags.now) : systemClock;
    // The demo city operates its deployment: its administrator sees 市公司 in the console.
    const configured = configFrom(flags, './data/demo');
    const config = { ...configured, KEWO_OPERATOR_TENANT: configured.KEWO_OPERATOR_TENANT ?? demoCity.tenantCode };
    const database = await openConfiguredDatabase(config);
    const context = createContext(config, database, now);
    const marker = await readDemoMarker(database.db);
    if (marker === undefined) {
      if (!(await isSetupNeeded(context))) {
        await database.close();
        throw new Error(
          `${describeDatabase(config)} already holds a city that is not the demo; give the demo its own --data directory.`,
        );
      }
      const started = Date.now();
      const { createProgressReporter } = await import('./demo/progress.ts');
      const isProvince = flags.scale === 'province';
      const progress = createProgressReporter(
        isProvince ? 'Building the demo province 福建省' : 'Building the demo city 漳州市',
      );
      const seed = isProvince ? seedDemoProvince : seedDemoCity;
      await seed(database.db, now(), {
        customers: flags.customers,
        onProgress: progress.update,
        publicHolidays: true,
        terminals: true,
      });
      progress.stop();
      console.log(`Demo ${isProvince ? 'province' : 'city'} ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } else if (marker !== demoMarkerOf(flags.scale)) {
      console.log(
        `This demo was made by generator "${marker}"; asked for "${demoMarkerOf(flags.scale)}". Delete ${describeDatabase(config)} (or give --data another directory) to rebuild it.`,
      );
    } else {
      // A demo kept from an earlier week gets this week's order cycle, so retailers can order.
      const { openDemoCycles } = await import('./demo/demo-supply.ts');
      const opened = await openDemoCycles(database.db, now());
      if (opened > 0) console.log(`Opened this week's order cycle (${opened} ${opened === 1 ? 'city' : 'cities'}).`);
    }
    // Someone reads the demo's terminal: one readable line per request worth a look, not JSON.
    const server = await startServer(config, database, now, { requestLog: 'readable' });
    if (now !== systemClock) {
      console.log(`\nThe demo's clock reads ${now().toISOString()} (set by --now or KEWO_NOW) and runs on from there.`);
    }
    console.log(`\n客我 Kewo demo — ${server.url}   (retailer portal: ${server.url}/portal)`);
    console.log('Sign in as admin, marketing, service, inspector, manager01 or manager02 — password kewo-demo-2026');
    if (flags.scale === 'province') {
      console.log('Other cities: <city>-admin, <city>-manager01, … e.g. fuzhou-admin, xiamen-manager01 (see README)');
    }
    console.log('Retailers sign in to the portal with their licence number (e.g. 350602100006) — same password\n');
  });

const importCommand = program.command('import').description('import data from spreadsheets');
importCommand
  .command('customers <file>')
  .description('import customer records from an .xlsx or .csv with the headers of the import template; all or nothing')
  .addOption(
    new Option('--mode <mode>', 'create: new stores only; upsert: also update existing ones')
      .choices(['create', 'upsert'])
      .default('create'),
  )
  .option('--tenant <code>', 'city company code (needed when the database holds several)')
  .option('--as <username>', 'act as this admin or marketing account (default: the first administrator)')
  .addOption(dataOption())
  .action(async (file: string, flags: ServerFlags & { mode: 'create' | 'upsert'; tenant?: string; as?: string }) => {
    await onDatabase(flags, async (context) => {
      const { findConsoleImporter, getImportErrorWorkbook, importCustomers } = await import(
        './modules/customers/index.ts'
      );
      const actor = await findConsoleImporter(context, { tenantCode: flags.tenant, username: flags.as });
      const { createProgressReporter } = await import('./demo/progress.ts');
      const progress = createProgressReporter(`Importing ${basename(file)} (${flags.mode})`);
      const started = Date.now();
      const { storesMovedIn } = await import('./workflows/reassign-customers.workflow.ts');
      const outcome = await importCustomers(context, actor, {
        onStoresMoved: storesMovedIn,
        path: resolve(file),
        fileName: basename(file),
        mode: flags.mode,
        locale: pickLocale(process.env.LANG?.replace('_', '-')),
        onProgress: (step, done, total) =>
          progress.update(step === 'reading' ? '检查 checking' : '写入 writing', done, total),
      });
      progress.stop();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (outcome.ok) {
        console.log(
          `${outcome.rows} rows in ${seconds} s: ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged (as ${actor.username}).`,
        );
        return;
      }
      console.error(`${outcome.errorCount} errors in ${outcome.rows} rows; nothing was imported.`);
      for (const error of outcome.errors.slice(0, 20)) {
        console.error(`  row ${error.row}, ${error.column} “${error.value}”: ${error.message}`);
      }
      if (outcome.errorCount > 20) console.error(`  … and ${outcome.errorCount - 20} more`);
      const workbook = await getImportErrorWorkbook(context, actor, outcome.errorWorkbookToken);
      const markedPath = `${resolve(file).replace(/\.(xlsx|csv)$/i, '')}-错误标注.xlsx`;
      writeFileSync(markedPath, workbook.content);
      console.error(`Every error is marked in ${markedPath}`);
      process.exitCode = 1;
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (isDomainError(error)) {
    const locale = pickLocale(process.env.LANG?.replace('_', '-'));
    const field = error.field ? ` (${error.field})` : '';
    console.error(`kewo: ${error.code}${field}: ${messageOf(error.code, locale, error.details)}`);
  } else {
    console.error(`kewo: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
