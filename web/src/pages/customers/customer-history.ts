import type { TFunction } from 'i18next';
import {
  customerFormats,
  customerStatuses,
  isOneOf,
  type OrderChannel,
  orderChannels,
  urbanRuralKinds,
} from '../../shared/customer-codes.ts';
import { diffAuditValues } from '../../shared/json-diff.ts';
import type { CustomerHistoryEntry, CustomField } from './customers.api.ts';

// One changed field of a history entry, ready to read: Chinese label, before → after as text
// ('' = empty).
export type CustomerChange = { key: string; label: string; before: string; after: string };

export type CustomerLabelContext = {
  t: TFunction;
  managerNames: ReadonlyMap<number, string>;
  branchNames: ReadonlyMap<number, string>;
  fields: readonly CustomField[];
};

// The fields a person recognises, in the order the profile shows them. Audit snapshots also
// hold bookkeeping (ids, timestamps, denormalised names): those are not shown as changes.
const fieldOrder = [
  'licenceNo',
  'name',
  'owner',
  'phone',
  'address',
  'district',
  'urbanRural',
  'format',
  'status',
  'statusReason',
  'managerId',
  'branchId',
  'orderDay',
  'orderChannel',
  'latitude',
  'longitude',
  'licenceValidUntil',
  'tags',
] as const;
type KnownField = (typeof fieldOrder)[number];

const customPrefix = 'customFields.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A snapshot with custom fields spread out as `customFields.<key>`, so each is compared alone.
function flatten(snapshot: unknown): Record<string, unknown> {
  if (!isRecord(snapshot)) return {};
  const { customFields, districtCode, districtName, ...rest } = snapshot;
  const flat: Record<string, unknown> = { ...rest };
  // Audit snapshots keep the district as two columns; the API item as one object.
  if (flat.district === undefined && typeof districtCode === 'string')
    flat.district = { code: districtCode, name: typeof districtName === 'string' ? districtName : '' };
  if (isRecord(customFields)) for (const [key, value] of Object.entries(customFields)) flat[customPrefix + key] = value;
  return flat;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function fieldLabel(key: string, context: CustomerLabelContext): string {
  if (key.startsWith(customPrefix)) {
    const fieldKey = key.slice(customPrefix.length);
    return context.fields.find((field) => field.key === fieldKey)?.label ?? fieldKey;
  }
  if (key === 'managerId') return context.t('customers.fields.manager');
  if (key === 'branchId') return context.t('customers.fields.branch');
  return (fieldOrder as readonly string[]).includes(key)
    ? context.t(`customers.fields.${key as Exclude<KnownField, 'managerId' | 'branchId'>}`)
    : key;
}

export function orderDayLabel(day: unknown, t: TFunction): string {
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 7
    ? t(`customers.orderDays.d${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)
    : String(day ?? '');
}

// A stored value as a person reads it: codes become labels, ids become names.
export function fieldValueText(key: string, value: unknown, context: CustomerLabelContext): string {
  const { t } = context;
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) return value.map(String).join('、');
  switch (key) {
    case 'district':
      return isRecord(value) ? `${value.name ?? ''}（${value.code ?? ''}）` : String(value);
    case 'format':
      return isOneOf(customerFormats, value) ? t(`customers.formats.${value}`) : String(value);
    case 'status':
      return isOneOf(customerStatuses, value) ? t(`customers.statuses.${value}`) : String(value);
    case 'urbanRural':
      return isOneOf(urbanRuralKinds, value) ? t(`customers.urbanRuralKinds.${value}`) : String(value);
    case 'orderChannel':
      return isOneOf(orderChannels, value) ? t(`customers.orderChannels.${value as OrderChannel}`) : String(value);
    case 'orderDay':
      return orderDayLabel(value, t);
    case 'managerId':
      return context.managerNames.get(Number(value)) ?? `#${String(value)}`;
    case 'branchId':
      return context.branchNames.get(Number(value)) ?? `#${String(value)}`;
    default:
      return isRecord(value) ? JSON.stringify(value) : String(value);
  }
}

function sortKey(key: string): number {
  const index = (fieldOrder as readonly string[]).indexOf(key);
  if (index >= 0) return index;
  return key.startsWith(customPrefix) ? fieldOrder.length : fieldOrder.length + 1;
}

function isShown(key: string): boolean {
  return (fieldOrder as readonly string[]).includes(key) || key.startsWith(customPrefix);
}

// The changed fields of one history entry, labelled. A creation lists what was filled in.
export function describeCustomerChanges(entry: CustomerHistoryEntry, context: CustomerLabelContext): CustomerChange[] {
  const before = flatten(entry.before);
  const after = flatten(entry.after);
  // Snapshots carry the manager's name beside the id; use it when the reference list lacks it
  // (a manager who left, or one outside the reader's scope).
  const managerNames = new Map(context.managerNames);
  for (const snapshot of [before, after]) {
    if (
      typeof snapshot.managerId === 'number' &&
      typeof snapshot.managerName === 'string' &&
      !managerNames.has(snapshot.managerId)
    )
      managerNames.set(snapshot.managerId, snapshot.managerName);
  }
  const labelled = { ...context, managerNames };
  return diffAuditValues(before, after)
    .filter((row) => row.isChanged && isShown(row.key) && !(isEmpty(row.before) && isEmpty(row.after)))
    .sort((a, b) => sortKey(a.key) - sortKey(b.key))
    .map((row) => ({
      key: row.key,
      label: fieldLabel(row.key, labelled),
      before: fieldValueText(row.key, row.before, labelled),
      after: fieldValueText(row.key, row.after, labelled),
    }))
    .filter((change) => change.before !== change.after);
}
