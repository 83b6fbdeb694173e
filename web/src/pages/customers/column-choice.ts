// The list's columns: built-in ones, then one per custom field (`cf.<key>`). Which are shown is
// the user's choice, remembered in localStorage per user.
export const builtInColumns = [
  'licenceNo',
  'name',
  'owner',
  'phone',
  'address',
  'district',
  'branch',
  'manager',
  'format',
  'urbanRural',
  'status',
  'class',
  'orderDay',
  'orderChannel',
  'licenceValidUntil',
  'tags',
  'updatedAt',
] as const;
export type BuiltInColumn = (typeof builtInColumns)[number];

// The store's name identifies the row (and opens the 360° view): it cannot be hidden.
export const alwaysShownColumns: readonly string[] = ['name'];

export const defaultColumns: readonly string[] = [
  'licenceNo',
  'name',
  'owner',
  'phone',
  'district',
  'manager',
  'format',
  'status',
  'class',
];

export const customColumnKey = (fieldKey: string) => `cf.${fieldKey}`;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function columnStorageKey(username: string): string {
  return `kewo.customers.columns:${username}`;
}

// The saved choice, kept to the columns that still exist (a custom field may have been
// deactivated) and in the order of `available`. Nothing saved, or garbage: the defaults.
export function loadColumnChoice(storage: Storage, key: string, available: readonly string[]): string[] {
  let saved: unknown;
  try {
    saved = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    saved = null;
  }
  const chosen = Array.isArray(saved) ? saved.filter((entry): entry is string => typeof entry === 'string') : null;
  return orderColumns(chosen ?? defaultColumns, available);
}

export function saveColumnChoice(storage: Storage, key: string, columns: readonly string[]): void {
  try {
    storage.setItem(key, JSON.stringify(columns));
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}

// `columns` restricted to `available`, in its order, with the always-shown ones added.
export function orderColumns(columns: readonly string[], available: readonly string[]): string[] {
  const chosen = new Set([...columns, ...alwaysShownColumns]);
  return available.filter((column) => chosen.has(column));
}
