import { describe, expect, it } from 'vitest';
import { digitPrefixUpperBound, gramOfQuery, gramsOf, searchKeysOf, searchShapeOf } from './customer-search.rules.ts';

describe(searchShapeOf.name, () => {
  it.each([
    ['350604', 'number'],
    ['0596-1234567', 'number'],
    ['hxbl', 'letters'],
    ['ZS', 'letters'],
    ['龙海', 'text'],
    ['KTV之家', 'text'],
    ['7-11便利', 'text'],
  ])('%s is a %s query', (query, shape) => {
    expect(searchShapeOf(query)).toBe(shape);
  });
});

describe(gramsOf.name, () => {
  it('takes every distinct 1- and 2-character gram', () => {
    expect(gramsOf('龙海龙海').sort()).toEqual(['龙', '海', '龙海', '海龙'].sort());
  });

  it('lower-cases Latin letters and keeps digits', () => {
    expect(gramsOf('KTV8').sort()).toEqual(['k', 't', 'v', '8', 'kt', 'tv', 'v8'].sort());
  });

  it('ends a run at punctuation and spaces, and never joins two texts', () => {
    const grams = gramsOf('KTV·之家', '张三 李四');
    expect(grams).not.toContain('v之');
    expect(grams).not.toContain('家张');
    expect(grams).not.toContain('三李');
    expect(grams).toContain('之家');
    expect(grams).toContain('李四');
  });

  it('has no grams for empty or punctuation-only text', () => {
    expect(gramsOf('', '··· ')).toEqual([]);
  });

  it('finds by gram exactly what a substring search finds, for every 1–2 character query', () => {
    const text = '龙海区石码镇解放路18号';
    const grams = new Set(gramsOf(text));
    const characters = [...text];
    for (let start = 0; start < characters.length; start += 1) {
      for (const length of [1, 2]) {
        const query = characters.slice(start, start + length).join('');
        if ([...query].length === length) expect(grams.has(query)).toBe(true);
      }
    }
    expect(grams.size).toBe(
      new Set(characters).size + new Set(characters.slice(1).map((c, i) => characters[i] + c)).size,
    );
  });
});

describe(gramOfQuery.name, () => {
  it.each([
    ['龙', '龙'],
    ['龙海', '龙海'],
    ['ZS', 'zs'],
    ['8号', '8号'],
    ['龙海区', undefined],
    ['', undefined],
    ['龙·', undefined],
    ['·', undefined],
  ])('%s → %s', (query, gram) => {
    expect(gramOfQuery(query)).toBe(gram);
  });

  it('counts characters, not UTF-16 units (𠀋 is one character)', () => {
    expect(gramOfQuery('𠀋海')).toBe('𠀋海');
  });
});

describe(digitPrefixUpperBound.name, () => {
  it.each([
    ['350629', '35063'],
    ['3506', '3507'],
    ['3599', '36'],
    ['0', '1'],
    ['999', undefined],
    ['0596-12', undefined],
  ])('%s → %s', (prefix, bound) => {
    expect(digitPrefixUpperBound(prefix)).toBe(bound);
  });

  it('is above every string with the prefix and not above the prefix itself', () => {
    for (const prefix of ['350604', '35069', '1']) {
      const bound = digitPrefixUpperBound(prefix) ?? '';
      for (const candidate of [prefix, `${prefix}0`, `${prefix}999999`]) expect(candidate < bound).toBe(true);
      expect(bound > prefix).toBe(true);
      expect(bound.startsWith(prefix)).toBe(false);
    }
  });
});

describe(searchKeysOf.name, () => {
  it('gives the pinyin and initials of the store name and of the owner, and the grams of each', () => {
    const keys = searchKeysOf({ name: '恒兴便利店', owner: '张三', address: '龙海区石码镇解放路18号' });
    expect(keys).toMatchObject({
      namePinyin: 'hengxingbianlidian',
      nameInitials: 'hxbld',
      ownerPinyin: 'zhangsan',
      ownerInitials: 'zs',
    });
    expect(keys.nameGrams).toContain('便利');
    expect(keys.nameGrams).not.toContain('张三');
    expect(keys.ownerAddressGrams).toEqual(expect.arrayContaining(['张三', '龙海', '18', '8号']));
    expect(keys.ownerAddressGrams).not.toContain('便利');
  });

  it('leaves the pinyin empty for a name without letters', () => {
    expect(searchKeysOf({ name: '···', owner: '···', address: '···' })).toEqual({
      namePinyin: null,
      nameInitials: null,
      ownerPinyin: null,
      ownerInitials: null,
      nameGrams: [],
      ownerAddressGrams: [],
    });
  });
});
