import type { CustomerClass, CustomerFormat, DemoType, UrbanRural } from '../customers/index.ts';

// 客户范围 segment: which stores a rule is for, in one vocabulary — the allocation's 限点 (a cycle
// product's eligible stores) and a brand programme's target stores say it the same way. Every present
// key narrows (the keys together: AND; the values of one key: OR); an absent key means everyone. The
// grade is the store's 档位 in the latest published grade run in effect, which is supply's — so the
// segment lives here; the other keys read the customers record (class and its demonstration sub-type,
// business format, branch, district, urban/rural).

export type { CustomerClass, CustomerFormat, DemoType, UrbanRural };

export type Segment = {
  classes?: CustomerClass[]; // 客户分类
  demoTypes?: DemoType[]; // 示范类型 (customers.demo_type): only demonstration stores have one
  formats?: CustomerFormat[]; // 业态
  branchIds?: number[]; // 分公司/营销部: org-unit ids (customers.branch_id)
  districtCodes?: string[]; // 区县 (GB/T 2260)
  urbanRural?: UrbanRural[]; // 城乡
  gradeMin?: number; // 档位 from, 1–30
  gradeMax?: number; // 档位 to, 1–30
};

export type SegmentKey = keyof Segment;
export type SegmentListKey = Exclude<SegmentKey, 'gradeMin' | 'gradeMax'>;

export const minGrade = 1;
export const maxGrade = 30;

// The most values one list may hold (a district list covers a province's districts).
export const maxSegmentListLength = 500;

type Problem = { zh: string; en: string };
type Locale = 'zh-CN' | 'en';

// The vocabularies, by label (a Record, so a value added to the customers schema must be named here).
export const customerClassLabels: Record<Locale, Record<CustomerClass, string>> = {
  'zh-CN': { demonstration: '示范客户', growth: '成长客户', ordinary: '普通客户', special: '特殊客户' },
  en: { demonstration: 'demonstration', growth: 'growth', ordinary: 'ordinary', special: 'special' },
};

export const demoTypeLabels: Record<Locale, Record<DemoType, string>> = {
  'zh-CN': { brand: '品牌示范型', terminal: '终端示范型', information: '信息示范型' },
  en: { brand: 'brand', terminal: 'terminal', information: 'information' },
};

export const customerFormatLabels: Record<Locale, Record<CustomerFormat, string>> = {
  'zh-CN': {
    convenience: '便利店',
    supermarket: '超市',
    grocery: '食杂店',
    tobacco_liquor: '烟酒商店',
    entertainment: '娱乐服务',
    mall: '商场',
    other: '其他',
  },
  en: {
    convenience: 'convenience store',
    supermarket: 'supermarket',
    grocery: 'grocery',
    tobacco_liquor: 'tobacco and liquor shop',
    entertainment: 'entertainment venue',
    mall: 'mall',
    other: 'other',
  },
};

export const urbanRuralLabels: Record<Locale, Record<UrbanRural, string>> = {
  'zh-CN': { urban: '城镇', rural: '乡村' },
  en: { urban: 'urban', rural: 'rural' },
};

// What each key is called, e.g. in "not in the segment (format)".
export const segmentKeyLabels: Record<Locale, Record<SegmentKey, string>> = {
  'zh-CN': {
    classes: '客户分类',
    demoTypes: '示范类型',
    formats: '业态',
    branchIds: '分公司',
    districtCodes: '区县',
    urbanRural: '城乡',
    gradeMin: '档位下限',
    gradeMax: '档位上限',
  },
  en: {
    classes: 'classes',
    demoTypes: 'demonstration types',
    formats: 'formats',
    branchIds: 'branches',
    districtCodes: 'districts',
    urbanRural: 'urban/rural',
    gradeMin: 'lowest grade',
    gradeMax: 'highest grade',
  },
};

export const customerClasses = Object.keys(customerClassLabels.en) as CustomerClass[];
export const segmentDemoTypes = Object.keys(demoTypeLabels.en) as DemoType[];
export const segmentFormats = Object.keys(customerFormatLabels.en) as CustomerFormat[];
export const segmentUrbanRural = Object.keys(urbanRuralLabels.en) as UrbanRural[];
export const segmentKeys = Object.keys(segmentKeyLabels.en) as SegmentKey[];
export const segmentListKeys = segmentKeys.filter(
  (key): key is SegmentListKey => key !== 'gradeMin' && key !== 'gradeMax',
);

const districtCodePattern = /^\d{6}$/;

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
}

// Whether one value of a list key is one the vocabulary knows (branch and district ids: well formed;
// whether they exist is `known`'s to say).
function isKnownValue(key: SegmentListKey, value: unknown, known: SegmentVocabulary | undefined): boolean {
  switch (key) {
    case 'classes':
      return (customerClasses as unknown[]).includes(value);
    case 'demoTypes':
      return (segmentDemoTypes as unknown[]).includes(value);
    case 'formats':
      return (segmentFormats as unknown[]).includes(value);
    case 'urbanRural':
      return (segmentUrbanRural as unknown[]).includes(value);
    case 'branchIds':
      return isWhole(value) && value > 0 && value <= 2_147_483_647 && (known?.branchIds?.includes(value) ?? true);
    case 'districtCodes':
      return (
        typeof value === 'string' && districtCodePattern.test(value) && (known?.districtCodes?.includes(value) ?? true)
      );
  }
}

// The tenant's branches and districts, when the caller has read them: values outside them are unknown.
export type SegmentVocabulary = { branchIds?: readonly number[]; districtCodes?: readonly string[] };

// Every problem of a segment, in zh-CN and English; empty when it can select stores. Checks the shape
// too, so a segment read back from a JSON column is checked as one from a request: an unknown key, a
// list that is not a list, an empty list (nobody — leave the key out for everyone), an unknown or
// repeated value, a grade outside 1–30 or not whole, a lowest grade above the highest. Whether any
// store matches is the database's to say (countStoresInSegment).
export function segmentProblems(segment: Segment, known?: SegmentVocabulary): Problem[] {
  if (segment === null || typeof segment !== 'object' || Array.isArray(segment)) {
    return [{ zh: '客户范围须为一个对象', en: 'a segment must be an object' }];
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(segment)) {
    if (!(segmentKeys as string[]).includes(key)) {
      problems.push({ zh: `客户范围中未知的条件：${key}`, en: `unknown segment key: ${key}` });
    }
  }
  for (const key of segmentListKeys) {
    const values = segment[key] as unknown;
    if (values === undefined) continue;
    const zh = segmentKeyLabels['zh-CN'][key];
    const en = segmentKeyLabels.en[key];
    if (!Array.isArray(values) || values.length === 0) {
      problems.push({
        zh: `“${zh}”为空，没有客户符合（不限请不填）`,
        en: `the ${en} list is empty, so no store matches (leave it out for everyone)`,
      });
      continue;
    }
    if (values.length > maxSegmentListLength) {
      problems.push({
        zh: `“${zh}”最多 ${maxSegmentListLength} 项（${values.length}）`,
        en: `the ${en} list holds at most ${maxSegmentListLength} values (${values.length})`,
      });
      continue;
    }
    const seen = new Set<unknown>();
    for (const value of values) {
      if (!isKnownValue(key, value, known)) {
        problems.push({ zh: `未知的${zh}：${shown(value)}`, en: `unknown ${en}: ${shown(value)}` });
      } else if (seen.has(value)) {
        problems.push({ zh: `${zh}重复：${shown(value)}`, en: `${en} listed twice: ${shown(value)}` });
      }
      seen.add(value);
    }
  }
  const { gradeMin, gradeMax } = segment;
  for (const [value, zh, en] of [
    [gradeMin, '下限', 'lowest'],
    [gradeMax, '上限', 'highest'],
  ] as const) {
    if (value !== undefined && (!isWhole(value) || value < minGrade || value > maxGrade)) {
      problems.push({
        zh: `档位${zh}须为 ${minGrade}–${maxGrade} 的整数（${shown(value)}）`,
        en: `the ${en} grade must be a whole number from ${minGrade} to ${maxGrade} (${shown(value)})`,
      });
    }
  }
  if (isWhole(gradeMin) && isWhole(gradeMax) && gradeMin > gradeMax) {
    problems.push({
      zh: `档位下限 ${gradeMin} 大于上限 ${gradeMax}`,
      en: `the lowest grade ${gradeMin} is above the highest ${gradeMax}`,
    });
  }
  return problems;
}

// What a store is judged on: its customers record and its current 档位 (1–30).
export type SegmentStore = {
  customerClass: CustomerClass | null;
  demoType: DemoType | null;
  format: string;
  branchId: number;
  districtCode: string;
  urbanRural: UrbanRural;
  grade: number;
};

// The keys of a (valid) segment a store fails, in key order; empty when the store is in it. A store
// without a grade is judged as grade 1, as the allocation does.
export function failedSegment(store: SegmentStore, segment: Segment | undefined): SegmentKey[] {
  if (!segment) return [];
  const failed: SegmentKey[] = [];
  const isOutside = <T>(values: readonly T[] | undefined, value: T | null) =>
    values !== undefined && (value === null || !values.includes(value));
  if (isOutside(segment.classes, store.customerClass)) failed.push('classes');
  if (isOutside(segment.demoTypes, store.demoType)) failed.push('demoTypes');
  if (isOutside<string>(segment.formats, store.format)) failed.push('formats');
  if (isOutside(segment.branchIds, store.branchId)) failed.push('branchIds');
  if (isOutside(segment.districtCodes, store.districtCode)) failed.push('districtCodes');
  if (isOutside(segment.urbanRural, store.urbanRural)) failed.push('urbanRural');
  const grade = Number.isFinite(store.grade) ? Math.min(maxGrade, Math.max(minGrade, Math.floor(store.grade))) : 1;
  if (segment.gradeMin !== undefined && grade < segment.gradeMin) failed.push('gradeMin');
  if (segment.gradeMax !== undefined && grade > segment.gradeMax) failed.push('gradeMax');
  return failed;
}

// A segment in words, one phrase per present key: "业态：便利店、超市；档位 10–30".
export function describeSegment(segment: Segment, locale: Locale): string {
  const keyLabels = segmentKeyLabels[locale];
  const join = locale === 'zh-CN' ? '、' : ', ';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const parts: string[] = [];
  const named = <T extends string>(
    key: SegmentListKey,
    values: readonly T[] | undefined,
    labels: Record<T, string>,
  ) => {
    if (values) parts.push(`${keyLabels[key]}${colon}${values.map((value) => labels[value] ?? value).join(join)}`);
  };
  named('classes', segment.classes, customerClassLabels[locale]);
  named('demoTypes', segment.demoTypes, demoTypeLabels[locale]);
  named('formats', segment.formats, customerFormatLabels[locale]);
  if (segment.branchIds) parts.push(`${keyLabels.branchIds}${colon}${segment.branchIds.join(join)}`);
  if (segment.districtCodes) parts.push(`${keyLabels.districtCodes}${colon}${segment.districtCodes.join(join)}`);
  named('urbanRural', segment.urbanRural, urbanRuralLabels[locale]);
  if (segment.gradeMin !== undefined || segment.gradeMax !== undefined) {
    const grade = locale === 'zh-CN' ? '档位' : 'grade';
    parts.push(`${grade} ${segment.gradeMin ?? minGrade}–${segment.gradeMax ?? maxGrade}`);
  }
  if (parts.length === 0) return locale === 'zh-CN' ? '全部客户' : 'every store';
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}
