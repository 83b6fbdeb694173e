import { createTestDatabase } from './src/db/test-database.ts';
import { seedDemoCity } from './src/demo/seed-demo-city.ts';

const database = await createTestDatabase('pglite');
let last = Date.now();
const start = Date.now();
await seedDemoCity(database.db, new Date('2026-11-24T04:00:00Z'), {
  customers: 24000,
  onProgress: (step) => {
    const t = Date.now();
    if (!step.includes('customers')) console.log(step, t - last, 'ms');
    last = t;
  },
});
console.log('total', Date.now() - start);
const r = await database.db.execute(
  'select (select count(*) from visits) v, (select count(*) from visit_plan_items) p, (select count(*) from visit_price_observations) o, (select count(*) from visit_stock_counts) s' as never,
);
console.log((r as { rows: unknown }).rows);
await database.close();
