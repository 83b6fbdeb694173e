import { isPinyinQuery, type Pinyin, pinyinOf } from './customer-pinyin.ts';

// What a query in the one search box can be, by its characters. Each shape is answered by its own
// index: digits by the licence prefix and the phone, Latin letters by the pinyin keys (and the
// few Latin store names, e.g. KTV), anything else by a substring of name, owner and address.
export type SearchShape = 'number' | 'letters' | 'text';

export function searchShapeOf(query: string): SearchShape {
  if (/^[0-9][0-9-]*$/.test(query)) return 'number';
  if (isPinyinQuery(query)) return 'letters';
  return 'text';
}

// ---- Grams: 1- and 2-character substrings, for the queries trigrams cannot serve ----
//
// A trigram index needs 3 characters, but Chinese is searched with 1 or 2 (龙海, 恒). So each
// customer stores the distinct 1- and 2-character grams of its name, and of its owner and
// address, in two indexed arrays; a 1–2 character query is then one GIN lookup (`@>`), exact,
// with no recheck. Grams are taken over runs of letters and digits, lower-cased: punctuation and
// spaces end a run (a query containing them is answered by LIKE instead).

const wordCharacter = /[\p{L}\p{N}]/u;

export function gramsOf(...texts: string[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    let previous = '';
    for (const character of text.toLowerCase()) {
      if (!wordCharacter.test(character)) {
        previous = '';
        continue;
      }
      grams.add(character);
      if (previous) grams.add(previous + character);
      previous = character;
    }
  }
  return [...grams];
}

// The gram a query is, when the gram arrays can answer it: 1 or 2 letters or digits.
export function gramOfQuery(query: string): string | undefined {
  const characters = [...query.toLowerCase()];
  if (characters.length < 1 || characters.length > 2) return undefined;
  return characters.every((character) => wordCharacter.test(character)) ? characters.join('') : undefined;
}

// ---- Licence prefixes ----

// The smallest string above every string starting with a digit prefix ('350629' → '35063',
// '3599' → '36'); undefined when there is none ('999'). With it, a prefix is a range the
// (tenant_id, licence_no) index answers in its own order, under any collation.
export function digitPrefixUpperBound(prefix: string): string | undefined {
  if (!/^\d+$/.test(prefix)) return undefined;
  const trimmed = prefix.replace(/9+$/, '');
  if (!trimmed) return undefined;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

// ---- What a customer stores for search, computed on every write ----

export type CustomerSearchKeys = {
  namePinyin: string | null;
  nameInitials: string | null;
  ownerPinyin: string | null;
  ownerInitials: string | null;
  nameGrams: string[];
  ownerAddressGrams: string[];
};

// Pinyin already worked out, by text: an import meets the same owners' names and store names many
// times, and pinyin is the dearest part of the search keys. Bounded: emptied when full.
export type PinyinMemo = { name: Map<string, Pinyin | null>; person: Map<string, Pinyin | null>; limit: number };

export function createPinyinMemo(limit = 50_000): PinyinMemo {
  return { name: new Map(), person: new Map(), limit };
}

function rememberedPinyin(text: string, kind: 'name' | 'person', memo: PinyinMemo | undefined): Pinyin | null {
  if (!memo) return pinyinOf(text, kind);
  const known = memo[kind];
  let pinyin = known.get(text);
  if (pinyin === undefined) {
    pinyin = pinyinOf(text, kind);
    if (known.size >= memo.limit) known.clear();
    known.set(text, pinyin);
  }
  return pinyin;
}

// Every write path (create, edit, import, the demo) stores these with the customer, so that a
// store is found the same way however it arrived. A memo only saves work: the keys are the same.
export function searchKeysOf(
  customer: { name: string; owner: string; address: string },
  memo?: PinyinMemo,
): CustomerSearchKeys {
  const name = rememberedPinyin(customer.name, 'name', memo);
  const owner = rememberedPinyin(customer.owner, 'person', memo);
  return {
    namePinyin: name?.full ?? null,
    nameInitials: name?.initials ?? null,
    ownerPinyin: owner?.full ?? null,
    ownerInitials: owner?.initials ?? null,
    nameGrams: gramsOf(customer.name),
    ownerAddressGrams: gramsOf(customer.owner, customer.address),
  };
}
