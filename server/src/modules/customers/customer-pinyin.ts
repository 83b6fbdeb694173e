import { pinyin } from 'pinyin-pro';

// Pinyin of a store name or a person's name, stored on write so `hxbl` finds 恒兴便利 and `zs`
// finds 张三 by an index prefix: the full pinyin without tones or spaces ("hengxingbianli") and
// the initials ("hxbl"). Latin letters and digits (KTV, 7-11) are kept as typed, lower-cased, in
// both; punctuation and spaces are dropped. pinyin-pro reads the whole text, so a polyphone takes
// the reading its neighbours give it (银行 → yinhang); a person's first character is read as a
// surname (曾 → zeng, 单 → shan).
export type Pinyin = { full: string; initials: string };

export function pinyinOf(text: string, kind: 'name' | 'person' = 'name'): Pinyin | null {
  let full = '';
  let initials = '';
  const syllables = pinyin(text, {
    type: 'all',
    toneType: 'none',
    ...(kind === 'person' ? { surname: 'head' as const } : {}),
  });
  for (const syllable of syllables) {
    if (syllable.isZh) {
      full += syllable.pinyin;
      initials += syllable.first;
    } else if (/^[a-z0-9]$/i.test(syllable.origin)) {
      full += syllable.origin.toLowerCase();
      initials += syllable.origin.toLowerCase();
    }
  }
  return full ? { full, initials } : null;
}

// A query the pinyin columns can answer: Latin letters only, as typed on a phone keyboard.
export function isPinyinQuery(query: string): boolean {
  return /^[a-z]+$/i.test(query);
}
