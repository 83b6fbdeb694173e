import { hashPassword } from '../platform/auth/password-hashing.ts';
import { insertUser } from '../platform/identity/identity.repository.ts';
import type { Role } from '../platform/identity/identity.schema.ts';
import { type TestApp, testPassword } from './test-app.ts';

type StaffRole = Exclude<Role, 'retailer'>;

// argon2id is slow on purpose: the test password is hashed once for every account made here.
let passwordHash: Promise<string> | undefined;

// A staff account placed in one org unit whose data scope is that unit's subtree ('org') or, for
// a manager, its own stores ('own'): a marketer of 市区营销部, say. It signs in with the test
// password and needs no password change. Returns the user's id.
export async function addStaff(
  t: TestApp,
  input: { username: string; role: StaffRole; orgUnitId: number; tenantId?: number; scopeKind?: 'org' | 'own' },
): Promise<number> {
  const scopeKind = input.scopeKind ?? 'org';
  passwordHash ??= hashPassword(testPassword);
  const now = t.clock.now;
  return insertUser(t.database.db, {
    tenantId: input.tenantId ?? t.city.tenantId,
    username: input.username,
    displayName: input.username,
    passwordHash: await passwordHash,
    role: input.role,
    orgUnitId: input.orgUnitId,
    scopeKind,
    scopeOrgUnitId: scopeKind === 'org' ? input.orgUnitId : null,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
}
