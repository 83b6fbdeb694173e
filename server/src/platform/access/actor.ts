import type { SystemActorName } from '../audit/audit-catalogue.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Role } from '../identity/identity.schema.ts';
import type { DataScope } from './data-scope.ts';

// The signed-in user behind a request, as services need it: who, which tenant, which scope.
export type Actor = {
  userId: number;
  tenantId: number;
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
  sessionId: string;
  ip: string;
  requestId: string;
};

// The store a retailer acts for. Portal routes admit retailers only; a caller without a store
// (never a retailer) is refused as a wrong role would be.
export function retailerStoreOf(actor: Actor): number {
  if (actor.scope.kind !== 'customer') throw new DomainError('FORBIDDEN');
  return actor.scope.customerId;
}

// Someone acting outside a request (the CLI, the demo generator, a scheduled job), by a name the
// audit catalogues declare (the console translates it); `detail` narrows it (`gateway:sms`).
export function systemActor(tenantId: number, actorName: SystemActorName = 'system', detail?: string): Actor {
  const name = detail ? `${actorName}:${detail}` : actorName;
  return {
    userId: 0,
    tenantId,
    username: name,
    displayName: name,
    role: 'admin',
    scope: { kind: 'org', orgUnitId: 0, orgPath: '/', orgUnitName: '' },
    sessionId: '',
    ip: 'local',
    requestId: name,
  };
}
