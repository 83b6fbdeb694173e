import type { tenantsMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof tenantsMessages)['zh-CN'] = {
  menu: {
    tenants: 'City companies',
  },
  tenants: {
    title: 'City companies',
    intro:
      'The city companies this deployment serves. A new one gets the districts and root org unit of its city and its first administrator.',
    add: 'Add a city company',
    create: 'Create',
    name: 'Company name',
    code: 'Company code',
    codeHelp:
      'Starts with a lowercase letter; letters, digits and hyphens, e.g. xiamen. The console commands take it as --tenant.',
    codeRule: 'Use 2–32 lowercase letters, digits or hyphens, starting with a letter',
    province: 'Province',
    initialPassword: 'Initial password',
    firstSignIn: 'The administrator changes this password at first sign-in.',
    created: 'City company {{code}} created, administrator {{username}}.',
  },
};
