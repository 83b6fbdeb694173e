import type { portalServicesMessages } from './services.messages.ts';

// English, typed as the Chinese: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalServicesMessages)['zh-CN'] = {
  portal: {
    services: {
      title: 'My service menu',
      myClass: 'My class: {{class}}',
      unclassified: 'Not yet classified: served as an ordinary store.',
      request: 'Request',
      requested: 'Requested',
      sent: 'Request sent; your customer manager will serve it on a visit',
      myRequests: 'My requests',
      none: 'No requests yet',
      status: { open: 'Open', fulfilled: 'Fulfilled', cancelled: 'Cancelled' },
    },
  },
};
