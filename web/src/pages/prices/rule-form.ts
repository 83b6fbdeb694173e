// 预警规则's editor: what a person typed ↔ the rule the server stores. The bands are index
// points; each floor must be below its ceiling, and the red band must hold the yellow one (red
// is the wider alarm). The server checks the same (and refuses floor ≥ ceiling with a 400).

export type RuleDraft = {
  yellowFloor: number | null;
  yellowCeiling: number | null;
  redFloor: number | null;
  redCeiling: number | null;
  dropPoints: number | null; // null: no week-on-week drop rule
  minObservations: number | null;
};

export type RuleIssue = {
  field: keyof RuleDraft;
  key: 'required' | 'outOfRange' | 'floorNotBelowCeiling' | 'redInsideYellow' | 'dropInvalid' | 'minInvalid';
};

export const maxIndexPoints = 300;
export const maxMinObservations = 1000;

const inRange = (value: number) => Number.isFinite(value) && value > 0 && value <= maxIndexPoints;

export function checkRule(draft: RuleDraft): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const bands = ['yellowFloor', 'yellowCeiling', 'redFloor', 'redCeiling'] as const;
  for (const field of bands) {
    const value = draft[field];
    if (value === null) issues.push({ field, key: 'required' });
    else if (!inRange(value)) issues.push({ field, key: 'outOfRange' });
  }
  const { yellowFloor, yellowCeiling, redFloor, redCeiling } = draft;
  const bandsTyped = issues.length === 0;
  if (bandsTyped && (yellowFloor as number) >= (yellowCeiling as number))
    issues.push({ field: 'yellowCeiling', key: 'floorNotBelowCeiling' });
  if (bandsTyped && (redFloor as number) >= (redCeiling as number))
    issues.push({ field: 'redCeiling', key: 'floorNotBelowCeiling' });
  if (
    issues.length === 0 &&
    ((redFloor as number) > (yellowFloor as number) || (redCeiling as number) < (yellowCeiling as number))
  )
    issues.push({ field: 'redFloor', key: 'redInsideYellow' });
  if (draft.dropPoints !== null && !(draft.dropPoints > 0 && draft.dropPoints <= 100))
    issues.push({ field: 'dropPoints', key: 'dropInvalid' });
  const min = draft.minObservations;
  if (min === null || !Number.isInteger(min) || min < 1 || min > maxMinObservations)
    issues.push({ field: 'minObservations', key: 'minInvalid' });
  return issues;
}
