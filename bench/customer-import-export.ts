// Customer import and export at province scale: 250,000 stores imported from an .xlsx and from a
// .csv (POST /api/v1/customers/import, target ≤ 60 s each), the whole city exported as .xlsx and
// .csv (GET /api/v1/customers/export, target ≤ 30 s each), and the server's peak RSS during each
// (target < 1 GB). An in-run baseline says how much of an import is only reading the file: the
// same streaming reader over the same file, in this process, without checks or writes.
//
//   npx node bench/customer-import-export.ts                        250,000 rows, every database
//   npx node bench/customer-import-export.ts --rows 20000 --db pglite   quicker
//
// The rows come from the demo generator (realistic names, addresses, coordinates; licence serials
// unique per district), written once to a temporary .xlsx and .csv with the template's headers.
// Each database kind gets a fresh demo city without customers (its managers and districts) in a
// server child process; then: import the .csv (create), export .xlsx and .csv, import the
// exported .xlsx back (upsert: must report 0 changes), import the .xlsx of a second set of rows
// (create). Writes bench/results/customer-import-export.{json,md} (or --out); exits 1 when a
// target is missed, 2 when the benchmark failed.
import { createWriteStream, openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCustomer } from '../server/src/demo/demo-customers.ts';
import { createRandom } from '../server/src/demo/random.ts';
import { demoDistricts, districtBounds } from '../server/src/demo/zhangzhou.ts';
import { formatCustomerRow, sheetHeaders } from '../server/src/modules/customers/customer-sheet.rules.ts';
import { detectSheet, readSheetRows } from '../server/src/platform/spreadsheets/sheet-reader.ts';
import { createSheetWriter } from '../server/src/platform/spreadsheets/sheet-writer.ts';
import { CpuMeter, type CpuUsage } from './lib/cpu.ts';
import { describeEnvironment } from './lib/environment.ts';
import { round } from './lib/load.ts';
import { defaultBenchDatabaseUrl, dropDatabase, recreateDatabase, redact, whyUnreachable } from './lib/postgres.ts';
import { type DatabaseKind, repoRoot, signIn, startServer } from './lib/server.ts';

const benchmark = 'customer-import-export';

const usage = `Usage: npx node bench/${benchmark}.ts [options]

  --rows N           rows per import file                                  250000
  --db KIND          pglite, postgres or all (PostgreSQL when reachable)   all
  --database-url U   PostgreSQL database (dropped and recreated)           ${defaultBenchDatabaseUrl}
  --import-target S  seconds per import                                    60
  --export-target S  seconds per export                                    30
  --memory-target M  MiB of server peak RSS                                1024
  --out DIR          where results go                                      bench/results
  --input DIR        keep the generated input files here and reuse them    (a temporary directory)
  --duration, --connections, --pause, --profile, --keep, --user, --rounds, --warmup: accepted for npm run bench, not used here`;

type Options = {
  rows: number;
  db: 'pglite' | 'postgres' | 'all';
  databaseUrl: string;
  importTarget: number;
  exportTarget: number;
  memoryTarget: number;
  out: string;
  input: string | undefined;
};

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      'import-target': { type: 'string' },
      'export-target': { type: 'string' },
      'memory-target': { type: 'string' },
      out: { type: 'string' },
      input: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      pause: { type: 'string' },
      user: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      profile: { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const integer = (value: string | undefined, fallback: number, name: string) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number`);
    return parsed;
  };
  const db = values.db ?? 'all';
  if (db !== 'pglite' && db !== 'postgres' && db !== 'all') throw new Error('--db must be pglite, postgres or all');
  return {
    rows: integer(values.rows, 250_000, 'rows'),
    db,
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl,
    importTarget: integer(values['import-target'], 60, 'import-target'),
    exportTarget: integer(values['export-target'], 30, 'export-target'),
    memoryTarget: integer(values['memory-target'], 1024, 'memory-target'),
    out: values.out ?? join(repoRoot, 'bench/results'),
    input: values.input,
  };
}

// ---- Input files ----

const headers = sheetHeaders([], { readOnly: false });
const managerCount = 200;

// Rows of the demo generator for the demo city's districts and managers; `serialBase` keeps two
// sets of rows apart (their licence numbers never meet).
async function writeInputFile(path: string, kind: 'xlsx' | 'csv', rows: number, seed: number, serialBase: number) {
  const random = createRandom(seed);
  const output = createWriteStream(path);
  const writer = createSheetWriter(kind, output, { sheetName: '客户档案', headers });
  const serials = new Map<string, number>();
  const now = new Date('2026-11-23T00:00:00Z');
  for (let index = 0; index < rows; index += 1) {
    const district = demoDistricts[index % demoDistricts.length];
    const serial = (serials.get(district.code) ?? serialBase) + 1;
    serials.set(district.code, serial);
    const managerNumber = (index % managerCount) + 1;
    const store = generateDemoCustomer(
      random,
      { district, bounds: districtBounds[district.code], branchId: 0, orgPath: '/', managerId: 0 },
      serial,
      0,
      now,
    );
    const row = formatCustomerRow({
      licenceNo: store.licenceNo,
      name: store.name,
      owner: store.owner,
      phone: store.phone,
      address: store.address,
      districtName: district.name,
      urbanRural: store.urbanRural,
      format: store.format,
      managerUsername: `manager${String(managerNumber).padStart(2, '0')}`,
      managerName: '',
      branchName: '',
      orderDay: store.orderDay,
      orderChannel: store.orderChannel,
      latitude: store.latitude ?? null,
      longitude: store.longitude ?? null,
      licenceValidUntil: store.licenceValidUntil ?? null,
      tags: store.tags ?? [],
      // New stores start 正常 (a status other than that is refused on create).
      status: 'active',
      customFields: {},
    });
    writer.addRow(row.slice(0, headers.length));
    if (index % 5_000 === 0) await writer.drain();
  }
  await writer.finish();
}

// ---- Measuring ----

// Peak RSS of a process from the kernel (VmHWM), reset before each measurement (clear_refs 5).
// Returns whether the reset took: where it does not (some containers), the peak covers the
// process's life so far, and the report says so.
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    return false;
  }
  return memoryMiB(pid, 'VmHWM') <= memoryMiB(pid, 'VmRSS') * 1.05;
}

function memoryMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? round(Number(match[1]) / 1024, 0) : Number.NaN;
}

const peakMiB = (pid: number) => memoryMiB(pid, 'VmHWM');

type Measurement = {
  step: string;
  kind: 'import' | 'export' | 'baseline';
  seconds: number;
  rows: number;
  fileMiB: number;
  peakRssMiB: number | null;
  // false: the kernel would not reset the peak, so it is the largest since the server started.
  peakReset?: boolean;
  result?: unknown;
  // CPU seconds of the server process and of its PostgreSQL backends during the step: steadier
  // than seconds on a shared machine.
  cpu?: CpuUsage;
  // 1-minute load average before and after the step (2 cores: above 2, something else competed).
  load?: [number, number];
  pass: boolean;
};

async function timeBaseline(path: string, label: string): Promise<Measurement> {
  const detection = await detectSheet(path);
  if (!detection || detection.kind === 'unsupported') throw new Error(`${path} is not a spreadsheet`);
  const started = performance.now();
  let rows = 0;
  for await (const _row of readSheetRows(path, detection)) rows += 1;
  return {
    step: label,
    kind: 'baseline',
    seconds: round((performance.now() - started) / 1000, 1),
    rows: rows - 1,
    fileMiB: round((await stat(path)).size / 1048576, 1),
    peakRssMiB: null,
    pass: true,
  };
}

type DatabaseResult = { kind: DatabaseKind; startupSeconds: number; measurements: Measurement[] };

async function measure(kind: DatabaseKind, options: Options, files: Record<string, string>): Promise<DatabaseResult> {
  if (kind === 'postgres') await recreateDatabase(options.databaseUrl);
  const server = await startServer({
    kind,
    databaseUrl: options.databaseUrl,
    demoArgs: ['--customers', '0'],
    startTimeoutMs: 300_000,
  });
  const measurements: Measurement[] = [];
  const meter = await CpuMeter.open(server.pid, kind === 'postgres' ? options.databaseUrl : undefined);
  const load = () => round(loadavg()[0], 1);
  try {
    const cookie = await signIn(server.baseUrl, 'admin', 'kewo-demo-2026');
    const importFile = async (
      step: string,
      path: string,
      mode: 'create' | 'upsert',
      expect: Record<string, number>,
    ) => {
      const form = new FormData();
      form.append('file', await openAsBlob(path), path.split('/').pop());
      const peakReset = resetPeak(server.pid);
      const loadBefore = load();
      const cpuBefore = await meter.read();
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/v1/customers/import?mode=${mode}`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      const body = (await response.json()) as Record<string, number>;
      const seconds = round((performance.now() - started) / 1000, 1);
      const cpu = CpuMeter.usage(cpuBefore, await meter.read(), kind === 'postgres');
      if (!response.ok) throw new Error(`${step}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 600)}`);
      for (const [key, value] of Object.entries(expect)) {
        if (body[key] !== value) throw new Error(`${step}: expected ${key} ${value}, got ${JSON.stringify(body)}`);
      }
      const peak = peakMiB(server.pid);
      const measurement: Measurement = {
        step,
        kind: 'import',
        seconds,
        rows: body.rows,
        fileMiB: round((await stat(path)).size / 1048576, 1),
        peakRssMiB: peak,
        peakReset,
        result: body,
        cpu,
        load: [loadBefore, load()],
        pass: seconds <= options.importTarget && peak < options.memoryTarget,
      };
      console.log(
        `  ${step}: ${seconds} s, peak RSS ${peak} MiB, CPU ${JSON.stringify(cpu)}, load ${measurement.load} ${JSON.stringify(body)}`,
      );
      measurements.push(measurement);
    };
    const exportFile = async (step: string, format: 'xlsx' | 'csv', path: string) => {
      const peakReset = resetPeak(server.pid);
      const loadBefore = load();
      const cpuBefore = await meter.read();
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/v1/customers/export?format=${format}`, {
        headers: { cookie, 'accept-encoding': 'identity' },
      });
      if (!response.ok || !response.body) throw new Error(`${step}: HTTP ${response.status} ${await response.text()}`);
      const output = createWriteStream(path);
      for await (const chunk of response.body) output.write(chunk);
      await new Promise((resolve) => output.end(resolve));
      const seconds = round((performance.now() - started) / 1000, 1);
      const cpu = CpuMeter.usage(cpuBefore, await meter.read(), kind === 'postgres');
      const peak = peakMiB(server.pid);
      const stepLoad: [number, number] = [loadBefore, load()];
      console.log(`  ${step}: ${seconds} s, peak RSS ${peak} MiB, CPU ${JSON.stringify(cpu)}, load ${stepLoad}`);
      measurements.push({
        step,
        kind: 'export',
        seconds,
        rows: options.rows,
        fileMiB: round((await stat(path)).size / 1048576, 1),
        peakRssMiB: peak,
        peakReset,
        cpu,
        load: stepLoad,
        pass: seconds <= options.exportTarget && peak < options.memoryTarget,
      });
    };
    const exported = {
      xlsx: join(files.directory, `${kind}-export.xlsx`),
      csv: join(files.directory, `${kind}-export.csv`),
    };
    await importFile('import .csv (create)', files.csv, 'create', { created: options.rows });
    await exportFile('export .xlsx', 'xlsx', exported.xlsx);
    await exportFile('export .csv', 'csv', exported.csv);
    await importFile('import the exported .xlsx (upsert)', exported.xlsx, 'upsert', { created: 0, updated: 0 });
    await importFile('import .xlsx (create)', files.xlsx, 'create', { created: options.rows });
    return { kind, startupSeconds: round(server.startupMs / 1000, 1), measurements };
  } finally {
    await meter.close();
    await server.stop();
    if (kind === 'postgres') await dropDatabase(options.databaseUrl);
  }
}

function markdown(result: {
  date: string;
  rows: number;
  options: Options;
  baselines: Measurement[];
  databases: DatabaseResult[];
}): string {
  const lines = [
    `# ${benchmark}`,
    '',
    `${result.date} · ${result.rows.toLocaleString('en')} rows per file · targets: import ≤ ${result.options.importTarget} s, export ≤ ${result.options.exportTarget} s, server peak RSS < ${result.options.memoryTarget} MiB · one run each (see bench/README.md)`,
    '',
    '## Baseline: reading the file alone (same streaming reader, this process, no checks or writes)',
    '',
    '| file | MiB | rows | seconds |',
    '| --- | ---: | ---: | ---: |',
    ...result.baselines.map((entry) => `| ${entry.step} | ${entry.fileMiB} | ${entry.rows} | ${entry.seconds} |`),
    '',
  ];
  for (const database of result.databases) {
    lines.push(
      `## ${database.kind}`,
      '',
      `Server start-up (empty demo city) ${database.startupSeconds} s.`,
      '',
      '| step | file MiB | rows | seconds | server peak RSS MiB | server CPU s | database CPU s | load before → after | within targets |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      ...database.measurements.map(
        (entry) =>
          `| ${entry.step} | ${entry.fileMiB} | ${entry.rows} | ${entry.seconds} | ${entry.peakRssMiB ?? ''}${entry.peakReset === false ? ' (since start)' : ''} | ${entry.cpu?.serverSeconds ?? ''} | ${entry.cpu?.databaseSeconds ?? ''} | ${entry.load ? entry.load.join(' → ') : ''} | ${entry.pass ? 'yes' : 'no'} |`,
      ),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const kinds: DatabaseKind[] = [];
  if (options.db !== 'postgres') kinds.push('pglite');
  if (options.db !== 'pglite') {
    const problem = await whyUnreachable(options.databaseUrl);
    if (problem) console.log(`PostgreSQL at ${redact(options.databaseUrl)} skipped: ${problem}`);
    else kinds.push('postgres');
  }
  const directory = await mkdtemp(join(tmpdir(), 'kewo-bench-import-'));
  try {
    await mkdir(directory, { recursive: true });
    // Generated once per row count when --input names a directory (runs after the first reuse them).
    const inputDirectory = options.input ?? directory;
    await mkdir(inputDirectory, { recursive: true });
    const files = {
      directory,
      csv: join(inputDirectory, `stores-a-${options.rows}.csv`),
      xlsx: join(inputDirectory, `stores-b-${options.rows}.xlsx`),
    };
    const exists = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;
    if (!(await exists(files.csv)) || !(await exists(files.xlsx))) {
      console.log(`Writing ${options.rows} rows to ${files.csv} and ${files.xlsx}…`);
      // Written under another name first, so an interrupted run leaves no half file to reuse.
      await writeInputFile(`${files.csv}.part`, 'csv', options.rows, 1, 100_000);
      await writeInputFile(`${files.xlsx}.part`, 'xlsx', options.rows, 2, 500_000);
      await rename(`${files.csv}.part`, files.csv);
      await rename(`${files.xlsx}.part`, files.xlsx);
    } else {
      console.log(`Reusing ${files.csv} and ${files.xlsx}.`);
    }
    const baselines = [await timeBaseline(files.csv, 'read .csv'), await timeBaseline(files.xlsx, 'read .xlsx')];
    for (const entry of baselines) console.log(`  baseline ${entry.step}: ${entry.seconds} s (${entry.fileMiB} MiB)`);
    const date = new Date().toISOString();
    const environment = describeEnvironment();
    const databases: DatabaseResult[] = [];
    for (const kind of kinds) {
      console.log(`${kind}:`);
      databases.push(await measure(kind, options, files));
    }
    const result = { benchmark, date, rows: options.rows, options, environment, baselines, databases };
    await mkdir(options.out, { recursive: true });
    writeFileSync(join(options.out, `${benchmark}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(options.out, `${benchmark}.md`), markdown(result));
    console.log(`Results in ${relative(process.cwd(), join(options.out, `${benchmark}.md`))}`);
    process.exitCode = databases.some((database) => database.measurements.some((entry) => !entry.pass)) ? 1 : 0;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
