import type { homeMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof homeMessages)['zh-CN'] = {
  menu: {
    home: 'Dashboard',
  },
  home: {
    greeting: 'Hello, {{name}}',
    role: 'Role',
    orgUnit: 'Organisation unit',
    dataScope: 'Data scope',
    usersTotal: 'Users',
    orgUnitsTotal: 'Organisation units',
    usersByRole: 'Users by role',
    shortcuts: 'Shortcuts',
  },
};
