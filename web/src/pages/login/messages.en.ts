import type { loginMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof loginMessages)['zh-CN'] = {
  auth: {
    title: 'Sign in',
    subtitle: 'Staff console',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    submit: 'Sign in',
    failed: 'Sign-in failed',
    setupNeeded: 'The system has not been set up yet: there are no users.',
    setupLink: 'Set up the system',
    retailerHint: 'Retailers, please use the',
    retailerLink: 'retailer portal',
  },
};
