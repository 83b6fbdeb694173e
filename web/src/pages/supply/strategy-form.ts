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

export type StrategyDraft = {
  supply: number | null; // null: supply not limited
  baseKind: BaseKind;
  gradeTable: GradeRowDraft[];
  classMultipliers: Record<CustomerClass, number | null>;
  creditMultipliers: Record<string, number | null>;
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
  const rules = Object.keys(strategy.eligibility ?? {}).length;
  if (rules > 0) pieces.push({ kind: 'eligibility', rules });
  if (strategy.cap !== undefined) pieces.push({ kind: 'cap', value: strategy.cap });
  return pieces;
}
