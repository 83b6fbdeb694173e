import { demoTypes } from '../../shared/customer-codes.ts';
import {
  type AllocationStrategy,
  type CustomerClass,
  creditLevels,
  customerClasses,
  type Eligibility,
  type GradeTableRow,
} from './supply.api.ts';

// The strategy editor's state ↔ the AllocationStrategy JSON the server stores. The editor holds
// what a person typed (blanks included); `toStrategy` checks it and drops what means "default"
// (a multiplier of 1, an empty 限点 list), so the JSON carries only the rules that narrow or change.

export const minGrade = 1;
export const maxGrade = 30;
export const maxMultiplier = 10;
export const maxQuantity = 100_000;

export type BaseKind = AllocationStrategy['base']['kind'];

export type GradeRowDraft = { fromGrade: number | null; toGrade: number | null; qty: number | null };

// 区域系数: one row per district (GB/T 2260 code) or branch (org-unit id, as a string: the JSON key).
export type RegionKind = 'district' | 'branch';
export type RegionRowDraft = { kind: RegionKind; key: string | null; factor: number | null };
export const maxRegionRows = 500;

export type StrategyDraft = {
  supply: number | null; // null: supply not limited
  baseKind: BaseKind;
  gradeTable: GradeRowDraft[];
  classMultipliers: Record<CustomerClass, number | null>;
  creditMultipliers: Record<string, number | null>;
  regionRows: RegionRowDraft[];
  classes: CustomerClass[];
  demoTypes: NonNullable<Eligibility['demoTypes']>;
  formats: NonNullable<Eligibility['formats']>;
  branchIds: number[];
  districtCodes: string[];
  urbanRural: NonNullable<Eligibility['urbanRural']>;
  gradeMin: number | null;
  gradeMax: number | null;
  cap: number | null;
};

// A problem the editor shows next to its field: an i18n key under supply.strategy.errors and its values.
export type StrategyIssue = {
  field: string;
  key:
    | 'supplyInvalid'
    | 'supplyRequired'
    | 'tableEmpty'
    | 'rowIncomplete'
    | 'gradeOutOfRange'
    | 'rowReversed'
    | 'qtyInvalid'
    | 'rowsOverlap'
    | 'multiplierInvalid'
    | 'regionIncomplete'
    | 'regionDuplicate'
    | 'regionTooMany'
    | 'capInvalid'
    | 'gradeRangeInvalid';
  values?: Record<string, number | string>;
};

export type GradeCoverageGap = { fromGrade: number; toGrade: number };

const isWhole = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isInteger(value);

// A new product starts at the common default: by grade, one band for every store.
export function emptyDraft(): StrategyDraft {
  return {
    supply: null,
    baseKind: 'grade_table',
    gradeTable: [{ fromGrade: minGrade, toGrade: maxGrade, qty: 1 }],
    classMultipliers: { demonstration: null, growth: null, ordinary: null, special: null },
    creditMultipliers: Object.fromEntries(creditLevels.map((level) => [level, null])),
    regionRows: [],
    classes: [],
    demoTypes: [],
    formats: [],
    branchIds: [],
    districtCodes: [],
    urbanRural: [],
    gradeMin: null,
    gradeMax: null,
    cap: null,
  };
}

function regionRowsOf(regions: AllocationStrategy['regionMultipliers']): RegionRowDraft[] {
  return [
    ...Object.entries(regions?.districts ?? {}).map(([key, factor]) => ({ kind: 'district' as const, key, factor })),
    ...Object.entries(regions?.branches ?? {}).map(([key, factor]) => ({ kind: 'branch' as const, key, factor })),
  ];
}

export function draftOf(supply: number | null, strategy: AllocationStrategy): StrategyDraft {
  const draft = emptyDraft();
  const eligibility = strategy.eligibility ?? {};
  return {
    ...draft,
    supply,
    baseKind: strategy.base.kind,
    gradeTable:
      strategy.base.kind === 'grade_table'
        ? strategy.base.table.map((row) => ({ fromGrade: row.fromGrade, toGrade: row.toGrade, qty: row.qty }))
        : draft.gradeTable,
    classMultipliers: { ...draft.classMultipliers, ...strategy.classMultipliers },
    creditMultipliers: { ...draft.creditMultipliers, ...strategy.creditMultipliers },
    regionRows: regionRowsOf(strategy.regionMultipliers),
    classes: [...(eligibility.classes ?? [])],
    demoTypes: [...(eligibility.demoTypes ?? [])],
    formats: [...(eligibility.formats ?? [])],
    branchIds: [...(eligibility.branchIds ?? [])],
    districtCodes: [...(eligibility.districtCodes ?? [])],
    urbanRural: [...(eligibility.urbanRural ?? [])],
    gradeMin: eligibility.gradeMin ?? null,
    gradeMax: eligibility.gradeMax ?? null,
    cap: strategy.cap ?? null,
  };
}

// Rows of a 按档位 table: complete, whole grades 1–30 with from ≤ to, whole quantities ≥ 0,
// and no grade in two rows (a store would get two answers).
export function checkGradeTable(rows: readonly GradeRowDraft[]): StrategyIssue[] {
  if (rows.length === 0) return [{ field: 'gradeTable', key: 'tableEmpty' }];
  const issues: StrategyIssue[] = [];
  rows.forEach((row, index) => {
    const field = `gradeTable.${index}`;
    const line = index + 1;
    if (row.fromGrade === null || row.toGrade === null || row.qty === null) {
      issues.push({ field, key: 'rowIncomplete', values: { line } });
      return;
    }
    const gradesValid = [row.fromGrade, row.toGrade].every(
      (grade) => isWhole(grade) && grade >= minGrade && grade <= maxGrade,
    );
    if (!gradesValid) issues.push({ field, key: 'gradeOutOfRange', values: { line, min: minGrade, max: maxGrade } });
    else if (row.fromGrade > row.toGrade) issues.push({ field, key: 'rowReversed', values: { line } });
    if (!isWhole(row.qty) || row.qty < 0 || row.qty > maxQuantity)
      issues.push({ field, key: 'qtyInvalid', values: { line, max: maxQuantity } });
  });
  if (issues.length > 0) return issues;
  const ordered = rows
    .map((row, index) => ({ from: row.fromGrade as number, to: row.toGrade as number, line: index + 1 }))
    .sort((a, b) => a.from - b.from || a.line - b.line);
  for (let index = 1; index < ordered.length; index += 1) {
    const previous = ordered[index - 1];
    const current = ordered[index];
    if (current.from <= previous.to) {
      const [first, second] = [previous.line, current.line].sort((a, b) => a - b);
      issues.push({ field: `gradeTable.${current.line - 1}`, key: 'rowsOverlap', values: { first, second } });
    }
  }
  return issues;
}

// Grades no row covers: their stores get 0. Allowed (a product for the top grades only), but
// the editor says so. Only meaningful for a valid table.
export function uncoveredGrades(rows: readonly GradeTableRow[]): GradeCoverageGap[] {
  const covered = new Array<boolean>(maxGrade + 1).fill(false);
  for (const row of rows) for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) covered[grade] = true;
  const gaps: GradeCoverageGap[] = [];
  for (let grade = minGrade; grade <= maxGrade; grade += 1) {
    if (covered[grade]) continue;
    const last = gaps.at(-1);
    if (last && last.toGrade === grade - 1) last.toGrade = grade;
    else gaps.push({ fromGrade: grade, toGrade: grade });
  }
  return gaps;
}

function checkMultipliers(field: string, values: Record<string, number | null>): StrategyIssue[] {
  return Object.entries(values)
    .filter(([, value]) => value !== null && !(value > 0 && value <= maxMultiplier))
    .map(([key]) => ({ field: `${field}.${key}`, key: 'multiplierInvalid', values: { max: maxMultiplier } }));
}

// Each row names a region once and has a factor above 0, at most maxMultiplier.
export function checkRegionRows(rows: readonly RegionRowDraft[]): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  if (rows.length > maxRegionRows)
    return [{ field: 'regionRows', key: 'regionTooMany', values: { max: maxRegionRows } }];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const field = `regionRows.${index}`;
    const line = index + 1;
    if (row.key === null || row.factor === null) {
      issues.push({ field, key: 'regionIncomplete', values: { line } });
      return;
    }
    if (!(row.factor > 0 && row.factor <= maxMultiplier))
      issues.push({ field, key: 'multiplierInvalid', values: { max: maxMultiplier } });
    const identity = `${row.kind}:${row.key}`;
    if (seen.has(identity)) issues.push({ field, key: 'regionDuplicate', values: { line } });
    seen.add(identity);
  });
  return issues;
}

// The listed regions get the suggested factor (a price warning's 限点限量): a region already in the
// strategy keeps its factor when that is lower (already reduced further); the other rows stay. A
// factor of null (the link's was not a valid one) leaves the listed rows' factor for the user to fill.
export type RegionPreset = { districts: readonly string[]; branches: readonly string[]; factor: number | null };

export function withRegionPreset(draft: StrategyDraft, preset: RegionPreset): StrategyDraft {
  const rows = draft.regionRows.map((row) => ({ ...row }));
  const listed: Array<[RegionKind, string]> = [
    ...preset.districts.map((key) => ['district', key] as [RegionKind, string]),
    ...preset.branches.map((key) => ['branch', key] as [RegionKind, string]),
  ];
  for (const [kind, key] of listed) {
    const row = rows.find((candidate) => candidate.kind === kind && candidate.key === key);
    if (!row) rows.push({ kind, key, factor: preset.factor });
    else if (preset.factor !== null && (row.factor === null || row.factor > preset.factor)) row.factor = preset.factor;
  }
  return { ...draft, regionRows: rows };
}

export function checkDraft(draft: StrategyDraft): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  if (draft.supply !== null && (!isWhole(draft.supply) || draft.supply < 0))
    issues.push({ field: 'supply', key: 'supplyInvalid' });
  // Proportional shares out the supply: without one there is nothing to size it to.
  if (draft.baseKind === 'proportional' && draft.supply === null)
    issues.push({ field: 'supply', key: 'supplyRequired' });
  if (draft.baseKind === 'grade_table') issues.push(...checkGradeTable(draft.gradeTable));
  issues.push(...checkMultipliers('classMultipliers', draft.classMultipliers));
  issues.push(...checkMultipliers('creditMultipliers', draft.creditMultipliers));
  issues.push(...checkRegionRows(draft.regionRows));
  if (draft.cap !== null && (!isWhole(draft.cap) || draft.cap < 1 || draft.cap > maxQuantity))
    issues.push({ field: 'cap', key: 'capInvalid', values: { max: maxQuantity } });
  const bounds = [draft.gradeMin, draft.gradeMax].filter((grade) => grade !== null);
  const boundsValid = bounds.every((grade) => isWhole(grade) && grade >= minGrade && grade <= maxGrade);
  if (!boundsValid || (draft.gradeMin !== null && draft.gradeMax !== null && draft.gradeMin > draft.gradeMax))
    issues.push({ field: 'gradeRange', key: 'gradeRangeInvalid', values: { min: minGrade, max: maxGrade } });
  return issues;
}

// Multipliers that change something: blanks and 1 are the default and stay out of the JSON.
function effectiveMultipliers<K extends string>(values: Record<K, number | null>): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  for (const [key, value] of Object.entries(values) as [K, number | null][]) {
    if (value !== null && value !== 1) result[key] = value;
  }
  return result;
}

function eligibilityOf(draft: StrategyDraft): Eligibility {
  const eligibility: Eligibility = {};
  // Lists keep the order of the canonical code lists, so the same choice is the same JSON.
  if (draft.classes.length > 0) eligibility.classes = customerClasses.filter((key) => draft.classes.includes(key));
  if (draft.demoTypes.length > 0) eligibility.demoTypes = demoTypes.filter((key) => draft.demoTypes.includes(key));
  if (draft.formats.length > 0) eligibility.formats = [...new Set(draft.formats)].sort();
  if (draft.branchIds.length > 0) eligibility.branchIds = [...new Set(draft.branchIds)].sort((a, b) => a - b);
  if (draft.districtCodes.length > 0) eligibility.districtCodes = [...new Set(draft.districtCodes)].sort();
  if (draft.urbanRural.length > 0)
    eligibility.urbanRural = (['urban', 'rural'] as const).filter((key) => draft.urbanRural.includes(key));
  if (draft.gradeMin !== null) eligibility.gradeMin = draft.gradeMin;
  if (draft.gradeMax !== null) eligibility.gradeMax = draft.gradeMax;
  return eligibility;
}

// Rows that change something (a factor other than 1), keys in order, so the same choice is the same JSON.
function regionMultipliersOf(rows: readonly RegionRowDraft[]): AllocationStrategy['regionMultipliers'] {
  const pick = (kind: RegionKind) => {
    const entries = rows
      .filter((row) => row.kind === kind && row.key !== null && row.factor !== null && row.factor !== 1)
      .map((row) => [row.key as string, row.factor as number] as const)
      .sort(([a], [b]) => (kind === 'branch' ? Number(a) - Number(b) : a.localeCompare(b)));
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };
  const districts = pick('district');
  const branches = pick('branch');
  if (!districts && !branches) return undefined;
  return { ...(districts ? { districts } : {}), ...(branches ? { branches } : {}) };
}

export type DraftResult =
  | { isValid: true; supply: number | null; strategy: AllocationStrategy }
  | { isValid: false; issues: StrategyIssue[] };

export function toStrategy(draft: StrategyDraft): DraftResult {
  const issues = checkDraft(draft);
  if (issues.length > 0) return { isValid: false, issues };
  const base: AllocationStrategy['base'] =
    draft.baseKind === 'grade_table'
      ? {
          kind: 'grade_table',
          table: draft.gradeTable
            .map((row) => ({
              fromGrade: row.fromGrade as number,
              toGrade: row.toGrade as number,
              qty: row.qty as number,
            }))
            .sort((a, b) => a.fromGrade - b.fromGrade),
        }
      : { kind: draft.baseKind };
  const strategy: AllocationStrategy = { base };
  const classMultipliers = effectiveMultipliers(draft.classMultipliers);
  if (Object.keys(classMultipliers).length > 0) strategy.classMultipliers = classMultipliers;
  const creditMultipliers = effectiveMultipliers(draft.creditMultipliers) as Record<string, number>;
  if (Object.keys(creditMultipliers).length > 0) strategy.creditMultipliers = creditMultipliers;
  const regionMultipliers = regionMultipliersOf(draft.regionRows);
  if (regionMultipliers) strategy.regionMultipliers = regionMultipliers;
  const eligibility = eligibilityOf(draft);
  if (Object.keys(eligibility).length > 0) strategy.eligibility = eligibility;
  if (draft.cap !== null) strategy.cap = draft.cap;
  return { isValid: true, supply: draft.supply, strategy };
}

// The strategy in one line for tables and the read-only view, as labelled pieces.
export type StrategyPiece =
  | { kind: 'base'; base: BaseKind; bands: number }
  | { kind: 'classMultiplier'; customerClass: CustomerClass; value: number }
  | { kind: 'creditMultiplier'; level: string; value: number }
  | { kind: 'regionMultiplier'; region: RegionKind; key: string; value: number }
  | { kind: 'eligibility'; rules: number }
  | { kind: 'cap'; value: number };

export function strategyPieces(strategy: AllocationStrategy): StrategyPiece[] {
  const pieces: StrategyPiece[] = [
    {
      kind: 'base',
      base: strategy.base.kind,
      bands: strategy.base.kind === 'grade_table' ? strategy.base.table.length : 0,
    },
  ];
  for (const customerClass of customerClasses) {
    const value = strategy.classMultipliers?.[customerClass];
    if (value !== undefined && value !== 1) pieces.push({ kind: 'classMultiplier', customerClass, value });
  }
  for (const [level, value] of Object.entries(strategy.creditMultipliers ?? {})) {
    if (value !== 1) pieces.push({ kind: 'creditMultiplier', level, value });
  }
  for (const [key, value] of Object.entries(strategy.regionMultipliers?.districts ?? {})) {
    if (value !== 1) pieces.push({ kind: 'regionMultiplier', region: 'district', key, value });
  }
  for (const [key, value] of Object.entries(strategy.regionMultipliers?.branches ?? {})) {
    if (value !== 1) pieces.push({ kind: 'regionMultiplier', region: 'branch', key, value });
  }
  const rules = Object.keys(strategy.eligibility ?? {}).length;
  if (rules > 0) pieces.push({ kind: 'eligibility', rules });
  if (strategy.cap !== undefined) pieces.push({ kind: 'cap', value: strategy.cap });
  return pieces;
}

// ── Opening a product's strategy from a link (a price warning's 限点限量) ────────────────────────

// /supply/cycles/:id?product=<id>&reduceDistricts=<code,code>&reduceBranches=<id,id>&factor=0.8&from=warning:<id>
// What a valid link asks for; null when it names no product. Malformed regions are dropped; a factor
// outside (0, maxMultiplier] is null (the rows open for the user to fill); no factor means 0.8.
export type StrategyLink = RegionPreset & { productId: number; warningId: string | null };

export const defaultReduceFactor = 0.8;
export const strategyLinkParams = ['product', 'reduceDistricts', 'reduceBranches', 'factor', 'from'] as const;

function listParam(value: string | null, pattern: RegExp): string[] {
  const values = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => pattern.test(item));
  return [...new Set(values)].slice(0, maxRegionRows);
}

export function parseStrategyLink(params: URLSearchParams): StrategyLink | null {
  const product = params.get('product') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(product)) return null;
  const rawFactor = params.get('factor');
  const factorValue = rawFactor === null ? defaultReduceFactor : Number(rawFactor);
  const factor =
    rawFactor !== null && rawFactor.trim() === ''
      ? null
      : Number.isFinite(factorValue) && factorValue > 0 && factorValue <= maxMultiplier
        ? factorValue
        : null;
  const from = /^warning:([A-Za-z0-9_-]{1,40})$/.exec(params.get('from') ?? '');
  return {
    productId: Number(product),
    districts: listParam(params.get('reduceDistricts'), /^\d{6}$/),
    branches: listParam(params.get('reduceBranches'), /^[1-9]\d{0,9}$/),
    factor,
    warningId: from ? from[1] : null,
  };
}
