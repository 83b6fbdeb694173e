import { pinyin } from 'pinyin-pro';

// Pinyin keys of a store name, stored on write so `hxbl` finds 恒兴便利 by an index prefix:
// the full pinyin without tones or spaces ("hengxingbianli") and the initials ("hxbl").
// Latin letters and digits in a name (KTV, 7-11) are kept as typed, lower-cased, in both keys;
// punctuation and spaces are dropped. pinyin-pro reads the whole name, so a polyphone takes
// the reading its neighbours give it (银行 → yinhang, not yinxing).
export type PinyinKeys = { namePinyin: string | null; nameInitials: string | null };

export function pinyinKeysOf(name: string): PinyinKeys {
  let full = '';
  let initials = '';
  for (const syllable of pinyin(name, { type: 'all', toneType: 'none' })) {
    if (syllable.isZh) {
      full += syllable.pinyin;
      initials += syllable.first;
    } else if (/^[a-z0-9]$/i.test(syllable.origin)) {
      full += syllable.origin.toLowerCase();
      initials += syllable.origin.toLowerCase();
    }
  }
  return full ? { namePinyin: full, nameInitials: initials } : { namePinyin: null, nameInitials: null };
}

// A query the pinyin columns can answer: Latin letters only, as typed on a phone keyboard.
export function isPinyinQuery(query: string): boolean {
  return /^[a-z]+$/i.test(query);
}
