import type { AccessRule } from '../../app/access.ts';

// Who opens the visits pages: every staff role reads visits within its data scope — a customer
// manager only their own stores'. What each may change is asked of the server (useCan).
export const readVisits: AccessRule = { access: ['admin', 'marketing', 'service', 'inspector', 'manager'] };
