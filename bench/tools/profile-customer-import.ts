// Profiling aid for the customer import (not run by npm run bench): one import of N generated rows
// in this process, on a fresh kewo_bench… PostgreSQL database or an in-memory PGlite, so --cpu-prof
// and KEWO_IMPORT_TIMING=1 see the whole of it.
//
//   npx node bench/tools/profile-customer-import.ts --rows 50000 [--db pglite] [--kind xlsx] [--mode create]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/client.ts';
import { generateDemoCustomer } from '../../server/src/demo/demo-customers.ts';
import { createRandom } from '../../server/src/demo/random.ts';
import { seedDemoCity } from '../../server/src/demo/seed-demo-city.ts';
import { demoDistricts, districtBounds } from '../../server/src/demo/zhangzhou.ts';
import { findConsoleImporter, importCustomers } from '../../server/src/modules/customers/customer-import.service.ts';
import { formatCustomerRow, sheetHeaders } from '../../server/src/modules/customers/customer-sheet.rules.ts';
import { loggingOutboundGateway } from '../../server/src/platform/notifications/outbound-gateway.ts';
import { createSheetWriter } from '../../server/src/platform/spreadsheets/sheet-writer.ts';
import { CpuMeter } from '../lib/cpu.ts';
import { recreateDatabase } from '../lib/postgres.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    db: { type: 'string', default: 'postgres' },
    kind: { type: 'string', default: 'csv' },
    mode: { type: 'string', default: 'create' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/kewo_bench_profile' },
    again: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const kind = values.kind as 'csv' | 'xlsx';

async function writeInputFile(path: string, count: number, seed: number, serialBase: number) {
  const headers = sheetHeaders([], { readOnly: false });
  const random = createRandom(seed);
  const writer = createSheetWriter(kind, createWriteStream(path), { sheetName: '客户档案', headers });
  const serials = new Map<string, number>();
  const now = new Date('2026-11-23T00:00:00Z');
  for (let index = 0; index < count; index += 1) {
    const district = demoDistricts[index % demoDistricts.length];
    const serial = (serials.get(district.code) ?? serialBase) + 1;
    serials.set(district.code, serial);
    const store = generateDemoCustomer(
      random,
      { district, bounds: districtBounds[district.code], branchId: 0, orgPath: '/', managerId: 0 },
      serial,
      0,
      now,
    );
    const row = formatCustomerRow({
      ...store,
      districtName: district.name,
      managerUsername: `manager${String((index % 200) + 1).padStart(2, '0')}`,
      managerName: '',
      branchName: '',
      latitude: store.latitude ?? null,
      longitude: store.longitude ?? null,
      licenceValidUntil: store.licenceValidUntil ?? null,
      tags: store.tags ?? [],
      status: 'active',
      customFields: {},
    });
    writer.addRow(row.slice(0, headers.length));
    if (index % 5_000 === 0) await writer.drain();
  }
  await writer.finish();
}

const directory = await mkdtemp(join(tmpdir(), 'kewo-profile-import-'));
try {
  const path = join(directory, `stores.${kind}`);
  await writeInputFile(path, rows, 1, 100_000);
  if (values.db === 'postgres') await recreateDatabase(values['database-url']);
  const database = await openDatabase(values.db === 'postgres' ? { url: values['database-url'] } : { memory: true });
  await database.migrate();
  await seedDemoCity(database.db, new Date(), { customers: 0 });
  const context = {
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    now: () => new Date(),
    outbound: loggingOutboundGateway({ silent: true }),
  };
  const actor = await findConsoleImporter(context, {});
  const meter = await CpuMeter.open(process.pid, values.db === 'postgres' ? values['database-url'] : undefined);
  const run = async (mode: 'create' | 'upsert') => {
    const before = await meter.read();
    const started = performance.now();
    const outcome = await importCustomers(context, actor, { path, fileName: `stores.${kind}`, mode, locale: 'zh-CN' });
    const { errors: _errors, ...summary } = outcome as Record<string, unknown>;
    console.log(
      `${mode} ${rows} rows (${kind}, ${values.db}): ${((performance.now() - started) / 1000).toFixed(1)} s`,
      JSON.stringify(summary),
      `rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB`,
      JSON.stringify(CpuMeter.usage(before, await meter.read(), values.db === 'postgres')),
    );
  };
  await run(values.mode as 'create' | 'upsert');
  if (values.again) await run('upsert');
  await meter.close();
  await database.close();
} finally {
  await rm(directory, { recursive: true, force: true });
}
