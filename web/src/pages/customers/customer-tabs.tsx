import { byOrder, type CustomerTab } from '../../app/page-module.ts';
import { customerTabs as contributedTabs } from '../../app/page-modules.ts';
import { CustomerHistory } from './components/CustomerHistory.tsx';
import { CustomerProfile } from './components/CustomerProfile.tsx';
import { useCustomer, useCustomerFields } from './customers.api.ts';

// The 360° view opens on the profile and ends with the change history; between them come the tabs
// other page folders bring from their module.tsx (grades, classification, visits, …). These two
// are loaded with the view itself, so the profile shows as soon as the customer does.
const ownTabs: readonly CustomerTab[] = [
  { key: 'profile', labelKey: 'customers.detail.tabs.profile', order: 100, component: CustomerProfileTab },
  { key: 'history', labelKey: 'customers.detail.tabs.history', order: 900, component: CustomerHistory },
];

export const customerTabs: readonly CustomerTab[] = byOrder([...ownTabs, ...contributedTabs]);

// The view has already loaded the customer and the fields: these read the same cached queries.
function CustomerProfileTab({ customerId }: { customerId: number }) {
  const customer = useCustomer(customerId).data;
  const fields = useCustomerFields().data ?? [];
  return customer ? <CustomerProfile customer={customer} fields={fields} /> : null;
}
