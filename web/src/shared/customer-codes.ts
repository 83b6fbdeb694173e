import type { customerSchema } from '../../../server/src/modules/customers/customers.contract.ts';
import type { SameCodes, Wire } from './wire.ts';

type Customer = Wire<typeof customerSchema>;

// The server's code lists (server/src/modules/customers/customers.schema.ts and
// customer-reference.ts), kept here at runtime for the selects and checked against the
// customer contract; the Chinese labels live in the i18n files under `customers.*`. The customer
// pages use them, and so do supply (formats, urban/rural) and classification (classes).
export const customerFormats = [
  'convenience',
  'supermarket',
  'grocery',
  'tobacco_liquor',
  'entertainment',
  'mall',
  'other',
] as const;
export type CustomerFormat = SameCodes<(typeof customerFormats)[number], Customer['format']>;

export const customerStatuses = ['active', 'suspended', 'closed', 'cancelled'] as const;
export type CustomerStatus = SameCodes<(typeof customerStatuses)[number], Customer['status']>;

export const urbanRuralKinds = ['urban', 'rural'] as const;
export type UrbanRural = SameCodes<(typeof urbanRuralKinds)[number], Customer['urbanRural']>;

export const orderChannels = ['online', 'phone', 'visit'] as const;
export type OrderChannel = SameCodes<(typeof orderChannels)[number], Customer['orderChannel']>;

// 客户分类 (set by the classification module) and the demonstration sub-types.
export const customerClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export type CustomerClass = SameCodes<(typeof customerClasses)[number], NonNullable<Customer['class']>>;
export const demoTypes = ['brand', 'terminal', 'information'] as const;
export type DemoType = SameCodes<(typeof demoTypes)[number], NonNullable<Customer['demoType']>>;
export const classColors: Record<CustomerClass, string> = {
  demonstration: 'gold',
  growth: 'green',
  ordinary: 'blue',
  special: 'red',
};

export const orderDays = [1, 2, 3, 4, 5, 6, 7] as const;

export const customerSortFields = ['licenceNo', 'name', 'updatedAt'] as const;
export type CustomerSortField = (typeof customerSortFields)[number];
export type CustomerSort = CustomerSortField | `-${CustomerSortField}`;

export const statusColors: Record<CustomerStatus, string> = {
  active: 'green',
  suspended: 'orange',
  closed: 'default',
  cancelled: 'red',
};

// The server's rule (customer.rules.ts): 正常 ↔ 暂停, → 歇业, 歇业 → 正常; 注销 is final.
// The console offers only these; the server still decides.
const allowedTransitions: Record<CustomerStatus, readonly CustomerStatus[]> = {
  active: ['suspended', 'closed', 'cancelled'],
  suspended: ['active', 'closed', 'cancelled'],
  closed: ['active', 'cancelled'],
  cancelled: [],
};

export function nextStatuses(from: CustomerStatus): readonly CustomerStatus[] {
  return allowedTransitions[from];
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
