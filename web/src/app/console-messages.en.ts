import type { consoleMessages } from './console-messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof consoleMessages)['zh-CN'] = {
  menu: {
    adminGroup: 'Administration',
  },
  layout: {
    collapse: 'Collapse menu',
    expand: 'Expand menu',
    account: 'My account',
    logout: 'Sign out',
    loggedOut: 'Signed out',
    footer: 'Kewo 客我 · open-source retail customer service system',
    loading: 'Loading…',
  },
  auth: {
    retailerOnly: 'This is a retailer account; taking you to the retailer portal…',
  },
};
