import type { auditMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof auditMessages)['zh-CN'] = {
  menu: {
    audit: 'Audit log',
  },
  audit: {
    title: 'Audit log',
    entity: 'Entity type',
    entityId: 'Entity ID',
    ip: 'IP address',
    startDate: 'Start date',
    endDate: 'End date',
    before: 'Before',
    after: 'After',
    field: 'Field',
    changed: 'Changed',
    noChanges: 'No field changed',
  },
};
