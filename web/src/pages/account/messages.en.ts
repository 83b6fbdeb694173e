import type { accountMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof accountMessages)['zh-CN'] = {
  menu: {
    account: 'My account',
  },
  account: {
    title: 'My account',
    profile: 'Profile',
    mustChange: 'For your security, please change your initial password first.',
    sessions: 'Active sessions',
    sessionsHelp: 'The devices and browsers you are signed in on. Sign out any session you do not recognise.',
    current: 'This session',
    createdAt: 'Signed in',
    lastSeenAt: 'Last active',
    expiresAt: 'Expires',
    ip: 'IP address',
    userAgent: 'Device / browser',
    revoke: 'Sign out',
    revokeConfirm: 'Sign this session out?',
    revokeCurrentConfirm: 'This is your current session; you will need to sign in again. Continue?',
    revoked: 'Session signed out',
  },
};
