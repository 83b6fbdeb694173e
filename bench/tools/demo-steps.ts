// Times each step of the demo city's first start on an in-memory PGlite (migrations, then the
// seed's progress steps): `npx node bench/tools/demo-steps.ts [customers]`. Prints one line per
// step with its seconds, then the total; used to keep a demo step's cost in view when it changes.
import { openDatabase } from '../../server/src/db/client.ts';
import { seedDemoCity } from '../../server/src/demo/seed-demo-city.ts';

const customers = process.argv[2] ? Number(process.argv[2]) : undefined;
const handle = await openDatabase({ memory: true });
await handle.migrate();
const started = performance.now();
let last = started;
const steps = new Map<string, number>();
await seedDemoCity(handle.db, new Date('2026-11-24T02:00:00Z'), {
  customers,
  onProgress: (step) => {
    const now = performance.now();
    const name = step.replace(/^.*: /, '');
    steps.set(name, (steps.get(name) ?? 0) + (now - last) / 1000);
    last = now;
  },
});
for (const [name, seconds] of steps) console.log(`${name.padEnd(24)} ${seconds.toFixed(2)} s`);
console.log(`${'total'.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
await handle.close();
