import type { AccessRule } from '../../app/access.ts';

// Who may do what with visits (the server checks the same roles). Every staff role reads visits
// within its data scope — a customer manager only their own stores'; the marketing centre and
// admins set the standards.
export const readVisits: AccessRule = { access: ['admin', 'marketing', 'service', 'inspector', 'manager'] };
export const setVisitStandards: AccessRule = { access: ['admin', 'marketing'] };
export const setStoreStandards: AccessRule = { access: ['admin', 'marketing', 'manager'] };
