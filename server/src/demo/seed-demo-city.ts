import { eq, sql } from 'drizzle-orm';
import { mergePendingIndexEntries, prepareBulkIndexWrites } from '../db/bulk-writes.ts';
import type { Database, Executor } from '../db/client.ts';
import { refreshStaleStatistics } from '../db/planner-statistics.ts';
import { type CustomerInsert, insertCustomersInBulk } from '../modules/customers/index.ts';
import { createTenantWithAdmin } from '../modules/organisation/index.ts';
import { insertProducts } from '../modules/products/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password-hashing.ts';
import { replaceHolidayCalendar } from '../platform/calendar/calendar.repository.ts';
import { chinaPublicHolidays } from '../platform/calendar/china-holidays.ts';
import { insertOrgUnit } from '../platform/identity/identity.repository.ts';
import { kewoMeta, users } from '../platform/identity/identity.schema.ts';
import { seedDemoBrandIn } from './demo-brand.ts';
import { seedDemoConsumerFeedbackIn } from './demo-consumer-feedback.ts';
import { seedDemoCreditIn } from './demo-credit.ts';
import { generateDemoCustomer } from './demo-customers.ts';
import { seedDemoInformationIn } from './demo-information.ts';
import { seedDemoPricesIn } from './demo-prices.ts';
import { demoProductCatalogue, demoProductSeed } from './demo-products.ts';
import { seedDemoSupply, seedDemoThisWeekIn } from './demo-supply.ts';
import { seedDemoSurveysIn } from './demo-surveys.ts';
import { seedDemoTerminalsIn } from './demo-terminals.ts';
import { seedDemoTickets } from './demo-tickets.ts';
import { seedDemoTrainingIn } from './demo-training.ts';
import { seedDemoVisitsIn } from './demo-visits.ts';
import {
  type Bounds,
  demoBranchesOf,
  demoDistrictsOf,
  otherFujianCities,
  provinceCustomerCount,
  provinceName,
  storesPerManager,
  zhangzhouShare,
} from './fujian.ts';
import { createRandom, personName, type Random } from './random.ts';
import {
  type DemoBranch,
  type DemoDistrict,
  demoBranches,
  demoCity,
  demoDepartments,
  demoDistricts,
  districtBounds,
} from './zhangzhou.ts';

export const demoPassword = 'kewo-demo-2026';
export const demoMarkerKey = 'demo';
// Bump when the generator changes shape; an older demo directory is then rebuilt, not reused.
export const demoGeneratorVersion = '13';
export const demoManagerCount = 200;
// The seed city has 23,418 licensed stores; tests ask for a few hundred to stay fast.
export const demoCustomerCount = 24_000;
const insertBatchSize = 1_000;

export type DemoCity = {
  tenantId: number;
  tenantCode: string;
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

// supply: false leaves out the order history, grades and open cycle (benchmarks that build their own).
// publicHolidays: each city's calendar starts with the national holidays and 调休 (kewo demo); without
// it a city's calendar is empty, as a new city company's is (the tests' cities).
// terminals: 终端建设's tiers, inspections, fixtures and contests (kewo demo, with supply); the tests'
// cities leave them out, so the terminals module's tests start from a city without any.
export type SeedDemoOptions = {
  customers?: number;
  onProgress?: DemoProgress;
  supply?: boolean;
  publicHolidays?: boolean;
  terminals?: boolean;
};

export type DemoProgress = (step: string, done: number, total: number) => void;

// What makes one city company of the demo.
type CityPlan = {
  tenantCode: string;
  cityCode: string;
  companyName: string;
  province: string;
  // '' for 漳州 (admin, manager01), 'fuzhou-' for 福州 (fuzhou-admin, fuzhou-manager01).
  usernamePrefix: string;
  seed: number;
  districts: readonly DemoDistrict[];
  branches: readonly DemoBranch[];
  boundsOf: (districtCode: string) => Bounds;
  managerCount: number;
  customerCount: number;
  withSupply: boolean;
  publicHolidays?: boolean;
  terminals?: boolean;
};

const zhangzhouSeed = 20_261_123;

function zhangzhouPlan(customerCount: number): CityPlan {
  return {
    tenantCode: demoCity.tenantCode,
    cityCode: '3506',
    companyName: demoCity.name,
    province: demoCity.province,
    usernamePrefix: '',
    seed: zhangzhouSeed,
    districts: demoDistricts,
    branches: demoBranches,
    boundsOf: (code) => districtBounds[code],
    managerCount: demoManagerCount,
    customerCount,
    withSupply: true,
  };
}

// Builds the demo city: 漳州市烟草公司 with its county branches, departments, the role accounts
// named in the README, ~200 customer managers and ~24,000 customers, each with a retailer account
// (username = licence number). Deterministic: same seed, same city.
export async function seedDemoCity(db: Database, now: Date, options: SeedDemoOptions = {}): Promise<DemoCity> {
  const plan = { ...zhangzhouPlan(options.customers ?? demoCustomerCount), withSupply: options.supply !== false };
  const [city] = await seedCities(db, now, [plan], 'city', options);
  return city;
}

// Builds the province demo: the nine city companies of 福建省 in one deployment (~250,000
// stores by default; `customers` sets the province total). 漳州 comes first and is the city
// demo's 漳州 (at the default size, store for store); the others follow fujian.ts.
export async function seedDemoProvince(db: Database, now: Date, options: SeedDemoOptions = {}): Promise<DemoCity[]> {
  const total = options.customers ?? provinceCustomerCount;
  const zhangzhouCount = Math.round(total * zhangzhouShare);
  const counts = apportion(
    total - zhangzhouCount,
    otherFujianCities.map((city) => city.population),
  );
  const plans = [
    { ...zhangzhouPlan(zhangzhouCount), withSupply: options.supply !== false },
    ...otherFujianCities.map((city, index): CityPlan => {
      const districts = demoDistrictsOf(city);
      return {
        tenantCode: city.tenantCode,
        cityCode: city.cityCode,
        companyName: `${city.name}烟草公司`,
        province: provinceName,
        usernamePrefix: `${city.tenantCode}-`,
        seed: zhangzhouSeed + Number(city.cityCode),
        districts,
        branches: demoBranchesOf(districts),
        boundsOf: () => city.bounds,
        // Every branch has at least one manager, however small the province asked for.
        managerCount: Math.max(districts.length, Math.round(counts[index] / storesPerManager)),
        customerCount: counts[index],
        withSupply: false,
      };
    }),
  ];
  return seedCities(db, now, plans, 'province', options);
}

async function seedCities(
  db: Database,
  now: Date,
  plans: CityPlan[],
  scale: DemoScale,
  options: SeedDemoOptions,
): Promise<DemoCity[]> {
  const onProgress = options.onProgress ?? (() => {});
  // Every demo account shares one password, so it is hashed once (argon2id is slow on purpose).
  const passwordHash = await hashPassword(demoPassword);
  const steps = plans.reduce((sum, plan) => sum + stepsOf(plan), 0);
  let done = 0;
  const progress = (step: string) => {
    done += 1;
    onProgress(step, done, steps);
  };
  onProgress('organisation', 0, steps);
  const cities: DemoCity[] = [];
  // One transaction per city: a city is whole or absent, and the province's memory stays flat.
  for (const plan of plans) {
    cities.push(
      await db.transaction(async (tx) => {
        await prepareBulkIndexWrites(tx);
        return seedCity(
          tx,
          { ...plan, publicHolidays: options.publicHolidays, terminals: options.terminals },
          passwordHash,
          now,
          progress,
        );
      }),
    );
    await mergePendingIndexEntries(db, 'customers');
  }
  await db
    .insert(kewoMeta)
    .values({ key: demoMarkerKey, value: demoMarkerOf(scale), updatedAt: now })
    .onConflictDoUpdate({ target: kewoMeta.key, set: { value: demoMarkerOf(scale), updatedAt: now } });
  onProgress('done', steps, steps);
  // A bulk load leaves the planner without statistics and the visibility map unset (PGlite has no
  // autovacuum): without them it joins all 24,000 rows before taking the first page, and counts
  // read every row instead of the index alone. The tables counted by index are vacuumed; every
  // other table written since its last statistics is analysed (the same check the server's
  // database.statistics job makes every quarter of an hour), so no module's tables are left out.
  await db.execute(
    sql`VACUUM (ANALYZE) customers, users, districts, org_units, products, order_cycles, orders, order_lines, store_quotas, customer_grades, visits, visit_plan_items, tickets, credit_violations, credit_runs, credit_scores`,
  );
  await refreshStaleStatistics(db);
  return cities;
}

// How many times seedCity reports progress: organisation, staff twice, the customer plan, one per
// batch of stores, and orders, tickets, visits, surveys and credit where the city has supply.
function stepsOf(plan: CityPlan) {
  return 4 + Math.ceil(plan.customerCount / insertBatchSize) + (plan.withSupply ? 5 : 0);
}

async function seedCity(
  tx: Executor,
  plan: CityPlan,
  passwordHash: string,
  now: Date,
  progress: (step: string) => void,
): Promise<DemoCity> {
  const random = createRandom(plan.seed);
  const prefix = plan.usernamePrefix;
  const { tenant, root } = await createTenantWithAdmin(
    tx,
    {
      cityName: plan.companyName,
      province: plan.province,
      tenantCode: plan.tenantCode,
      cityCode: plan.cityCode,
      districts: plan.districts,
      username: `${prefix}admin`,
      displayName: '系统管理员',
      passwordHash,
    },
    now,
  );
  const actor = systemActor(tenant.id, 'demo');
  // 工作日历 before anything is planned on it (the visits below).
  if (plan.publicHolidays) await replaceHolidayCalendar(tx, tenant.id, chinaPublicHolidays);
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
  for (const branch of plan.branches) {
    const unit = await insertOrgUnit(
      tx,
      { tenantId: tenant.id, parentId: root.id, kind: 'branch', name: branch.name, code: branch.code },
      root.path,
      now,
    );
    branches.push({ ...branch, id: unit.id, path: unit.path });
  }
  progress(`${plan.companyName}: organisation`);

  // 漳州's staff keep the names the README gives them; the other cities' staff get their own.
  const staff =
    prefix === ''
      ? ([
          { username: 'marketing', displayName: '营销中心 林晓东', role: 'marketing', department: 'marketing' },
          { username: 'service', displayName: '客服中心 陈丽娟', role: 'service', department: 'service' },
          { username: 'inspector', displayName: '督察考评 黄志明', role: 'inspector', department: 'inspection' },
        ] as const)
      : ([
          { username: `${prefix}marketing`, displayName: '营销中心', role: 'marketing', department: 'marketing' },
          { username: `${prefix}service`, displayName: '客服中心', role: 'service', department: 'service' },
          { username: `${prefix}inspector`, displayName: '督察考评', role: 'inspector', department: 'inspection' },
        ] as const);
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
    plan.managerCount,
    branches.map((branch) => branch.share),
  );
  const order: number[] = [];
  for (let round = 0; order.length < plan.managerCount; round += 1) {
    branches.forEach((_, index) => {
      if (round < quotas[index]) order.push(index);
    });
  }
  const managerRows = order.map((branchIndex, index) => ({
    tenantId: tenant.id,
    username: `${prefix}manager${String(index + 1).padStart(2, '0')}`,
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
  progress(`${plan.companyName}: staff`);
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
  progress(`${plan.companyName}: staff`);

  const managers = inserted
    .filter((user) => user.role === 'manager')
    .map((user) => ({ id: user.id, username: user.username, branchId: user.orgUnitId ?? root.id }));
  const customerRows = planDemoCustomers(random, tenant.id, plan, branches, managers, now);
  progress(`${plan.companyName}: customers`);
  for (let start = 0; start < customerRows.length; start += insertBatchSize) {
    const rows = customerRows.slice(start, start + insertBatchSize);
    // The import's statement: a column of values per field, read by PostgreSQL as arrays. A thousand
    // rows of thirty parameters each took twice as long (6.4 s against 3.4 s for the city's stores).
    const ids = await insertCustomersInBulk(tx, tenant.id, rows, now);
    if (ids.size !== rows.length) throw new Error('the demo city drew a licence number twice');
    await tx.insert(users).values(
      rows.map((customer) => ({
        tenantId: tenant.id,
        username: customer.licenceNo,
        displayName: customer.name,
        passwordHash,
        role: 'retailer' as const,
        scopeKind: 'customer' as const,
        customerId: ids.get(customer.licenceNo) as number,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    progress(`${plan.companyName}: customers`);
  }
  // Generated stores are not anyone's edits: one entry says where they came from.
  await recordChanges(
    tx,
    actor,
    [
      {
        action: 'seed_demo',
        entity: 'customer',
        after: { customers: customerRows.length, retailerAccounts: customerRows.length },
      },
    ],
    now,
  );
  // Statistics for the stores just written: without them the planner reads the seeding's joins on
  // customers through the active-store index row by row (the 13 weeks of history took 5× longer).
  await tx.execute(sql`ANALYZE customers`);
  // 卷烟规格: the same national catalogue in every city company, from its own seed.
  const catalogue = demoProductCatalogue(createRandom(demoProductSeed));
  await insertProducts(
    tx,
    catalogue.map((product) => ({ ...product, tenantId: tenant.id, createdAt: now, updatedAt: now })),
  );
  await recordChanges(
    tx,
    actor,
    [{ action: 'seed_demo', entity: 'product', after: { products: catalogue.length } }],
    now,
  );
  // 货源与订货: order history and grades (this week's open cycle comes after credit). The province demo gives them to
  // 漳州 only: 13 weeks of a quarter of a million stores' orders would make it a long wait.
  if (plan.withSupply) {
    await seedDemoSupply(tx, tenant.id, now, createRandom(plan.seed + 1));
    progress(`${plan.companyName}: orders`);
    // 投诉建议: a year of tickets (with the supply history: the province demo leaves both out).
    await seedDemoTickets(tx, tenant.id, now, createRandom(plan.seed + 2));
    progress(`${plan.companyName}: tickets`);
    // 走访: this month's and the three months before's plans, their visits, observations.
    await seedDemoVisitsIn(
      tx,
      tenant.id,
      managers.map((manager) => manager.id),
      now,
    );
    // 品牌培育: three programmes over the history and visits above.
    await seedDemoBrandIn(tx, tenant.id, now);
    // 价格监管: a year of observed prices, the margin's roll-up (and last year's), an open warning.
    await seedDemoPricesIn(tx, tenant.id, now);
    // 终端建设: benchmark stores with their inspections, the fixture register, the display contests.
    if (plan.terminals) await seedDemoTerminalsIn(tx, tenant.id, now);
    // 消费者意见: ~1,500 items over the year on the complaints' clock, most answered in time.
    if (plan.terminals) await seedDemoConsumerFeedbackIn(tx, tenant.id, now, createRandom(plan.seed + 24));
    // 信息推送: a year of articles with their deliveries, reads and acknowledgements.
    if (plan.terminals) await seedDemoInformationIn(tx, tenant.id, now);
    // 培训: 15 内训师, 30 sessions over the year with sign-ups, check-ins, tests and ratings.
    if (plan.terminals) await seedDemoTrainingIn(tx, tenant.id, now);
    progress(`${plan.companyName}: visits`);
    // 需求调研、满意度: last January's needs survey, two satisfaction waves, one open this week.
    await seedDemoSurveysIn(tx, tenant.id, now);
    progress(`${plan.companyName}: surveys`);
    // 信用: settlements, violations and judged complaints, a year of monthly credit runs from them;
    // then this week's cycle, its scarce brands multiplied by the levels now in force.
    await seedDemoCreditIn(tx, tenant.id, now);
    await seedDemoThisWeekIn(tx, tenant.id, now);
    progress(`${plan.companyName}: credit`);
  }
  return {
    tenantId: tenant.id,
    tenantCode: plan.tenantCode,
    rootOrgUnitId: root.id,
    branches,
    managers,
    customerCount: customerRows.length,
  };
}

// Spreads the customers over the branches by their share, over each branch's districts, and
// round-robin over the branch's managers. Licence serials grow by small random steps per district.
function planDemoCustomers(
  random: Random,
  tenantId: number,
  plan: CityPlan,
  branches: DemoCity['branches'],
  managers: DemoCity['managers'],
  now: Date,
): CustomerInsert[] {
  const quotas = apportion(
    plan.customerCount,
    branches.map((branch) => branch.share),
  );
  const serials = new Map<string, number>();
  const rows: CustomerInsert[] = [];
  branches.forEach((branch, index) => {
    const branchManagers = managers.filter((manager) => manager.branchId === branch.id);
    const branchDistricts = plan.districts.filter((district) => branch.districtCodes.includes(district.code));
    for (let number = 0; number < quotas[index]; number += 1) {
      const district = random.pick(branchDistricts);
      const serial = (serials.get(district.code) ?? 100_000) + random.integer(1, 7);
      serials.set(district.code, serial);
      const place = {
        district,
        bounds: plan.boundsOf(district.code),
        branchId: branch.id,
        orgPath: branch.path,
        managerId: branchManagers[number % branchManagers.length].id,
      };
      rows.push(generateDemoCustomer(random, place, serial, tenantId, now));
    }
  });
  return rows;
}

export type DemoScale = 'city' | 'province';

// The marker a demo database carries: the generator version, and ' province' for the province.
export function demoMarkerOf(scale: DemoScale): string {
  return scale === 'city' ? demoGeneratorVersion : `${demoGeneratorVersion} province`;
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
