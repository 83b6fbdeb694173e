import type { orgUnitsMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof orgUnitsMessages)['zh-CN'] = {
  menu: {
    orgUnits: 'Organisation',
  },
  orgUnits: {
    title: 'Organisation',
    name: 'Name',
    code: 'Code',
    kind: 'Type',
    kinds: {
      city: 'City company',
      branch: 'County branch',
      department: 'Department',
    },
    createChild: 'Add sub-unit',
    createChildTitle: 'New unit under "{{name}}"',
    editTitle: 'Edit unit: {{name}}',
    created: 'Unit created',
    updated: 'Unit updated',
    nameRequired: 'Please enter a name',
    codeRequired: 'Please enter a code',
    codePattern: 'Letters, digits, hyphens and underscores only',
    codeHelp: 'A unique code for the unit, e.g. 3506-02',
    kindRequired: 'Please choose a type',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    empty: 'No organisation units yet',
  },
};
