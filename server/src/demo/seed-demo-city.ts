import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { type CustomerInsert, insertCustomers, insertDistricts } from '../modules/customers/index.ts';
import { createTenantWithAdmin, insertOrgUnit } from '../modules/organisation/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password-hashing.ts';
import { kewoMeta, users } from '../platform/identity/identity.schema.ts';
import { generateDemoCustomer } from './demo-customers.ts';
import { createRandom, personName } from './random.ts';
import { demoBranches, demoCity, demoDepartments, demoDistricts } from './zhangzhou.ts';

export const demoPassword = 'kewo-demo-2026';
export const demoMarkerKey = 'demo';
// Bump when the generator changes shape; an older demo directory is then rebuilt, not reused.
export const demoGeneratorVersion = '3';
export const demoManagerCount = 200;
// The seed city has 23,418 licensed stores; tests ask for a few hundred to stay fast.
export const demoCustomerCount = 24_000;
const insertBatchSize = 1_000;

export type DemoCity = {
  tenantId: number;
  rootOrgUnitId: number;
  branches: Array<{
    id: number;
    code: string;
    name: string;
    path: string;
    districtCodes: readonly string[];
    share: number;
  }>;
  managers: Array<{ id: number; username: string; branchId: number }>;
  customerCount: number;
};

export type SeedDemoOptions = { customers?: number; onProgress?: DemoProgress };

export type DemoProgress = (step: string, done: number, total: number) => void;

// Builds the demo city: 漳州市烟草公司 with its county branches, departments, the role accounts
// named in the README, ~200 customer managers and ~24,000 customers, each with a retailer account
// (username = licence number). Deterministic: same seed, same city.
export async function seedDemoCity(db: Database, now: Date, options: SeedDemoOptions = {}): Promise<DemoCity> {
  const onProgress = options.onProgress ?? (() => {});
  const customerCount = options.customers ?? demoCustomerCount;
  const customerBatches = Math.ceil(customerCount / insertBatchSize);
  const random = createRandom(20_261_123);
  // Every demo account shares one password, so it is hashed once (argon2id is slow on purpose).
  const passwordHash = await hashPassword(demoPassword);
  const steps = 4 + customerBatches;
  onProgress('organisation', 0, steps);
  const city = await db.transaction(async (tx) => {
    const { tenant, root } = await createTenantWithAdmin(
      tx,
      {
        cityName: demoCity.name,
        province: demoCity.province,
        tenantCode: demoCity.tenantCode,
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
      },
      now,
    );
    const actor = systemActor(tenant.id, 'demo');
    const departments = new Map<string, number>();
    for (const department of demoDepartments) {
      const unit = await insertOrgUnit(
        tx,
        { tenantId: tenant.id, parentId: root.id, kind: 'department', name: department.name, code: department.code },
        root.path,
        now,
      );
      departments.set(department.code, unit.id);
    }
    const branches: DemoCity['branches'] = [];
    for (const branch of demoBranches) {
      const unit = await insertOrgUnit(
        tx,
        { tenantId: tenant.id, parentId: root.id, kind: 'branch', name: branch.name, code: branch.code },
        root.path,
        now,
      );
      branches.push({ ...branch, id: unit.id, path: unit.path });
    }
    onProgress('organisation', 1, steps);

    const staff = [
      { username: 'marketing', displayName: '营销中心 林晓东', role: 'marketing', department: 'marketing' },
      { username: 'service', displayName: '客服中心 陈丽娟', role: 'service', department: 'service' },
      { username: 'inspector', displayName: '督察考评 黄志明', role: 'inspector', department: 'inspection' },
    ] as const;
    const staffRows = staff.map((person) => {
      const unitId = departments.get(person.department) ?? root.id;
      return {
        tenantId: tenant.id,
        username: person.username,
        displayName: person.displayName,
        passwordHash,
        role: person.role,
        orgUnitId: unitId,
        scopeKind: 'org' as const,
        // These centres work across the whole city.
        scopeOrgUnitId: root.id,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      };
    });

    // Managers are numbered round-robin over the branches, each branch taking its share, so
    // manager01 works in the first branch and manager02 in the second.
    const quotas = apportion(
      demoManagerCount,
      branches.map((branch) => branch.share),
    );
    const order: number[] = [];
    for (let round = 0; order.length < demoManagerCount; round += 1) {
      branches.forEach((_, index) => {
        if (round < quotas[index]) order.push(index);
      });
    }
    const managerRows = order.map((branchIndex, index) => ({
      tenantId: tenant.id,
      username: `manager${String(index + 1).padStart(2, '0')}`,
      displayName: personName(random),
      passwordHash,
      role: 'manager' as const,
      orgUnitId: branches[branchIndex].id,
      scopeKind: 'own' as const,
      scopeOrgUnitId: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    }));
    onProgress('staff', 2, steps);
    const inserted = await tx
      .insert(users)
      .values([...staffRows, ...managerRows])
      .returning({ id: users.id, username: users.username, orgUnitId: users.orgUnitId, role: users.role });
    await recordChanges(
      tx,
      actor,
      inserted.map((user) => ({
        action: 'create',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, role: user.role, orgUnitId: user.orgUnitId },
      })),
      now,
    );
    onProgress('staff', 3, steps);

    const managers = inserted
      .filter((user) => user.role === 'manager')
      .map((user) => ({ id: user.id, username: user.username, branchId: user.orgUnitId ?? root.id }));
    await insertDistricts(
      tx,
      demoDistricts.map((district) => ({ tenantId: tenant.id, ...district })),
    );
    const customerRows = planDemoCustomers(random, tenant.id, branches, managers, customerCount, now);
    for (let start = 0, batch = 0; start < customerRows.length; start += insertBatchSize, batch += 1) {
      const rows = customerRows.slice(start, start + insertBatchSize);
      const created = await insertCustomers(tx, rows);
      await tx.insert(users).values(
        created.map((customer) => ({
          tenantId: tenant.id,
          username: customer.licenceNo,
          displayName: customer.name,
          passwordHash,
          role: 'retailer' as const,
          scopeKind: 'customer' as const,
          customerId: customer.id,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      );
      onProgress('customers', 4 + batch, steps);
    }
    // Generated stores are not anyone's edits: one entry says where they came from.
    await recordChanges(
      tx,
      actor,
      [
        {
          action: 'seed_demo',
          entity: 'customer',
          entityId: 0,
          after: { customers: customerRows.length, retailerAccounts: customerRows.length },
        },
      ],
      now,
    );
    await tx
      .insert(kewoMeta)
      .values({ key: demoMarkerKey, value: demoGeneratorVersion, updatedAt: now })
      .onConflictDoUpdate({ target: kewoMeta.key, set: { value: demoGeneratorVersion, updatedAt: now } });
    onProgress('done', steps, steps);
    return {
      tenantId: tenant.id,
      rootOrgUnitId: root.id,
      branches,
      managers,
      customerCount: customerRows.length,
    };
  });
  // A bulk load leaves the planner without statistics and the visibility map unset (PGlite has no
  // autovacuum): without them it joins all 24,000 rows before taking the first page, and counts
  // read every row instead of the index alone.
  await db.execute(sql`VACUUM (ANALYZE) customers, users, districts, org_units`);
  return city;
}

// Spreads the customers over the branches by their share, over each branch's districts, and
// round-robin over the branch's managers. Licence serials grow by small random steps per district.
function planDemoCustomers(
  random: ReturnType<typeof createRandom>,
  tenantId: number,
  branches: DemoCity['branches'],
  managers: DemoCity['managers'],
  total: number,
  now: Date,
): CustomerInsert[] {
  const quotas = apportion(
    total,
    branches.map((branch) => branch.share),
  );
  const serials = new Map<string, number>();
  const rows: CustomerInsert[] = [];
  branches.forEach((branch, index) => {
    const branchManagers = managers.filter((manager) => manager.branchId === branch.id);
    const branchDistricts = demoDistricts.filter((district) => branch.districtCodes.includes(district.code));
    for (let number = 0; number < quotas[index]; number += 1) {
      const district = random.pick(branchDistricts);
      const serial = (serials.get(district.code) ?? 100_000) + random.integer(1, 7);
      serials.set(district.code, serial);
      const place = {
        district,
        branchId: branch.id,
        orgPath: branch.path,
        managerId: branchManagers[number % branchManagers.length].id,
      };
      rows.push(generateDemoCustomer(random, place, serial, tenantId, now));
    }
  });
  return rows;
}

export async function readDemoMarker(db: Database): Promise<string | undefined> {
  const [row] = await db.select().from(kewoMeta).where(eq(kewoMeta.key, demoMarkerKey)).limit(1);
  return row?.value;
}

// Splits a whole number by shares with the largest-remainder method: the parts sum to the total.
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((accumulator, share) => accumulator + share, 0);
  const exact = shares.map((share) => (share / sum) * total);
  const parts = exact.map(Math.floor);
  const remainders = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let index = 0; index < missing; index += 1) parts[remainders[index].index] += 1;
  return parts;
}
