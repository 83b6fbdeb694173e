import { isPinyinQuery } from './customer-pinyin.ts';

// What a query in the one search box can be, by its characters. Each shape is answered by its own
// index: digits by the licence prefix and the phone, Latin letters by the pinyin keys (and the
// few Latin store names, e.g. KTV), anything else by a substring of name, owner and address.
export type SearchShape = 'number' | 'letters' | 'text';

export function searchShapeOf(query: string): SearchShape {
  if (/^[0-9][0-9-]*$/.test(query)) return 'number';
  if (isPinyinQuery(query)) return 'letters';
  return 'text';
}
