import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Transaction } from '../../db/client.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { assertStrongPassword } from '../../platform/auth/auth.service.ts';
import { hashPassword } from '../../platform/auth/password-hashing.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import {
  countUsers,
  insertOrgUnit,
  insertTenant,
  insertUser,
  revokeSessionsOfUser,
  updateOrgUnit,
  updateUser,
  updateUserPassword,
} from '../../platform/identity/identity.repository.ts';
import { type OrgUnitKind, type Role, staffRoles } from '../../platform/identity/identity.schema.ts';
import { administrativeDivisions, cityOf, findTenantIdsServingDistricts, insertDistricts } from '../customers/index.ts';
import {
  countOrgUnitsInScope,
  countStaffByRole,
  findAllTenants,
  findOrgUnitByCode,
  findOrgUnitInScope,
  findOrgUnitsInScope,
  findRootOrgUnit,
  findStaffDirectory,
  findStaffInScope,
  findStaffPage,
  isUsernameTaken,
  type StaffFilters,
} from './organisation.repository.ts';
import { canPlaceOrgUnit, isScopeAllowed } from './organisation.rules.ts';

const orgUnitKindLabel: Record<OrgUnitKind, { 'zh-CN': string; en: string }> = {
  city: { 'zh-CN': '市公司', en: 'city company' },
  branch: { 'zh-CN': '县级营销部', en: 'county branch' },
  department: { 'zh-CN': '部门', en: 'department' },
};

export async function listOrgUnits(context: AppContext, actor: Actor) {
  return findOrgUnitsInScope(context.db, actor.tenantId, actor.scope);
}

export async function createOrgUnit(
  context: AppContext,
  actor: Actor,
  input: { parentId: number; kind: OrgUnitKind; name: string; code: string },
  locale: Locale,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const parent = await findOrgUnitInScope(tx, actor.tenantId, actor.scope, input.parentId);
    if (!parent) throw new DomainError('NOT_FOUND', {}, 'parentId');
    if (!canPlaceOrgUnit(input.kind, parent.kind)) {
      throw new DomainError(
        'ORG_UNIT_INVALID_PARENT',
        { kind: orgUnitKindLabel[input.kind][locale], parentKind: orgUnitKindLabel[parent.kind][locale] },
        'kind',
      );
    }
    if (await findOrgUnitByCode(tx, actor.tenantId, input.code)) {
      throw new DomainError('ORG_UNIT_CODE_TAKEN', { code: input.code }, 'code');
    }
    const unit = await insertOrgUnit(tx, { tenantId: actor.tenantId, ...input, parentId: parent.id }, parent.path, now);
    await recordChange(tx, actor, { action: 'create', entity: 'org_unit', entityId: unit.id, after: unit }, now);
    return unit;
  });
}

export async function editOrgUnit(
  context: AppContext,
  actor: Actor,
  id: number,
  changes: { name?: string; code?: string },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const before = await findOrgUnitInScope(tx, actor.tenantId, actor.scope, id);
    if (!before) throw new DomainError('NOT_FOUND');
    if (changes.code && changes.code !== before.code && (await findOrgUnitByCode(tx, actor.tenantId, changes.code))) {
      throw new DomainError('ORG_UNIT_CODE_TAKEN', { code: changes.code }, 'code');
    }
    const after = await updateOrgUnit(tx, actor.tenantId, id, changes, now);
    await recordChange(tx, actor, { action: 'update', entity: 'org_unit', entityId: id, before, after }, now);
    return after;
  });
}

function presentStaff(user: NonNullable<Awaited<ReturnType<typeof findStaffInScope>>>) {
  const { orgUnitPath: _path, scopeKind, scopeOrgUnitId, ...rest } = user;
  return { ...rest, scope: scopeKind === 'org' ? { kind: scopeKind, orgUnitId: scopeOrgUnitId } : { kind: scopeKind } };
}

export type StaffView = ReturnType<typeof presentStaff>;

export async function listStaff(context: AppContext, actor: Actor, filters: StaffFilters) {
  const page = await findStaffPage(context.db, actor.tenantId, actor.scope, filters, context.now());
  return {
    items: page.items.map(({ hasActiveSession, ...user }) => ({ ...presentStaff(user), hasActiveSession })),
    total: page.total,
  };
}

// What the console's home shows an administrator, in one request: the staff and org units the
// actor's scope sees, and the staff by role (every staff role, zero where there is none).
export async function getOrganisationOverview(context: AppContext, actor: Actor) {
  const [byRole, orgUnitsTotal] = await Promise.all([
    countStaffByRole(context.db, actor.tenantId, actor.scope),
    countOrgUnitsInScope(context.db, actor.tenantId, actor.scope),
  ]);
  const usersByRole = staffRoles.map((role) => ({
    role,
    total: byRole.find((row) => row.role === role)?.total ?? 0,
  }));
  return {
    usersTotal: usersByRole.reduce((sum, entry) => sum + entry.total, 0),
    orgUnitsTotal,
    usersByRole,
  };
}

// 员工名录 (GET /users/directory): any staff role, within its scope.
export async function listStaffDirectory(
  context: AppContext,
  actor: Actor,
  filters: { q?: string; role?: string; limit: number },
) {
  const rows = await findStaffDirectory(context.db, actor.tenantId, actor.scope, filters);
  return { items: rows.map((row) => ({ ...row, role: row.role as Exclude<Role, 'retailer'> })) };
}

export async function getStaff(context: AppContext, actor: Actor, userId: number): Promise<StaffView> {
  const user = await findStaffInScope(context.db, actor.tenantId, actor.scope, userId);
  if (!user) throw new DomainError('NOT_FOUND');
  return presentStaff(user);
}

export type NewStaff = {
  username: string;
  displayName: string;
  role: Exclude<Role, 'retailer'>;
  orgUnitId: number;
  scopeKind: 'org' | 'own';
  password: string;
};

export async function createStaff(context: AppContext, actor: Actor, input: NewStaff, locale: Locale) {
  if (!isScopeAllowed(input.role, input.scopeKind)) {
    throw new DomainError('SCOPE_NOT_ALLOWED', { role: input.role, scope: input.scopeKind }, 'scopeKind');
  }
  assertStrongPassword(input.password, input.username, locale, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = context.now();
  const userId = await context.db.transaction(async (tx) => {
    const unit = await findOrgUnitInScope(tx, actor.tenantId, actor.scope, input.orgUnitId);
    if (!unit) throw new DomainError('NOT_FOUND', {}, 'orgUnitId');
    if (await isUsernameTaken(tx, input.username)) {
      throw new DomainError('USERNAME_TAKEN', { username: input.username }, 'username');
    }
    // An administrator chose this password; its owner should replace it at first sign-in.
    const id = await insertUser(tx, {
      ...staffRow(actor.tenantId, unit.id, input, passwordHash, now),
      mustChangePassword: true,
    });
    const { password: _password, ...after } = input;
    await recordChange(tx, actor, { action: 'create', entity: 'user', entityId: id, after }, now);
    return id;
  });
  return getStaff(context, actor, userId);
}

// A staff account placed in an org unit; an 'org' scope is that unit's subtree.
function staffRow(
  tenantId: number,
  orgUnitId: number,
  person: { username: string; displayName: string; role: Exclude<Role, 'retailer'>; scopeKind: 'org' | 'own' },
  passwordHash: string,
  now: Date,
) {
  return {
    tenantId,
    username: person.username,
    displayName: person.displayName,
    passwordHash,
    role: person.role,
    orgUnitId,
    scopeKind: person.scopeKind,
    scopeOrgUnitId: person.scopeKind === 'org' ? orgUnitId : null,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

export type StaffChanges = Partial<{
  displayName: string;
  role: Exclude<Role, 'retailer'>;
  orgUnitId: number;
  scopeKind: 'org' | 'own';
  disabled: boolean;
}>;

export async function editStaff(context: AppContext, actor: Actor, userId: number, changes: StaffChanges) {
  const now = context.now();
  const after = await context.db.transaction(async (tx) => {
    const before = await findStaffInScope(tx, actor.tenantId, actor.scope, userId);
    if (!before) throw new DomainError('NOT_FOUND');
    const isSelf = userId === actor.userId;
    if (isSelf && (changes.disabled === true || (changes.role !== undefined && changes.role !== before.role))) {
      throw new DomainError('CANNOT_DISABLE_SELF');
    }
    const role = changes.role ?? before.role;
    const scopeKind = changes.scopeKind ?? (isScopeAllowed(role, before.scopeKind) ? before.scopeKind : 'org');
    if (role === 'retailer' || !isScopeAllowed(role, scopeKind)) {
      throw new DomainError('SCOPE_NOT_ALLOWED', { role, scope: scopeKind }, 'scopeKind');
    }
    let orgUnitId = before.orgUnitId;
    if (changes.orgUnitId !== undefined) {
      const unit = await findOrgUnitInScope(tx, actor.tenantId, actor.scope, changes.orgUnitId);
      if (!unit) throw new DomainError('NOT_FOUND', {}, 'orgUnitId');
      orgUnitId = unit.id;
    }
    await updateUser(
      tx,
      userId,
      {
        displayName: changes.displayName,
        role,
        orgUnitId,
        scopeKind,
        scopeOrgUnitId: scopeKind === 'org' ? orgUnitId : null,
        disabled: changes.disabled,
      },
      now,
    );
    // A disabled account, or one whose powers changed, signs in again.
    if (changes.disabled || role !== before.role || scopeKind !== before.scopeKind || orgUnitId !== before.orgUnitId) {
      await revokeSessionsOfUser(tx, userId, now);
    }
    // The row read back for the audit trail is also the answer: no second read after the commit.
    const after = await findStaffInScope(tx, actor.tenantId, actor.scope, userId);
    await recordChange(tx, actor, { action: 'update', entity: 'user', entityId: userId, before, after }, now);
    return after;
  });
  if (!after) throw new DomainError('NOT_FOUND');
  return presentStaff(after);
}

export async function resetStaffPassword(
  context: AppContext,
  actor: Actor,
  userId: number,
  newPassword: string,
  locale: Locale,
) {
  const target = await getStaff(context, actor, userId);
  assertStrongPassword(newPassword, target.username, locale, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await updateUserPassword(tx, userId, passwordHash, now, userId !== actor.userId);
    await revokeSessionsOfUser(tx, userId, now, userId === actor.userId ? actor.sessionId : undefined);
    await recordChange(tx, actor, { action: 'reset_password', entity: 'user', entityId: userId }, now);
  });
}

export async function revokeStaffSessions(context: AppContext, actor: Actor, userId: number) {
  await getStaff(context, actor, userId);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const revoked = await revokeSessionsOfUser(tx, userId, now, actor.sessionId);
    await recordChange(
      tx,
      actor,
      { action: 'revoke_sessions', entity: 'user', entityId: userId, after: { revoked } },
      now,
    );
  });
}

// ---- First start: an empty database gets its first city company and administrator. ----

export async function isSetupNeeded(context: AppContext): Promise<boolean> {
  return (await countUsers(context.db)) === 0;
}

export type FirstAdmin = {
  cityName: string;
  cityCode: string;
  province?: string;
  username: string;
  displayName: string;
  password: string;
};

export async function setUpFirstAdmin(context: AppContext, input: FirstAdmin, locale: Locale) {
  assertStrongPassword(input.password, input.username, locale, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    // Two browsers racing through the setup page: one wins, the other is told it is done.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4243)`);
    if ((await countUsers(tx)) > 0) throw new DomainError('SETUP_ALREADY_DONE');
    return createTenantWithAdmin(tx, { ...input, passwordHash }, now);
  });
}

// The cities a company can be set up for, "福建省 · 漳州市" in code order.
export function listCities() {
  return administrativeDivisions().provinces.flatMap((province) =>
    province.cities.map((city) => ({
      code: city.code,
      name: cityNameOf(city.name, province.name),
      province: province.name,
    })),
  );
}

// GB/T 2260 names a municipality's city level 市辖区 (and Chongqing's counties 县): people say 北京市.
function cityNameOf(name: string, provinceName: string): string {
  if (name === '市辖区') return provinceName;
  if (name === '县') return `${provinceName}（县）`;
  return name;
}

const defaultCityName = '本市烟草公司';

// A city company's code: how the console commands (--tenant) and the demo's usernames name it.
const tenantCodePattern = /^[a-z][a-z0-9-]{1,31}$/;

function assertTenantCodeFormat(code: string) {
  if (!tenantCodePattern.test(code)) throw new DomainError('TENANT_CODE_INVALID', { tenantCode: code }, 'tenant');
}

export type ConsoleTenant = {
  tenantCode: string;
  cityName: string;
  cityCode: string;
  province?: string;
  username: string;
  displayName: string;
  password: string;
};

// `kewo tenant create`.
export async function createTenantFromConsole(context: AppContext, input: ConsoleTenant) {
  const passwordHash = await checkedTenantRequest(input, 'en');
  return context.db.transaction((tx) => createTenantIn(tx, { ...input, passwordHash }, context.now()));
}

// 市公司 in the console: the deployment's operator (a city-wide administrator of the company that
// KEWO_OPERATOR_TENANT names) lists the city companies and adds one, as `kewo tenant create` does;
// the new administrator chooses their own password at first sign-in. Audited in the operator's company.
export async function listTenantsAsOperator(context: AppContext, actor: Actor) {
  await assertDeploymentOperator(context, actor);
  return findAllTenants(context.db);
}

export async function createTenantAsOperator(context: AppContext, actor: Actor, input: ConsoleTenant, locale: Locale) {
  await assertDeploymentOperator(context, actor);
  const passwordHash = await checkedTenantRequest(input, locale);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const created = await createTenantIn(tx, { ...input, passwordHash, mustChangePassword: true }, now);
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'tenant',
        entityId: created.tenant.id,
        after: {
          code: created.tenant.code,
          name: created.tenant.name,
          cityCode: input.cityCode,
          admin: input.username,
        },
      },
      now,
    );
    return created;
  });
}

async function assertDeploymentOperator(context: AppContext, actor: Actor) {
  const operatorCode = context.config.KEWO_OPERATOR_TENANT;
  const tenant = (await findAllTenants(context.db)).find((candidate) => candidate.id === actor.tenantId);
  if (!operatorCode || tenant?.code !== operatorCode || actor.role !== 'admin' || !isCityWideScope(actor.scope)) {
    throw new DomainError('DEPLOYMENT_OPERATOR_ONLY');
  }
}

async function checkedTenantRequest(input: ConsoleTenant, locale: Locale): Promise<string> {
  assertTenantCodeFormat(input.tenantCode);
  assertStrongPassword(input.password, input.username, locale, 'password');
  if (!cityOf(input.cityCode)) throw new DomainError('CITY_UNKNOWN', { cityCode: input.cityCode }, 'cityCode');
  return hashPassword(input.password);
}

// Another city company (市公司) in the same deployment, with its districts, its root org unit and
// its first administrator. A city has one company: its districts, and so its stores' licence
// numbers (the retailers' usernames), belong to one.
async function createTenantIn(
  tx: Transaction,
  input: Omit<ConsoleTenant, 'password'> & { passwordHash: string; mustChangePassword?: boolean },
  now: Date,
) {
  const city = cityOf(input.cityCode);
  if (!city) throw new DomainError('CITY_UNKNOWN', { cityCode: input.cityCode }, 'cityCode');
  await tx.execute(sql`SELECT pg_advisory_xact_lock(4243)`);
  const all = await findAllTenants(tx);
  if (all.some((tenant) => tenant.code === input.tenantCode)) {
    throw new DomainError('TENANT_CODE_TAKEN', { tenantCode: input.tenantCode }, 'tenant');
  }
  const serving = await findTenantIdsServingDistricts(
    tx,
    city.districts.map((district) => district.code),
  );
  const holder = all.find((tenant) => serving.includes(tenant.id));
  if (holder) {
    throw new DomainError('TENANT_CITY_TAKEN', { cityCode: input.cityCode, tenantCode: holder.code }, 'cityCode');
  }
  if (await isUsernameTaken(tx, input.username)) {
    throw new DomainError('USERNAME_TAKEN', { username: input.username }, 'username');
  }
  const created = await createTenantWithAdmin(tx, input, now);
  return { tenant: created.tenant, username: input.username };
}

// `kewo tenant list`: the codes the other commands take.
export async function listTenantsForConsole(context: AppContext) {
  return findAllTenants(context.db);
}

// Creates a tenant with its root org unit and one administrator. Used by the setup page,
// `kewo user create` on an empty database, `kewo tenant create`, and the demo.
export async function createTenantWithAdmin(
  executor: AppContext['db'],
  input: Omit<FirstAdmin, 'password'> & {
    passwordHash: string;
    tenantCode?: string;
    // When someone else chose the password: the administrator changes it at first sign-in.
    mustChangePassword?: boolean;
    // The demo brings its own, with the share of town stores its generator uses.
    districts?: readonly { code: string; name: string; urbanShare?: number }[];
  },
  now: Date,
) {
  const city = cityOf(input.cityCode);
  if (!city) throw new DomainError('CITY_UNKNOWN', { cityCode: input.cityCode }, 'cityCode');
  const tenant = await insertTenant(executor, {
    code: input.tenantCode ?? 'city',
    name: input.cityName,
    province: input.province ?? city.province.name,
  });
  // Licence numbers start with one of these codes: without them no store could be filed.
  await insertDistricts(
    executor,
    (input.districts ?? city.districts).map((district) => ({ tenantId: tenant.id, ...district })),
  );
  const root = await insertOrgUnit(
    executor,
    { tenantId: tenant.id, parentId: null, kind: 'city', name: input.cityName, code: 'root' },
    '/',
    now,
  );
  const userId = await insertUser(executor, {
    tenantId: tenant.id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    role: 'admin',
    orgUnitId: root.id,
    scopeKind: 'org',
    scopeOrgUnitId: root.id,
    mustChangePassword: input.mustChangePassword ?? false,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const actor = systemActor(tenant.id, 'setup');
  await recordChange(executor, actor, { action: 'create', entity: 'tenant', entityId: tenant.id, after: tenant }, now);
  await recordChange(executor, actor, { action: 'create', entity: 'org_unit', entityId: root.id, after: root }, now);
  await recordChange(
    executor,
    actor,
    { action: 'create', entity: 'user', entityId: userId, after: { username: input.username, role: 'admin' } },
    now,
  );
  return { tenant, root, userId };
}

export type ConsoleUser = {
  username: string;
  displayName: string;
  role: Exclude<Role, 'retailer'>;
  password: string;
  orgUnitCode?: string;
  scopeKind: 'org' | 'own';
  // The city company the account belongs to: required once the database holds one.
  tenantCode?: string;
  // Only on an empty database: the first city company, created with the account.
  cityName?: string;
  cityCode?: string;
};

// `kewo user create`: run by whoever holds the server, so no actor but the system. On an empty
// database it creates the city company too, which is how a fresh installation gets its first admin.
// Once there is a city company the account must name its own (--tenant): a command that reads as
// "create a city" must never quietly add a city-wide administrator to a company that exists.
export async function createUserFromConsole(context: AppContext, input: ConsoleUser) {
  assertStrongPassword(input.password, input.username, 'en', 'password');
  if (!isScopeAllowed(input.role, input.scopeKind)) {
    throw new DomainError('SCOPE_NOT_ALLOWED', { role: input.role, scope: input.scopeKind }, 'scope');
  }
  const passwordHash = await hashPassword(input.password);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4243)`);
    if (await isUsernameTaken(tx, input.username)) {
      throw new DomainError('USERNAME_TAKEN', { username: input.username }, 'username');
    }
    const all = await findAllTenants(tx);
    if (all.length === 0) {
      if (input.role !== 'admin') throw new DomainError('SCOPE_NOT_ALLOWED', { role: input.role, scope: 'first user' });
      if (!input.cityCode) throw new DomainError('CITY_CODE_REQUIRED', {}, 'cityCode');
      if (input.tenantCode) assertTenantCodeFormat(input.tenantCode);
      const created = await createTenantWithAdmin(
        tx,
        { ...input, cityName: input.cityName ?? defaultCityName, cityCode: input.cityCode, passwordHash },
        now,
      );
      return { username: input.username, role: input.role, tenantName: created.tenant.name };
    }
    const codes = all.map((tenant) => tenant.code);
    if (input.cityName !== undefined || input.cityCode !== undefined) {
      throw new DomainError('CONSOLE_CITY_EXISTS', { tenants: codes }, 'cityCode');
    }
    if (!input.tenantCode) throw new DomainError('CONSOLE_TENANT_REQUIRED', { tenants: codes }, 'tenant');
    const existing = all.find((tenant) => tenant.code === input.tenantCode);
    if (!existing) throw new DomainError('TENANT_UNKNOWN', { tenantCode: input.tenantCode, tenants: codes }, 'tenant');
    const unit = input.orgUnitCode
      ? await findOrgUnitByCode(tx, existing.id, input.orgUnitCode)
      : await findRootOrgUnit(tx, existing.id);
    if (!unit) throw new DomainError('NOT_FOUND', {}, 'orgUnit');
    const id = await insertUser(tx, staffRow(existing.id, unit.id, input, passwordHash, now));
    await recordChange(
      tx,
      systemActor(existing.id, 'console'),
      {
        action: 'create',
        entity: 'user',
        entityId: id,
        after: { username: input.username, role: input.role, orgUnitId: unit.id },
      },
      now,
    );
    return { username: input.username, role: input.role, tenantName: existing.name };
  });
}
