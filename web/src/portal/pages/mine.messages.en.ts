import type { portalMineMessages } from './mine.messages.ts';

// English, typed as the Chinese: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalMineMessages)['zh-CN'] = {
  portal: {
    storeName: 'Store name',
    account: 'Account',
    changePassword: 'Change password',
    mustChangePassword:
      'You are using the initial password from your customer manager. Please set your own password first.',
  },
};
