import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { createTenantWithAdmin, insertOrgUnit } from '../modules/organisation/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password-hashing.ts';
import { kewoMeta, users } from '../platform/identity/identity.schema.ts';
import { createRandom, personName } from './random.ts';
import { demoBranches, demoCity, demoDepartments } from './zhangzhou.ts';

export const demoPassword = 'kewo-demo-2026';
export const demoMarkerKey = 'demo';
// Bump when the generator changes shape; an older demo directory is then rebuilt, not reused.
export const demoGeneratorVersion = '1';
export const demoManagerCount = 200;

export type DemoCity = {
  tenantId: number;
  rootOrgUnitId: number;
  branches: Array<{ id: number; code: string; name: string; districtCodes: readonly string[]; share: number }>;
  managers: Array<{ id: number; username: string; branchId: number }>;
};

export type DemoProgress = (step: string, done: number, total: number) => void;

// Builds the demo city: 漳州市烟草公司 with its county branches, departments, the role accounts
// named in the README and ~200 customer managers. Deterministic: same seed, same city.
export async function seedDemoCity(db: Database, now: Date, onProgress: DemoProgress = () => {}): Promise<DemoCity> {
  const random = createRandom(20_261_123);
  // Every demo account shares one password, so it is hashed once (argon2id is slow on purpose).
  const passwordHash = await hashPassword(demoPassword);
  const steps = 4;
  onProgress('organisation', 0, steps);
  return db.transaction(async (tx) => {
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
      branches.push({ ...branch, id: unit.id });
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
    await tx
      .insert(kewoMeta)
      .values({ key: demoMarkerKey, value: demoGeneratorVersion, updatedAt: now })
      .onConflictDoUpdate({ target: kewoMeta.key, set: { value: demoGeneratorVersion, updatedAt: now } });
    onProgress('done', steps, steps);
    return {
      tenantId: tenant.id,
      rootOrgUnitId: root.id,
      branches,
      managers: inserted
        .filter((user) => user.role === 'manager')
        .map((user) => ({ id: user.id, username: user.username, branchId: user.orgUnitId ?? root.id })),
    };
  });
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
