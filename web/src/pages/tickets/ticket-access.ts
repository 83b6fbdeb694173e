import type { AccessRule } from '../../app/access.ts';

// Who may do what on the tickets pages (the API checks the same roles).
export const fileTickets: AccessRule = { access: ['admin', 'marketing', 'service', 'manager'] };
export const editLibrary: AccessRule = { access: ['admin', 'marketing', 'service'] };
export const manageChannelKeys: AccessRule = { access: ['admin'] };
