import type { DatabaseHandle, DatabaseKind } from '../db/client.ts';
import { createBuiltTestDatabase } from '../db/test-database.ts';
import { type DemoCity, seedDemoCity } from '../demo/seed-demo-city.ts';

// The 3,000-store demo city built on Monday 2026-11-23 (10:00 in 漳州), as seedDemoCity makes it:
// demo-customers.test.ts checks its shape and demo-classification.test.ts its classes. A test run
// seeds it once (the first file to ask) and each file gets its own copy (createBuiltTestDatabase).
export const demoTestCityDate = '2026-11-23T02:00:00Z';
export const demoTestCityCustomers = 3000;

export async function createDemoTestCity(kind: DatabaseKind): Promise<{ database: DatabaseHandle; city: DemoCity }> {
  const { database, built } = await createBuiltTestDatabase(kind, 'demo_3000_20261123', (fresh) =>
    seedDemoCity(fresh.db, new Date(demoTestCityDate), { customers: demoTestCityCustomers }),
  );
  return { database, city: built };
}
