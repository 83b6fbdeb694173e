import type { AccessRule } from '../../app/access.ts';

// Who may do what on the supply pages; reading is for every staff role (the API narrows a
// manager to their own stores). The server checks the same roles.
export const manageSupply: AccessRule = { access: ['admin', 'marketing'] };
export const enterPhoneOrders: AccessRule = { access: ['admin', 'service'] };
