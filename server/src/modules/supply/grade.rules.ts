import { DomainError } from '../../platform/errors/domain-error.ts';
import { addDays, mondayOf } from '../../platform/time/weeks.ts';

// 档位 (grades 1–30) from a period's purchases: a store's score (0–100) is the weighted percentile rank
// of its purchase amount and of its quantity among the stores that bought anything; grade =
// 1 + floor(score × 30 ÷ 100), at most 30. The percentile rank is the mid-rank one — (stores below +
// half the stores equal) ÷ stores × 100 — so ties share a rank and 30 stores of distinct sizes get
// grades 1 to 30: each grade holds about a thirtieth of the buying stores, and a store moves up only by
// buying more relative to the others. Stores that bought nothing are grade 1 with score 0.

export type GradeWeights = { amount: number; quantity: number }; // whole percent, adding up to 100

export type GradePurchases = { customerId: number; amountFen: number; quantity: number };

export type ComputedGrade = { customerId: number; grade: number; score: number };

export const gradeCount = 30;

// A run grades the 13 whole weeks (Monday to Sunday, Beijing time) before the week it is computed
// in, and takes effect next Monday unless the centre picks another date.
export const gradePeriodWeeks = 13;

export function gradeRunPeriodOf(
  now: Date,
  effectiveOn?: string,
): { periodFrom: string; periodTo: string; effectiveOn: string } {
  const thisWeek = mondayOf(now);
  return {
    periodFrom: addDays(thisWeek, -7 * gradePeriodWeeks),
    periodTo: addDays(thisWeek, -1),
    effectiveOn: effectiveOn ?? addDays(thisWeek, 7),
  };
}

// Only the newest run may be published, and only once: an older draft would take effect over the
// grades of a newer one.
export function checkGradeRunPublishable(run: { id: number; status: string }, latestRunId: number | undefined): void {
  if (run.status !== 'draft') throw new DomainError('GRADE_RUN_NOT_DRAFT');
  if (latestRunId !== run.id) throw new DomainError('GRADE_RUN_NOT_LATEST', { latestId: latestRunId ?? 0 });
}

export function checkGradeWeights(weights: GradeWeights): void {
  const { amount, quantity } = weights;
  const isPercent = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100;
  if (!isPercent(amount) || !isPercent(quantity) || amount + quantity !== 100) {
    throw new DomainError('GRADE_WEIGHTS_INVALID', { amount, quantity }, 'weights');
  }
}

// For each buying store, twice its mid-rank among the buying stores: 2 × (stores below) + (stores
// equal, itself included). Whole numbers, so grade boundaries are met exactly.
function doubledMidRanks(values: Float64Array, buying: Int32Array): Float64Array {
  const order = Int32Array.from(buying).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  let position = 0;
  while (position < order.length) {
    let end = position;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[position]]) end += 1;
    for (let tie = position; tie <= end; tie += 1) ranks[order[tie]] = 2 * position + (end - position + 1);
    position = end + 1;
  }
  return ranks;
}

export function computeGrades(rows: readonly GradePurchases[], weights: GradeWeights): ComputedGrade[] {
  checkGradeWeights(weights);
  const amounts = new Float64Array(rows.length);
  const quantities = new Float64Array(rows.length);
  const buyingIndexes: number[] = [];
  rows.forEach((row, index) => {
    amounts[index] = Number.isFinite(row.amountFen) ? row.amountFen : 0;
    quantities[index] = Number.isFinite(row.quantity) ? row.quantity : 0;
    if (amounts[index] > 0 || quantities[index] > 0) buyingIndexes.push(index);
  });
  const buying = Int32Array.from(buyingIndexes);
  const buyers = buying.length;
  const amountRanks = doubledMidRanks(amounts, buying);
  const quantityRanks = doubledMidRanks(quantities, buying);
  const isBuying = new Uint8Array(rows.length);
  for (const index of buying) isBuying[index] = 1;
  return rows.map((row, index) => {
    if (!isBuying[index]) return { customerId: row.customerId, grade: 1, score: 0 };
    // score = (w_a × percentile_a + w_q × percentile_q) ÷ 100 = weighted ÷ (2 × buyers), with weighted a
    // whole number, so a score on a grade boundary lands on it exactly.
    const weighted = weights.amount * amountRanks[index] + weights.quantity * quantityRanks[index];
    const grade = Math.min(gradeCount, 1 + Math.floor((weighted * gradeCount) / (200 * buyers)));
    return { customerId: row.customerId, grade, score: Math.round((weighted / (2 * buyers)) * 100) / 100 };
  });
}

// How many stores hold each grade, 1 to 30, zeros included.
export function gradeDistribution(grades: ReadonlyArray<{ grade: number }>): Array<{ grade: number; count: number }> {
  const counts = new Array<number>(gradeCount + 1).fill(0);
  for (const { grade } of grades) {
    if (Number.isInteger(grade) && grade >= 1 && grade <= gradeCount) counts[grade] += 1;
  }
  return counts.slice(1).map((count, index) => ({ grade: index + 1, count }));
}
