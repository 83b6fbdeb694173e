import { describe, expect, it } from 'vitest';
import {
  builtInColumns,
  columnStorageKey,
  defaultColumns,
  loadColumnChoice,
  orderColumns,
  saveColumnChoice,
} from './column-choice.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const available = [...builtInColumns, 'cf.area', 'cf.brands'];
const key = columnStorageKey('marketing');

describe(loadColumnChoice.name, () => {
  it('shows the defaults when nothing was saved', () => {
    expect(loadColumnChoice(memoryStorage(), key, available)).toEqual(defaultColumns);
  });

  it('remembers a saved choice across page loads', () => {
    const storage = memoryStorage();
    saveColumnChoice(storage, key, ['name', 'cf.area', 'tags']);
    expect(loadColumnChoice(storage, key, available)).toEqual(['name', 'tags', 'cf.area']);
  });

  it('keeps choices per user', () => {
    const storage = memoryStorage();
    saveColumnChoice(storage, columnStorageKey('manager01'), ['name', 'phone']);
    expect(loadColumnChoice(storage, key, available)).toEqual(defaultColumns);
  });

  it.each([
    ['not json', '{oops'],
    ['not a list', '{"a":1}'],
    ['numbers', '[1,2]'],
  ])('survives a broken saved value (%s)', (_case, raw) => {
    const columns = loadColumnChoice(memoryStorage({ [key]: raw }), key, available);
    expect(columns).toContain('name');
  });

  it('forgets columns of custom fields that no longer exist', () => {
    const storage = memoryStorage({ [key]: JSON.stringify(['name', 'cf.gone', 'cf.area']) });
    expect(loadColumnChoice(storage, key, available)).toEqual(['name', 'cf.area']);
  });
});

describe(orderColumns.name, () => {
  it('always keeps the store name, the column that opens the 360° view', () => {
    expect(orderColumns(['phone'], available)).toEqual(['name', 'phone']);
  });
});
