import type { ReactNode } from 'react';
import type { AccessRule } from '../../app/access.ts';
import type { Messages } from '../../shared/i18n/zh-CN.ts';
import { CustomerClassification } from '../classification/components/CustomerClassification.tsx';
import { CustomerGrades } from '../supply/components/CustomerGrades.tsx';
import { CustomerVisits } from '../visits/components/CustomerVisits.tsx';
import { readVisits } from '../visits/visits-access.ts';
import { CustomerHistory } from './components/CustomerHistory.tsx';
import { CustomerProfile } from './components/CustomerProfile.tsx';
import type { Customer, CustomField } from './customers.api.ts';

export type CustomerTabContext = { customer: Customer; fields: readonly CustomField[] };

// The 360° view's tabs. A module that brings data about a customer (orders, visits,
// complaints, …) adds one entry here; tabs for data the product does not have are not shown.
export type CustomerTab = {
  key: string;
  labelKey: `customers.detail.tabs.${keyof Messages['customers']['detail']['tabs']}`;
  render: (context: CustomerTabContext) => ReactNode;
  // Roles that see the tab (default: everyone who opens the customer).
  access?: AccessRule['access'];
};

export const customerTabs: readonly CustomerTab[] = [
  {
    key: 'profile',
    labelKey: 'customers.detail.tabs.profile',
    render: ({ customer, fields }) => <CustomerProfile customer={customer} fields={fields} />,
  },
  {
    key: 'grades',
    labelKey: 'customers.detail.tabs.grades',
    render: ({ customer }) => <CustomerGrades customerId={customer.id} />,
  },
  {
    key: 'classification',
    labelKey: 'customers.detail.tabs.classification',
    render: ({ customer }) => <CustomerClassification customerId={customer.id} />,
  },
  {
    key: 'visits',
    labelKey: 'customers.detail.tabs.visits',
    access: readVisits.access,
    render: ({ customer }) => <CustomerVisits customerId={customer.id} />,
  },
  {
    key: 'history',
    labelKey: 'customers.detail.tabs.history',
    render: ({ customer }) => <CustomerHistory customerId={customer.id} />,
  },
];
