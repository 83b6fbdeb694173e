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

// Someone acting outside a request (the CLI, the demo generator, a scheduled job).
export function systemActor(tenantId: number, name = 'system'): Actor {
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
