import type { Role } from '../roles.ts';

export type DataScope =
  | { kind: 'org'; orgUnitId: number | null; orgUnitName: string | null }
  | { kind: 'own' }
  | { kind: 'customer'; customerId: number | null };

// GET /api/v1/auth/me. Written by hand: the server declares this answer inside auth.routes.ts and
// does not export it; its role is a plain string there, which the web narrows to its role codes.
export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  tenant: { id: number; name: string };
  orgUnit: { id: number; name: string } | null;
  scope: DataScope;
  mustChangePassword: boolean;
  // A city-wide administrator of the company that operates the deployment: manages 市公司.
  deploymentOperator: boolean;
};
