import { DomainError } from '../../platform/errors/domain-error.ts';
import type { CustomerClass } from '../customers/index.ts';

// 投放策略: what a product's allocation strategy may say, and every way it can be wrong. A cycle's
// products are checked when they are set (draft) and again before any allocation, so a strategy that
// reaches the algorithm is one it can carry out; each problem is named in zh-CN and English.

// The class is the customers schema's (客户分类, decided by the classification module).
export type { CustomerClass };

export const customerClasses: readonly CustomerClass[] = ['demonstration', 'growth', 'ordinary', 'special'];

export const customerClassLabels: Record<'zh-CN' | 'en', Record<CustomerClass, string>> = {
  'zh-CN': { demonstration: '示范客户', growth: '成长客户', ordinary: '普通客户', special: '特殊客户' },
  en: { demonstration: 'demonstration', growth: 'growth', ordinary: 'ordinary', special: 'special' },
};

// 限点: every present key narrows; absent = everyone.
export type Eligibility = {
  classes?: CustomerClass[];
  formats?: string[];
  districtCodes?: string[];
  urbanRural?: ('urban' | 'rural')[];
  gradeMin?: number;
  gradeMax?: number;
};

export type AllocationStrategy = {
  base:
    | { kind: 'grade_table'; table: Array<{ fromGrade: number; toGrade: number; qty: number }> } // 按档位
    | { kind: 'proportional'; perStoreCartonsPer4Weeks?: never } // in proportion to recentQty, sized to supply
    | { kind: 'unlimited' }; // 不限量
  classMultipliers?: Partial<Record<CustomerClass, number>>; // 按客户分类系数, default 1
  creditMultipliers?: Record<string, number>; // 按信用等级系数, default 1
  eligibility?: Eligibility; // 限点
  cap?: number; // 限量 per store
};

// A product of a cycle as the centre sets it: its supply (null = unlimited) and its strategy.
export type ProductStrategy = {
  productId: number;
  supply: number | null; // null = unlimited supply
  strategy: AllocationStrategy;
};

export const minGrade = 1;
export const maxGrade = 30;
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

function problemsOfEligibility(eligibility: Eligibility | undefined): Problem[] {
  if (!eligibility) return [];
  const problems: Problem[] = [];
  const lists: Array<[keyof Eligibility, Problem]> = [
    ['classes', { zh: '客户分类', en: 'classes' }],
    ['formats', { zh: '业态', en: 'formats' }],
    ['districtCodes', { zh: '区县', en: 'districts' }],
    ['urbanRural', { zh: '城乡', en: 'urban/rural' }],
  ];
  for (const [key, label] of lists) {
    const value = eligibility[key];
    if (value !== undefined && (!Array.isArray(value) || value.length === 0)) {
      problems.push({
        zh: `限点“${label.zh}”为空，没有客户可订（不限请不填）`,
        en: `the eligible ${label.en} list is empty, so no store could order (leave it out for everyone)`,
      });
    }
  }
  for (const name of eligibility.classes ?? []) {
    if (!customerClasses.includes(name)) {
      problems.push({ zh: `未知的客户分类：${shown(name)}`, en: `unknown customer class: ${shown(name)}` });
    }
  }
  for (const value of eligibility.urbanRural ?? []) {
    if (value !== 'urban' && value !== 'rural') {
      problems.push({ zh: `未知的城乡类别：${shown(value)}`, en: `unknown urban/rural value: ${shown(value)}` });
    }
  }
  const { gradeMin, gradeMax } = eligibility;
  for (const [value, zh, en] of [
    [gradeMin, '下限', 'lowest'],
    [gradeMax, '上限', 'highest'],
  ] as const) {
    if (value !== undefined && (!isWhole(value) || value < minGrade || value > maxGrade)) {
      problems.push({
        zh: `限点档位${zh}须为 1–30 的整数（${shown(value)}）`,
        en: `the ${en} eligible grade must be a whole number from 1 to 30 (${shown(value)})`,
      });
    }
  }
  if (isWhole(gradeMin) && isWhole(gradeMax) && gradeMin > gradeMax) {
    problems.push({
      zh: `限点档位下限 ${gradeMin} 大于上限 ${gradeMax}`,
      en: `the lowest eligible grade ${gradeMin} is above the highest ${gradeMax}`,
    });
  }
  return problems;
}

// Every problem of a product's strategy, in zh-CN and English; empty when it can be allocated.
export function strategyProblems(input: ProductStrategy): Problem[] {
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
  problems.push(...problemsOfEligibility(strategy.eligibility));
  return problems;
}

export function checkStrategy(input: ProductStrategy): void {
  const problems = strategyProblems(input);
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
export function checkCycleProducts(products: readonly ProductStrategy[]): void {
  const seen = new Set<number>();
  for (const product of products) {
    if (seen.has(product.productId)) throw new DomainError('ORDER_LINE_DUPLICATE', { productId: product.productId });
    seen.add(product.productId);
    checkStrategy(product);
  }
}
