import type { PlanItem } from './visits.api.ts';

// What a plan item shows: a planned visit whose day has passed without a visit was not done
// (未完成) — it can no longer be dropped, and calling it 待走访 would hide the miss.
export type PlanItemState = PlanItem['status'] | 'missed';

// `today` is the Beijing calendar day ('2026-12-02'); plan dates are calendar days too.
export function planItemState(item: Pick<PlanItem, 'status' | 'date'>, today: string): PlanItemState {
  if (item.status === 'planned' && item.date < today) return 'missed';
  return item.status;
}

export const planStateColours: Record<PlanItemState, string> = {
  planned: 'blue',
  done: 'green',
  dropped: 'default',
  missed: 'orange',
};

// The note on how stores without a class are planned matters only when the plan has some.
export function hasUnclassifiedStores(items: readonly Pick<PlanItem, 'classCode' | 'status'>[]): boolean {
  return items.some((item) => item.classCode === null && item.status !== 'dropped');
}
