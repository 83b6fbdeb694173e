import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  type CustomerClass,
  customerClasses,
  customerClassLabels,
  maxGrade,
  maxSegmentListLength,
  minGrade,
  type Segment,
  type SegmentVocabulary,
  segmentProblems,
} from './segment.rules.ts';

// 投放策略: what a product's allocation strategy may say, and every way it can be wrong. A cycle's
// products are checked when they are set (draft) and again before any allocation, so a strategy that
// reaches the algorithm is one it can carry out; each problem is named in zh-CN and English.

// The class is the customers schema's (客户分类, decided by the classification module); the grades,
// the class vocabulary and the 限点 segment are segment.rules.ts's, shared with brand programmes.
export { type CustomerClass, customerClasses, customerClassLabels, maxGrade, minGrade, type Segment };

export type AllocationStrategy = {
  base:
    | { kind: 'grade_table'; table: Array<{ fromGrade: number; toGrade: number; qty: number }> } // 按档位
    | { kind: 'proportional'; perStoreCartonsPer4Weeks?: never } // in proportion to recentQty, sized to supply
    | { kind: 'unlimited' }; // 不限量
  classMultipliers?: Partial<Record<CustomerClass, number>>; // 按客户分类系数, default 1
  creditMultipliers?: Record<string, number>; // 按信用等级系数, default 1
  regionMultipliers?: RegionMultipliers; // 区域系数, default 1
  eligibility?: Segment; // 限点: the stores that may order it (JSON key kept: strategies are stored)
  cap?: number; // 限量 per store
};

// 区域系数: a factor per district (GB/T 2260 code) and per branch (org-unit id, as a JSON key); a store's
// region factor is its district's × its branch's (each 1 when not listed). It reduces (or raises) one
// region's quota without leaving it out, as 限点 would — e.g. after a price warning (限点限量).
export type RegionMultipliers = {
  districts?: Record<string, number>;
  branches?: Record<string, number>;
};

// The tenant's districts and branches, when the caller has read them: region keys outside them are
// unknown. Without it only the keys' form is checked (a strategy read back for allocation).
export type { SegmentVocabulary as StrategyVocabulary };

// A store's region factor (1 when the strategy has none for its district or branch).
export function regionFactorOf(
  regionMultipliers: RegionMultipliers | undefined,
  districtCode: string,
  branchId: number,
): number {
  if (regionMultipliers === undefined) return 1;
  const district = regionMultipliers.districts?.[districtCode] ?? 1;
  const branch = regionMultipliers.branches?.[String(branchId)] ?? 1;
  return district * branch;
}

// A product of a cycle as the centre sets it: its supply (null = unlimited) and its strategy.
export type ProductStrategy = {
  productId: number;
  supply: number | null; // null = unlimited supply
  strategy: AllocationStrategy;
};

export const maxMultiplier = 10;

type Problem = { zh: string; en: string };

function range(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
}

function problemsOfTable(table: unknown): Problem[] {
  if (!Array.isArray(table) || table.length === 0) {
    return [{ zh: '按档位投放须至少设一行档位', en: 'a grade table needs at least one row' }];
  }
  const problems: Problem[] = [];
  const rows: Array<{ fromGrade: number; toGrade: number }> = [];
  for (const row of table as Array<{ fromGrade: unknown; toGrade: unknown; qty: unknown }>) {
    const { fromGrade, toGrade, qty } = row ?? {};
    const inRange = (grade: unknown): grade is number => isWhole(grade) && grade >= minGrade && grade <= maxGrade;
    const label = `${shown(fromGrade)}–${shown(toGrade)}`;
    if (!inRange(fromGrade) || !inRange(toGrade)) {
      problems.push({
        zh: `档位 ${label} 超出 1–30（档位须为 1–30 的整数）`,
        en: `grades ${label} are outside 1–30 (grades are whole numbers from 1 to 30)`,
      });
      continue;
    }
    if (fromGrade > toGrade) {
      problems.push({ zh: `档位 ${label} 起止颠倒`, en: `grades ${label} run backwards` });
      continue;
    }
    const rowLabel = range(fromGrade, toGrade);
    if (typeof qty !== 'number' || !Number.isFinite(qty)) {
      problems.push({ zh: `档位 ${rowLabel} 未填投放量`, en: `grades ${rowLabel} have no quantity` });
    } else if (qty < 0) {
      problems.push({
        zh: `档位 ${rowLabel} 的投放量不能为负数（${qty}）`,
        en: `grades ${rowLabel}: the quantity cannot be negative (${qty})`,
      });
    } else if (!Number.isInteger(qty)) {
      problems.push({
        zh: `档位 ${rowLabel} 的投放量须为整数条（${qty}）`,
        en: `grades ${rowLabel}: the quantity must be whole cartons (${qty})`,
      });
    }
    rows.push({ fromGrade, toGrade });
  }
  rows.sort((a, b) => a.fromGrade - b.fromGrade || a.toGrade - b.toGrade);
  let covered = minGrade - 1;
  let previous: { fromGrade: number; toGrade: number } | null = null;
  for (const row of rows) {
    if (previous && row.fromGrade <= previous.toGrade) {
      const [a, b] = [range(previous.fromGrade, previous.toGrade), range(row.fromGrade, row.toGrade)];
      problems.push({ zh: `档位 ${a} 与 ${b} 重叠`, en: `grades ${a} and ${b} overlap` });
    } else if (row.fromGrade > covered + 1) {
      const gap = range(covered + 1, row.fromGrade - 1);
      problems.push({ zh: `档位 ${gap} 未设投放量`, en: `grades ${gap} have no row` });
    }
    if (row.toGrade > covered) covered = row.toGrade;
    if (!previous || row.toGrade > previous.toGrade) previous = row;
  }
  if (rows.length > 0 && covered < maxGrade) {
    const gap = range(covered + 1, maxGrade);
    problems.push({ zh: `档位 ${gap} 未设投放量`, en: `grades ${gap} have no row` });
  }
  return problems;
}

function problemsOfMultipliers(
  multipliers: Record<string, unknown> | undefined,
  labelOf: (key: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(multipliers ?? {})) {
    if (value === undefined) continue;
    const label = labelOf(key);
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maxMultiplier) {
      problems.push({
        zh: `${label.zh}系数须大于 0 且不超过 ${maxMultiplier}（${shown(value)}）`,
        en: `the ${label.en} multiplier must be above 0 and at most ${maxMultiplier} (${shown(value)})`,
      });
    }
  }
  return problems;
}

const districtCodePattern = /^\d{6}$/;
const branchKeyPattern = /^[1-9]\d{0,9}$/;

// 区域系数: its shape, each key (a district code / branch id of the tenant), each factor (as the class
// multipliers'), at most maxSegmentListLength keys per list.
function problemsOfRegionMultipliers(value: unknown, known: SegmentVocabulary | undefined): Problem[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ zh: '区域系数须为一个对象', en: 'the region multipliers must be an object' }];
  }
  const problems: Problem[] = [];
  const lists = value as Record<string, unknown>;
  for (const key of Object.keys(lists)) {
    if (key !== 'districts' && key !== 'branches') {
      problems.push({ zh: `区域系数中未知的项：${key}`, en: `unknown region multiplier list: ${key}` });
    }
  }
  const kinds = [
    {
      key: 'districts',
      zh: '区县',
      en: 'district',
      isWellFormed: (code: string) => districtCodePattern.test(code),
      isKnown: (code: string) => known?.districtCodes?.includes(code) ?? true,
    },
    {
      key: 'branches',
      zh: '分公司',
      en: 'branch',
      isWellFormed: (id: string) => branchKeyPattern.test(id) && Number(id) <= 2_147_483_647,
      isKnown: (id: string) => known?.branchIds?.includes(Number(id)) ?? true,
    },
  ] as const;
  for (const kind of kinds) {
    const list = lists[kind.key];
    if (list === undefined) continue;
    if (list === null || typeof list !== 'object' || Array.isArray(list)) {
      problems.push({
        zh: `区域系数的${kind.zh}须为“编码 → 系数”`,
        en: `the ${kind.en} region multipliers must map ${kind.en}s to factors`,
      });
      continue;
    }
    const entries = Object.keys(list);
    if (entries.length > maxSegmentListLength) {
      problems.push({
        zh: `区域系数最多设 ${maxSegmentListLength} 个${kind.zh}（${entries.length}）`,
        en: `region multipliers cover at most ${maxSegmentListLength} ${kind.en}s (${entries.length})`,
      });
      continue;
    }
    for (const key of entries) {
      if (!kind.isWellFormed(key) || !kind.isKnown(key)) {
        problems.push({
          zh: `区域系数中未知的${kind.zh}：${key}`,
          en: `region multipliers: unknown ${kind.en} ${key}`,
        });
      }
    }
    problems.push(
      ...problemsOfMultipliers(list as Record<string, unknown>, (key) => ({
        zh: `${kind.zh} ${key} 的区域`,
        en: `region (${kind.en} ${key})`,
      })),
    );
  }
  return problems;
}

// 限点 is a segment; its problems are the segment's, said as 限点's.
function problemsOfEligibility(eligibility: Segment | undefined): Problem[] {
  if (eligibility === undefined) return [];
  return segmentProblems(eligibility).map((problem) => ({
    zh: `限点：${problem.zh}`,
    en: `eligibility: ${problem.en}`,
  }));
}

// Every problem of a product's strategy, in zh-CN and English; empty when it can be allocated. With
// `known` (the tenant's districts and branches), region multipliers outside them are problems too.
export function strategyProblems(input: ProductStrategy, known?: SegmentVocabulary): Problem[] {
  const { supply, strategy } = input;
  const problems: Problem[] = [];
  if (supply !== null && (!isWhole(supply) || supply < 0)) {
    problems.push({
      zh: `货源量须为不小于 0 的整数条（${shown(supply)}）`,
      en: `the supply must be whole cartons, 0 or more (${shown(supply)})`,
    });
  }
  if (strategy.cap !== undefined && (!isWhole(strategy.cap) || strategy.cap < 0)) {
    problems.push({
      zh: `限量须为不小于 0 的整数条（${shown(strategy.cap)}）`,
      en: `the cap must be whole cartons, 0 or more (${shown(strategy.cap)})`,
    });
  }
  const base = strategy.base as { kind: unknown; table?: unknown } | undefined;
  if (base?.kind === 'grade_table') {
    problems.push(...problemsOfTable(base.table));
  } else if (base?.kind === 'proportional') {
    if (supply === null) {
      problems.push({
        zh: '按比例投放须填写货源量',
        en: 'a proportional allocation needs a supply to share out',
      });
    }
  } else if (base?.kind === 'unlimited') {
    if (supply !== null && strategy.cap === undefined) {
      problems.push({
        zh: `不限量投放不能同时限定货源量 ${shown(supply)}（请清空货源量，或设限量）`,
        en: `an unlimited allocation cannot also have a supply of ${shown(supply)} (clear the supply, or set a cap)`,
      });
    }
  } else {
    problems.push({
      zh: `未知的投放方式：${shown(base?.kind)}`,
      en: `unknown allocation kind: ${shown(base?.kind)}`,
    });
  }
  problems.push(
    ...problemsOfMultipliers(strategy.classMultipliers, (key) =>
      customerClasses.includes(key as CustomerClass)
        ? {
            zh: customerClassLabels['zh-CN'][key as CustomerClass],
            en: customerClassLabels.en[key as CustomerClass],
          }
        : { zh: `未知分类 ${key} 的`, en: `unknown class ${key}` },
    ),
    ...problemsOfMultipliers(strategy.creditMultipliers, (key) => ({ zh: `信用 ${key} `, en: `credit ${key}` })),
  );
  for (const key of Object.keys(strategy.classMultipliers ?? {})) {
    if (!customerClasses.includes(key as CustomerClass)) {
      problems.push({ zh: `未知的客户分类：${key}`, en: `unknown customer class: ${key}` });
    }
  }
  problems.push(...problemsOfRegionMultipliers(strategy.regionMultipliers, known));
  problems.push(...problemsOfEligibility(strategy.eligibility));
  return problems;
}

export function checkStrategy(input: ProductStrategy, known?: SegmentVocabulary): void {
  const problems = strategyProblems(input, known);
  if (problems.length === 0) return;
  throw new DomainError(
    'ALLOCATION_STRATEGY_INVALID',
    {
      productId: input.productId,
      reason: problems.map((problem) => problem.zh).join('；'),
      reasonEn: problems.map((problem) => problem.en).join('; '),
    },
    'strategy',
  );
}

// A cycle's products, set all at once: each product once, each strategy one that can be allocated.
// The first problem found is the one refused.
export function checkCycleProducts(products: readonly ProductStrategy[], known?: SegmentVocabulary): void {
  const seen = new Set<number>();
  for (const product of products) {
    if (seen.has(product.productId)) throw new DomainError('ORDER_LINE_DUPLICATE', { productId: product.productId });
    seen.add(product.productId);
    checkStrategy(product, known);
  }
}
