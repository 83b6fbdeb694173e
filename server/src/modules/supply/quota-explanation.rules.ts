import {
  type AllocationStore,
  multipliedCartons,
  multiplierUnit,
  multiplierUnits,
  normaliseGrade,
  type ProductAllocationInput,
  type ProductAllocationOutcome,
  wholeCartons,
} from './allocation.rules.ts';
import { customerClassLabels, regionFactorOf } from './allocation-strategy.rules.ts';
import { failedSegment, type Segment } from './segment.rules.ts';

// Why a store got its quota, in the words the centre and the store read (zh-CN and English), step
// by step from the same arithmetic the allocation used: "档位 24 → 5；×1.2 示范客户 → 6；限量 6".

const words = {
  'zh-CN': {
    separator: '；',
    grade: (grade: number, qty: number) => `档位 ${grade} → ${qty}`,
    recent: (cartons: number) => `近4周 ${cartons} 条`,
    unlimited: '不限量',
    credit: (level: string) => `信用 ${level}`,
    region: (name: string) => `区域系数（${name}）`,
    cap: (cap: number) => `限量 ${cap}`,
    share: (scale: string, share: string) => `按货源 ×${scale} → ${share}`,
    extra: '（最大余数）',
    ineligible: (criteria: string[]) => `不在投放范围（限点：${criteria.join('、')}）`,
    criteria: {
      classes: '客户分类',
      demoTypes: '示范类型',
      formats: '业态',
      branchIds: '分公司',
      districtCodes: '区县',
      urbanRural: '城乡',
      grade: '档位范围',
    },
  },
  en: {
    separator: '; ',
    grade: (grade: number, qty: number) => `grade ${grade} → ${qty}`,
    recent: (cartons: number) => `last 4 weeks ${cartons} cartons`,
    unlimited: 'unlimited',
    credit: (level: string) => `credit ${level}`,
    region: (name: string) => `region (${name})`,
    cap: (cap: number) => `cap ${cap}`,
    share: (scale: string, share: string) => `supply ×${scale} → ${share}`,
    extra: ' (largest remainder)',
    ineligible: (criteria: string[]) => `not eligible (restricted by ${criteria.join(', ')})`,
    criteria: {
      classes: 'class',
      demoTypes: 'demonstration type',
      formats: 'format',
      branchIds: 'branch',
      districtCodes: 'district',
      urbanRural: 'urban/rural',
      grade: 'grade range',
    },
  },
} as const;

// Up to 2 decimals, no trailing zeros; 2 significant digits for what would round to 0.
export function formatFigure(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return String(Number(value.toPrecision(2)));
  return String(rounded);
}

type Criterion = keyof (typeof words)['en']['criteria'];

// The 限点 criteria a store fails, as keys of the wording above (the segment's, with one grade range).
export function failedEligibility(store: AllocationStore, eligibility: Segment | undefined): Criterion[] {
  const failed: Criterion[] = [];
  for (const key of failedSegment(store, eligibility)) {
    const criterion = key === 'gradeMin' || key === 'gradeMax' ? 'grade' : key;
    if (!failed.includes(criterion)) failed.push(criterion);
  }
  return failed;
}

// The names of a store's district and branch, for 区域系数 steps (their code / id when not given).
export type RegionNames = { district?: string; branch?: string };

// Why a store got its quota, step by step: "档位 24 → 5；×1.2 示范客户 ×0.8 区域系数（漳浦县） → 4.8 → 5".
// For a proportional product, `store.recentQty` must be this product's cartons (as allocated).
export function explainQuota(
  store: AllocationStore,
  input: ProductAllocationInput,
  outcome: Pick<ProductAllocationOutcome, 'scale' | 'supply'>,
  quota: number,
  locale: 'zh-CN' | 'en' = 'zh-CN',
  regionNames: RegionNames = {},
): string {
  const say = words[locale];
  const { strategy } = input;
  const failed = failedEligibility(store, strategy.eligibility);
  if (failed.length > 0) return say.ineligible(failed.map((key) => say.criteria[key]));
  const base = strategy.base;
  const cap = strategy.cap;
  if (base.kind === 'unlimited') {
    if (cap === undefined) return say.unlimited;
    const steps: string[] = [say.unlimited, say.cap(cap)];
    if (outcome.scale < 1 && cap > 0) steps.push(scaledStep(cap, outcome.scale, quota, locale));
    return steps.join(say.separator);
  }

  const steps: string[] = [];
  const multiplierSteps: string[] = [];
  const classMultiplier = store.customerClass === null ? 1 : (strategy.classMultipliers?.[store.customerClass] ?? 1);
  if (classMultiplier !== 1 && store.customerClass !== null) {
    multiplierSteps.push(`×${formatFigure(classMultiplier)} ${customerClassLabels[locale][store.customerClass]}`);
  }
  const creditMultiplier = store.creditLevel === null ? 1 : (strategy.creditMultipliers?.[store.creditLevel] ?? 1);
  if (creditMultiplier !== 1 && store.creditLevel !== null) {
    multiplierSteps.push(`×${formatFigure(creditMultiplier)} ${say.credit(store.creditLevel)}`);
  }
  const districtFactor = strategy.regionMultipliers?.districts?.[store.districtCode] ?? 1;
  if (districtFactor !== 1) {
    multiplierSteps.push(`×${formatFigure(districtFactor)} ${say.region(regionNames.district ?? store.districtCode)}`);
  }
  const branchFactor = strategy.regionMultipliers?.branches?.[String(store.branchId)] ?? 1;
  if (branchFactor !== 1) {
    multiplierSteps.push(`×${formatFigure(branchFactor)} ${say.region(regionNames.branch ?? String(store.branchId))}`);
  }
  const units = multiplierUnits(
    strategy,
    store.customerClass,
    store.creditLevel,
    regionFactorOf(strategy.regionMultipliers, store.districtCode, store.branchId),
  );

  if (base.kind === 'grade_table') {
    const grade = normaliseGrade(store.grade);
    const qty = base.table.find((row) => grade >= row.fromGrade && grade <= row.toGrade)?.qty ?? 0;
    steps.push(say.grade(grade, qty));
    let raw = qty;
    if (multiplierSteps.length > 0 && qty > 0) {
      raw = multipliedCartons(qty, units);
      const exact = (qty * units) / multiplierUnit;
      const shown = exact === raw ? `${raw}` : `${formatFigure(exact)} → ${raw}`;
      steps.push(`${multiplierSteps.join(' ')} → ${shown}`);
    }
    if (cap !== undefined && raw >= cap) {
      steps.push(say.cap(cap));
      raw = cap;
    }
    if (outcome.scale < 1 && raw > 0) steps.push(scaledStep(raw, outcome.scale, quota, locale));
    return steps.join(say.separator);
  }

  // Proportional.
  const cartons = wholeCartons(store.recentQty);
  steps.push(say.recent(cartons));
  const weighted = (cartons * units) / multiplierUnit;
  if (multiplierSteps.length > 0 && cartons > 0) steps.push(`${multiplierSteps.join(' ')} → ${formatFigure(weighted)}`);
  if (cartons === 0) return `${steps[0]} → ${quota}`;
  const share = weighted * outcome.scale;
  if (cap !== undefined && share >= cap - 1e-9) {
    steps.push(say.share(formatFigure(outcome.scale), formatFigure(share)));
    steps.push(say.cap(cap));
    return steps.join(say.separator);
  }
  steps.push(scaledStep(weighted, outcome.scale, quota, locale));
  return steps.join(say.separator);
}

function scaledStep(demand: number, scale: number, quota: number, locale: 'zh-CN' | 'en'): string {
  const say = words[locale];
  const share = demand * scale;
  const shareText = formatFigure(share);
  const gotExtra = quota > Math.floor(share + 1e-9);
  return `${say.share(formatFigure(scale), shareText)}${shareText === String(quota) ? '' : ` → ${quota}`}${gotExtra ? say.extra : ''}`;
}
