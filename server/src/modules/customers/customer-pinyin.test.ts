import { describe, expect, it } from 'vitest';
import { pinyinKeysOf } from './customer-pinyin.ts';

describe(pinyinKeysOf.name, () => {
  it.each([
    ['恒兴便利', 'hengxingbianli', 'hxbl'],
    ['恒兴便利店', 'hengxingbianlidian', 'hxbld'],
    // A polyphone reads as its neighbours say: 行 in 银行 is hang.
    ['银行旁便利店', 'yinhangpangbianlidian', 'yhpbld'],
    ['KTV·之家 1号', 'ktvzhijia1hao', 'ktvzj1h'],
    ['龙海食杂店', 'longhaishizadian', 'lhszd'],
  ])('%s → %s / %s', (name, namePinyin, nameInitials) => {
    expect(pinyinKeysOf(name)).toEqual({ namePinyin, nameInitials });
  });

  it('has no keys for a name without letters', () => {
    expect(pinyinKeysOf('···')).toEqual({ namePinyin: null, nameInitials: null });
  });
});
