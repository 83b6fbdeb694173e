// Pinyin keys of a store name, stored on write so `hxbl` can find 恒兴便利 by an index prefix.
// No pinyin dictionary is installed yet (pinyin-pro is the intended one): until it is wired
// here, both keys are null and pinyin search finds nothing. Search already looks at the columns.
export type PinyinKeys = { namePinyin: string | null; nameInitials: string | null };

export function pinyinKeysOf(_name: string): PinyinKeys {
  return { namePinyin: null, nameInitials: null };
}

// A query the pinyin columns can answer: Latin letters only, as typed on a phone keyboard.
export function isPinyinQuery(query: string): boolean {
  return /^[a-z]+$/i.test(query);
}
