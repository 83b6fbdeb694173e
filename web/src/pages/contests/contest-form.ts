import type { ContestCriterion, ContestInput } from './contests.api.ts';

// The contest editor's values and what they send (POST /contests). Criterion keys are codes the
// organiser never types: c1, c2 … in the listed order (the ranking's tie-break follows that order
// among equal weights, contests.rules.ts).

export type CriterionValues = { label?: string; weight?: number | null; maxScore?: number | null };

export type ContestFormValues = {
  title?: string;
  rules?: string;
  startsOn?: string;
  entryDeadline?: string;
  endsOn?: string;
  criteria?: CriterionValues[];
  judgeIds?: number[];
  winnerCount?: number | null;
};

export function criterionKeyOf(index: number): string {
  return `c${index + 1}`;
}

export function contestInputOf(values: ContestFormValues): ContestInput {
  const criteria: ContestCriterion[] = (values.criteria ?? []).map((criterion, index) => ({
    key: criterionKeyOf(index),
    label: (criterion.label ?? '').trim(),
    weight: criterion.weight ?? 0,
    maxScore: criterion.maxScore ?? 0,
  }));
  return {
    title: (values.title ?? '').trim(),
    rules: (values.rules ?? '').trim(),
    startsOn: values.startsOn ?? '',
    entryDeadline: values.entryDeadline ?? '',
    endsOn: values.endsOn ?? '',
    criteria,
    judgeIds: values.judgeIds ?? [],
    winnerCount: values.winnerCount ?? 10,
  };
}

// Why the dates do not hold (startsOn ≤ entryDeadline ≤ endsOn), or null when they do or are not
// all chosen yet (the required marks say so).
export function deadlineIssue(values: Pick<ContestFormValues, 'startsOn' | 'entryDeadline' | 'endsOn'>) {
  const { startsOn, entryDeadline, endsOn } = values;
  if (!startsOn || !entryDeadline || !endsOn) return null;
  return startsOn <= entryDeadline && entryDeadline <= endsOn ? null : 'outsidePeriod';
}

// Whole-number-and-a-half steps from 0 to the maximum (the server refuses anything else).
export function isValidScore(score: number | null | undefined, maxScore: number): boolean {
  return typeof score === 'number' && score >= 0 && score <= maxScore && Number.isInteger(score * 2);
}
