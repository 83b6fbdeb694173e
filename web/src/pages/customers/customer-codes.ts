// Mirrors the server's code lists (server/src/modules/customers/customers.schema.ts and
// customer-reference.ts); the Chinese labels live in the i18n files under `customers.*`.
export const customerFormats = [
  'convenience',
  'supermarket',
  'grocery',
  'tobacco_liquor',
  'entertainment',
  'mall',
  'other',
] as const;
export type CustomerFormat = (typeof customerFormats)[number];

export const customerStatuses = ['active', 'suspended', 'closed', 'cancelled'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

export const urbanRuralKinds = ['urban', 'rural'] as const;
export type UrbanRural = (typeof urbanRuralKinds)[number];

export const orderChannels = ['online', 'phone', 'visit'] as const;
export type OrderChannel = (typeof orderChannels)[number];

// 客户分类 (set by the classification module) and the demonstration sub-types.
export const customerClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export type CustomerClass = (typeof customerClasses)[number];
export const demoTypes = ['brand', 'terminal', 'information'] as const;
export type DemoType = (typeof demoTypes)[number];
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
