import { describe, expect, it } from 'vitest';
import {
  describeSegment,
  failedSegment,
  type Segment,
  type SegmentKey,
  type SegmentStore,
  segmentProblems,
} from './segment.rules.ts';

describe(segmentProblems.name, () => {
  it.each<[string, Segment]>([
    ['everyone (no key)', {}],
    [
      'every key at once',
      {
        classes: ['demonstration', 'growth'],
        demoTypes: ['brand'],
        formats: ['convenience', 'supermarket'],
        branchIds: [12, 13],
        districtCodes: ['350602'],
        urbanRural: ['urban'],
        gradeMin: 5,
        gradeMax: 30,
      },
    ],
    ['one grade', { gradeMin: 30, gradeMax: 30 }],
    ['only a lowest grade', { gradeMin: 1 }],
  ])('accepts %s', (_, segment) => {
    expect(segmentProblems(segment)).toEqual([]);
  });

  it.each<[string, Segment, string, string]>([
    ['an empty class list', { classes: [] }, '“客户分类”为空，没有客户符合（不限请不填）', 'the classes list is empty'],
    ['an empty demonstration-type list', { demoTypes: [] }, '“示范类型”为空', 'the demonstration types list is empty'],
    ['an empty branch list', { branchIds: [] }, '“分公司”为空', 'the branches list is empty'],
    ['a list that is not a list', { formats: 'mall' as never }, '“业态”为空', 'the formats list is empty'],
    ['an unknown class', { classes: ['vip' as never] }, '未知的客户分类：vip', 'unknown classes: vip'],
    [
      'an unknown demonstration type',
      { demoTypes: ['image' as never] },
      '未知的示范类型：image',
      'unknown demonstration types: image',
    ],
    ['an unknown format', { formats: ['kiosk' as never] }, '未知的业态：kiosk', 'unknown formats: kiosk'],
    [
      'an unknown urban/rural value',
      { urbanRural: ['suburb' as never] },
      '未知的城乡：suburb',
      'unknown urban/rural: suburb',
    ],
    ['a branch id that is no id', { branchIds: [0] }, '未知的分公司：0', 'unknown branches: 0'],
    ['a fractional branch id', { branchIds: [1.5] }, '未知的分公司：1.5', 'unknown branches: 1.5'],
    ['a district code that is no code', { districtCodes: ['3506'] }, '未知的区县：3506', 'unknown districts: 3506'],
    ['a value listed twice', { formats: ['mall', 'mall'] }, '业态重复：mall', 'formats listed twice: mall'],
    [
      'a grade below 1',
      { gradeMin: 0 },
      '档位下限须为 1–30 的整数（0）',
      'the lowest grade must be a whole number from 1 to 30 (0)',
    ],
    [
      'a grade above 30',
      { gradeMax: 31 },
      '档位上限须为 1–30 的整数（31）',
      'the highest grade must be a whole number from 1 to 30 (31)',
    ],
    ['a fractional grade', { gradeMin: 2.5 }, '档位下限须为 1–30 的整数（2.5）', '(2.5)'],
    [
      'a lowest grade above the highest',
      { gradeMin: 20, gradeMax: 10 },
      '档位下限 20 大于上限 10',
      'the lowest grade 20 is above the highest 10',
    ],
    ['an unknown key', { tier: [1] } as never, '客户范围中未知的条件：tier', 'unknown segment key: tier'],
    [
      'a list too long',
      { branchIds: Array.from({ length: 501 }, (_, index) => index + 1) },
      '“分公司”最多 500 项（501）',
      'at most 500 values (501)',
    ],
  ])('refuses %s, naming it in both languages', (_, segment, zh, en) => {
    const problems = segmentProblems(segment);
    expect(problems.map((problem) => problem.zh).join('；')).toContain(zh);
    expect(problems.map((problem) => problem.en).join('; ')).toContain(en);
  });

  it('refuses what is not an object', () => {
    expect(segmentProblems(null as never)).toEqual([{ zh: '客户范围须为一个对象', en: 'a segment must be an object' }]);
  });

  it.each<[string, Segment, number]>([
    ['a branch the tenant has', { branchIds: [12] }, 0],
    ['a branch it does not have', { branchIds: [12, 99] }, 1],
    ['a district it serves', { districtCodes: ['350602'] }, 0],
    ['a district it does not serve', { districtCodes: ['110101'] }, 1],
  ])('checks against the tenant vocabulary when given: %s', (_, segment, count) => {
    expect(segmentProblems(segment, { branchIds: [12, 13], districtCodes: ['350602', '350603'] })).toHaveLength(count);
  });
});

describe(failedSegment.name, () => {
  const store: SegmentStore = {
    customerClass: 'demonstration',
    demoType: 'brand',
    format: 'convenience',
    branchId: 12,
    districtCode: '350602',
    urbanRural: 'urban',
    grade: 12,
  };

  it.each<[string, Partial<SegmentStore>, Segment | undefined, SegmentKey[]]>([
    ['no segment: everyone', {}, undefined, []],
    ['the empty segment: everyone', {}, {}, []],
    [
      'in every key',
      {},
      {
        classes: ['demonstration'],
        demoTypes: ['brand', 'terminal'],
        formats: ['convenience'],
        branchIds: [12],
        districtCodes: ['350602'],
        urbanRural: ['urban'],
        gradeMin: 12,
        gradeMax: 12,
      },
      [],
    ],
    ['another class', { customerClass: 'growth' }, { classes: ['demonstration'] }, ['classes']],
    ['not yet classified', { customerClass: null }, { classes: ['demonstration'] }, ['classes']],
    ['another demonstration type', { demoType: 'terminal' }, { demoTypes: ['brand'] }, ['demoTypes']],
    [
      'no demonstration type (not a demonstration store)',
      { customerClass: 'growth', demoType: null },
      { demoTypes: ['brand'] },
      ['demoTypes'],
    ],
    ['another format', { format: 'mall' }, { formats: ['convenience'] }, ['formats']],
    ['another branch', { branchId: 13 }, { branchIds: [12] }, ['branchIds']],
    ['another district', { districtCode: '350603' }, { districtCodes: ['350602'] }, ['districtCodes']],
    ['rural', { urbanRural: 'rural' }, { urbanRural: ['urban'] }, ['urbanRural']],
    ['below the lowest grade', { grade: 4 }, { gradeMin: 5 }, ['gradeMin']],
    ['above the highest grade', { grade: 30 }, { gradeMax: 29 }, ['gradeMax']],
    ['no grade yet (0) counts as grade 1', { grade: 0 }, { gradeMin: 1, gradeMax: 1 }, []],
    [
      'several keys, in key order',
      { format: 'mall', branchId: 13, grade: 1 },
      { gradeMin: 2, branchIds: [12], formats: ['grocery'] },
      ['formats', 'branchIds', 'gradeMin'],
    ],
  ])('%s', (_, overrides, segment, failed) => {
    expect(failedSegment({ ...store, ...overrides }, segment)).toEqual(failed);
  });
});

describe(describeSegment.name, () => {
  it.each<[Segment, string, string]>([
    [{}, '全部客户', 'every store'],
    [
      { formats: ['convenience', 'supermarket'], gradeMin: 10 },
      '业态：便利店、超市；档位 10–30',
      'formats: convenience store, supermarket; grade 10–30',
    ],
    [
      { classes: ['demonstration'], demoTypes: ['brand'], urbanRural: ['rural'] },
      '客户分类：示范客户；示范类型：品牌示范型；城乡：乡村',
      'classes: demonstration; demonstration types: brand; urban/rural: rural',
    ],
  ])('%j', (segment, zh, en) => {
    expect(describeSegment(segment, 'zh-CN')).toBe(zh);
    expect(describeSegment(segment, 'en')).toBe(en);
  });
});
