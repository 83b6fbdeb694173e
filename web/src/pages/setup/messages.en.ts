import type { setupMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof setupMessages)['zh-CN'] = {
  setup: {
    title: 'Set up Kewo',
    description: 'Create the city company and the first administrator. This page can be used only once.',
    password: 'Password',
    submit: 'Create administrator',
    notNeeded: 'The system is already set up.',
    goToLogin: 'Go to sign-in',
  },
};
