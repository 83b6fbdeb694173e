import { describe, expect, it } from 'vitest';
import { pinyinOf } from './customer-pinyin.ts';

describe(pinyinOf.name, () => {
  it.each([
    ['恒兴便利', 'hengxingbianli', 'hxbl'],
    ['恒兴便利店', 'hengxingbianlidian', 'hxbld'],
    // A polyphone reads as its neighbours say: 行 in 银行 is hang.
    ['银行旁便利店', 'yinhangpangbianlidian', 'yhpbld'],
    ['KTV·之家 1号', 'ktvzhijia1hao', 'ktvzj1h'],
    ['龙海食杂店', 'longhaishizadian', 'lhszd'],
  ])('store name %s → %s / %s', (name, full, initials) => {
    expect(pinyinOf(name)).toEqual({ full, initials });
  });

  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['郑海生', 'zhenghaisheng', 'zhs'],
    // Surnames with their own reading: 曾 zeng (not ceng), 单 shan (not dan).
    ['曾晓东', 'zengxiaodong', 'zxd'],
    ['单雄信', 'shanxiongxin', 'sxx'],
  ])('person %s → %s / %s', (person, full, initials) => {
    expect(pinyinOf(person, 'person')).toEqual({ full, initials });
  });

  it('has no pinyin for text without letters', () => {
    expect(pinyinOf('···')).toBeNull();
  });
});
