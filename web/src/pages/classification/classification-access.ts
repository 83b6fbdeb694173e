import type { AccessRule } from '../../app/access.ts';

// Who may do what on the classification pages (the server checks the same roles); every staff
// role reads, the API narrowing a manager to their own stores.
export const manageClassification: AccessRule = { access: ['admin', 'marketing'] };
export const reviewProposals: AccessRule = { access: ['admin', 'marketing', 'manager'] };
export const inspectClassification: AccessRule = { access: ['admin', 'marketing', 'inspector'] };
