import { describe, expect, it } from 'vitest';
import { hasUnclassifiedStores, type PlanItemState, planItemState } from './month-plan.ts';
import type { PlanItem } from './visits.api.ts';

describe(planItemState.name, () => {
  it.each<[PlanItem['status'], string, PlanItemState]>([
    ['planned', '2026-12-01', 'missed'], // yesterday, never visited
    ['planned', '2026-12-02', 'planned'], // today: still to do
    ['planned', '2026-12-03', 'planned'],
    ['done', '2026-12-01', 'done'],
    ['dropped', '2026-12-01', 'dropped'],
    ['planned', '2026-11-30', 'missed'],
  ])('a %s visit on %s, seen on 2026-12-02, is %s', (status, date, expected) => {
    expect(planItemState({ status, date }, '2026-12-02')).toBe(expected);
  });
});

describe(hasUnclassifiedStores.name, () => {
  it.each<[string, Pick<PlanItem, 'classCode' | 'status'>[], boolean]>([
    ['no plan yet', [], false],
    [
      'every store classified',
      [
        { classCode: 'growth', status: 'planned' },
        { classCode: 'ordinary', status: 'done' },
      ],
      false,
    ],
    [
      'one store not classified',
      [
        { classCode: 'growth', status: 'planned' },
        { classCode: null, status: 'planned' },
      ],
      true,
    ],
    ['the only unclassified visit was dropped', [{ classCode: null, status: 'dropped' }], false],
  ])('%s → %s', (_, items, expected) => {
    expect(hasUnclassifiedStores(items)).toBe(expected);
  });
});
