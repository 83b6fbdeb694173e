import type { portalMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalMessages)['zh-CN'] = {
  portal: {
    title: 'Retailer portal',
    licenceNo: 'Tobacco licence number',
    licenceNoPlaceholder: '12-digit licence number',
    licenceNoInvalid: 'Enter the 12-digit licence number',
    password: 'Password',
    passwordRequired: 'Please enter your password',
    showPassword: 'Show what I typed',
    loading: 'Loading…',
    login: 'Sign in',
    loginHelp: 'First time? Ask your customer manager for a password.',
    staffLink: 'Staff sign-in',
    goOrder: 'Order now',
    goOrders: 'My orders',
    goReportPrice: 'Report a price',
    welcome: 'Welcome back',
    licence: 'Licence number',
    logout: 'Sign out',
    logoutConfirm: 'Sign out now?',
    notRetailer: 'You are signed in with a staff account. Please sign in as a retailer.',
    goToConsole: 'Go to the staff console',
    tabs: {
      services: 'Services',
      home: 'Home',
      mine: 'Me',
      order: 'Order',
      orders: 'My orders',
      tickets: 'Complaints',
    },
  },
  portalCredit: {
    homeTitle: 'My credit',
    homeLevel: 'Level {{level}}',
    homeScore: '{{score}} points',
    homeAppeal: 'Appeal under review',
    homeAction: 'View',
  },
  portalNews: {
    homeTitle: 'Latest news',
    homeAction: 'Read the news ({{count}} unread)',
    remind: 'Important, please confirm: {{title}}',
  },
  portalSurveys: {
    homeTitle: 'A questionnaire is waiting for you',
    homeMore: '{{count}} more questionnaires to answer',
    homeAction: 'Answer now',
    closesOn: 'Closes {{date}}',
  },
};
