import type { Goals, Programme, ProgrammeAction, ProgrammeInput, Segment } from './brand.api.ts';

// The programme editor's values and the checks it makes before sending: the server's own checks
// (end before start, no products, goals outside 0–100 %, a band with min > max, a grade range
// upside down), so a mistake is shown at its field and nothing is sent. Goals are entered as
// percentages and sent as fractions. A segment that matches no store is for the server to say.

export const minGrade = 1;
export const maxGrade = 30;
export const maxNameLength = 100;

export type TargetMode = 'segment' | 'list';

export type ActionDraft = { kind?: ProgrammeAction['kind']; title?: string; date?: string; serviceItemId?: number };

export type ProgrammeDraft = {
  name?: string;
  description?: string;
  productIds?: number[];
  startDate?: string; // YYYY-MM-DD
  endDate?: string;
  targetMode: TargetMode;
  segment?: Segment;
  customerIds?: number[];
  shelvingRate?: number | null; // %
  sellThroughRate?: number | null; // %
  stockMin?: number | null;
  stockMax?: number | null;
  actions?: ActionDraft[];
  ownerId?: number;
};

export const issueKeys = [
  'nameRequired',
  'nameTooLong',
  'productsRequired',
  'startRequired',
  'endRequired',
  'endBeforeStart',
  'customersRequired',
  'percentRange',
  'bandIncomplete',
  'bandNegative',
  'bandOrder',
  'gradeOrder',
  'actionTitleRequired',
  'actionServiceRequired',
] as const;
export type IssueKey = (typeof issueKeys)[number];

// Where an issue is shown: a field of the editor (actions by index).
export type IssueField =
  | 'name'
  | 'productIds'
  | 'startDate'
  | 'endDate'
  | 'customerIds'
  | 'shelvingRate'
  | 'sellThroughRate'
  | 'stockMin'
  | 'stockMax'
  | 'gradeMax'
  | `actions.${number}.title`
  | `actions.${number}.serviceItemId`;

export type DraftIssue = { field: IssueField; key: IssueKey };

const isSet = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

export function programmeIssues(draft: ProgrammeDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const name = draft.name?.trim() ?? '';
  if (name === '') issues.push({ field: 'name', key: 'nameRequired' });
  else if (name.length > maxNameLength) issues.push({ field: 'name', key: 'nameTooLong' });
  if ((draft.productIds ?? []).length === 0) issues.push({ field: 'productIds', key: 'productsRequired' });
  if (!draft.startDate) issues.push({ field: 'startDate', key: 'startRequired' });
  if (!draft.endDate) issues.push({ field: 'endDate', key: 'endRequired' });
  // ISO days compare as strings.
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate)
    issues.push({ field: 'endDate', key: 'endBeforeStart' });
  if (draft.targetMode === 'list' && (draft.customerIds ?? []).length === 0)
    issues.push({ field: 'customerIds', key: 'customersRequired' });
  if (draft.targetMode === 'segment') {
    const { gradeMin, gradeMax } = draft.segment ?? {};
    if (isSet(gradeMin) && isSet(gradeMax) && gradeMin > gradeMax)
      issues.push({ field: 'gradeMax', key: 'gradeOrder' });
  }
  for (const field of ['shelvingRate', 'sellThroughRate'] as const) {
    const value = draft[field];
    if (isSet(value) && (value < 0 || value > 100)) issues.push({ field, key: 'percentRange' });
  }
  const { stockMin, stockMax } = draft;
  if (isSet(stockMin) !== isSet(stockMax))
    issues.push({ field: isSet(stockMin) ? 'stockMax' : 'stockMin', key: 'bandIncomplete' });
  else if (isSet(stockMin) && isSet(stockMax)) {
    if (stockMin < 0 || stockMax < 0)
      issues.push({ field: stockMin < 0 ? 'stockMin' : 'stockMax', key: 'bandNegative' });
    else if (stockMin > stockMax) issues.push({ field: 'stockMax', key: 'bandOrder' });
  }
  (draft.actions ?? []).forEach((action, index) => {
    if ((action.title?.trim() ?? '') === '')
      issues.push({ field: `actions.${index}.title`, key: 'actionTitleRequired' });
    if (action.kind === 'service' && !isSet(action.serviceItemId))
      issues.push({ field: `actions.${index}.serviceItemId`, key: 'actionServiceRequired' });
  });
  return issues;
}

// 85 (%) → 0.85, without floating-point tails (85.5 → 0.855, not 0.8550000000000001).
export const fractionOf = (percent: number) => Math.round(percent * 100) / 10_000;
export const percentOf = (fraction: number) => Math.round(fraction * 10_000) / 100;

function compactSegment(segment: Segment | undefined): Segment {
  const result: Segment = {};
  if (!segment) return result;
  for (const key of ['classes', 'demoTypes', 'formats', 'branchIds', 'districtCodes', 'urbanRural'] as const) {
    const values = segment[key];
    if (values && values.length > 0) Object.assign(result, { [key]: values });
  }
  if (isSet(segment.gradeMin)) result.gradeMin = segment.gradeMin;
  if (isSet(segment.gradeMax)) result.gradeMax = segment.gradeMax;
  return result;
}

// The request for a draft without issues: the segment or the store list, never both.
export function toProgrammeInput(draft: ProgrammeDraft): ProgrammeInput {
  const goals: Goals = {};
  if (isSet(draft.shelvingRate)) goals.shelvingRate = fractionOf(draft.shelvingRate);
  if (isSet(draft.sellThroughRate)) goals.sellThroughRate = fractionOf(draft.sellThroughRate);
  if (isSet(draft.stockMin) && isSet(draft.stockMax)) goals.stockToSales = { min: draft.stockMin, max: draft.stockMax };
  const description = draft.description?.trim();
  return {
    name: draft.name?.trim() ?? '',
    ...(description ? { description } : {}),
    productIds: draft.productIds ?? [],
    startDate: draft.startDate ?? '',
    endDate: draft.endDate ?? '',
    ...(draft.targetMode === 'list'
      ? { customerIds: draft.customerIds ?? [] }
      : { segment: compactSegment(draft.segment) }),
    goals,
    actions: (draft.actions ?? []).map((action) => ({
      kind: action.kind ?? 'classroom',
      title: action.title?.trim() ?? '',
      ...(action.date ? { date: action.date } : {}),
      ...(action.kind === 'service' && isSet(action.serviceItemId) ? { serviceItemId: action.serviceItemId } : {}),
    })),
    ...(isSet(draft.ownerId) ? { ownerId: draft.ownerId } : {}),
  };
}

// The editor's values for a saved programme.
export function draftOf(programme: Programme): ProgrammeDraft {
  const { goals } = programme;
  return {
    name: programme.name,
    description: programme.description || undefined,
    productIds: programme.productIds,
    startDate: programme.startDate,
    endDate: programme.endDate,
    targetMode: programme.customerIds && programme.customerIds.length > 0 ? 'list' : 'segment',
    // The answer types the segment loosely (a record); it is what was sent.
    segment: (programme.segment ?? {}) as Segment,
    customerIds: programme.customerIds ?? [],
    shelvingRate: isSet(goals.shelvingRate) ? percentOf(goals.shelvingRate) : null,
    sellThroughRate: isSet(goals.sellThroughRate) ? percentOf(goals.sellThroughRate) : null,
    stockMin: goals.stockToSales?.min ?? null,
    stockMax: goals.stockToSales?.max ?? null,
    actions: programme.actions.map((action) => ({ ...action })),
    ownerId: programme.ownerId,
  };
}

// Where a server problem's field (e.g. 'goals.stockToSales.max', 'segment') shows in the editor;
// null: it belongs to no one field, and the form's alert shows it.
export function issueFieldOfServerField(field: string): IssueField | null {
  if (field === 'name' || field === 'productIds' || field === 'startDate' || field === 'endDate') return field;
  if (field === 'customerIds' || field.startsWith('customerIds.')) return 'customerIds';
  if (field.startsWith('productIds')) return 'productIds';
  if (field === 'goals.shelvingRate') return 'shelvingRate';
  if (field === 'goals.sellThroughRate') return 'sellThroughRate';
  if (field === 'goals.stockToSales.min') return 'stockMin';
  if (field.startsWith('goals.stockToSales')) return 'stockMax';
  if (field.startsWith('segment.grade')) return 'gradeMax';
  const action = /^actions\.(\d+)\.(title|serviceItemId)$/.exec(field);
  if (action) return `actions.${Number(action[1])}.${action[2] as 'title' | 'serviceItemId'}`;
  return null;
}
