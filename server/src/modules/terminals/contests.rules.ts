import { DomainError } from '../../platform/errors/domain-error.ts';

// 陈列创意大赛's rules, pure: what a contest must state, when a store may enter, who may score an
// entry, and the ranking — computed from the stored scores alone, so anyone holding them gets the
// same order.
//
// Ranking:
// - A judge's total for an entry is the weighted mean of the criteria on a 0–100 scale:
//   Σ weightᵢ · (scoreᵢ / maxScoreᵢ) · 100 / Σ weightᵢ.
// - An entry's score is the mean of its judges' totals (each judge counts once, whatever they gave).
// - Ties are broken, in this order, by:
//   1. the mean of each criterion (as a share of its maximum), the heaviest criterion first
//      (equal weights: in the order the contest lists them), higher first;
//   2. more judges having scored it;
//   3. the earlier submission;
//   4. the lower entry id (never equal) — so the order is total and reproducible.
// - Figures are compared rounded to 6 decimals, so the order never hangs on floating-point noise.
// - An entry no judge has scored is not ranked (rank null), listed after the ranked ones.

export type ContestCriterion = { key: string; label: string; weight: number; maxScore: number };

export type ContestDefinition = {
  startsOn: string;
  entryDeadline: string;
  endsOn: string;
  criteria: readonly ContestCriterion[];
  judgeIds: readonly number[];
  winnerCount: number;
};

export function checkContest(definition: ContestDefinition): void {
  const invalid = (reason: string, reasonEn: string, field: string) => {
    throw new DomainError('CONTEST_INVALID', { reason, reasonEn }, field);
  };
  if (!(definition.startsOn <= definition.entryDeadline && definition.entryDeadline <= definition.endsOn))
    invalid(
      '须满足 开始日期 ≤ 截止投稿日期 ≤ 结束日期',
      'startsOn ≤ entryDeadline ≤ endsOn must hold',
      'entryDeadline',
    );
  if (definition.criteria.length === 0) invalid('至少需要一项评分标准', 'at least one criterion is needed', 'criteria');
  const keys = new Set(definition.criteria.map((criterion) => criterion.key));
  if (keys.size !== definition.criteria.length) invalid('评分标准的代码重复', 'criterion keys repeat', 'criteria');
  if (definition.criteria.some((criterion) => !(criterion.weight > 0) || !(criterion.maxScore > 0)))
    invalid('权重与满分须大于 0', 'weights and maximum scores must be above 0', 'criteria');
  if (definition.judgeIds.length === 0) invalid('至少需要一名评委', 'at least one judge is needed', 'judgeIds');
  if (new Set(definition.judgeIds).size !== definition.judgeIds.length)
    invalid('评委重复', 'a judge is named twice', 'judgeIds');
}

// A store may enter from the first day to the entry deadline (Beijing days), while not published.
export function checkEntryOpen(contest: { status: string; startsOn: string; entryDeadline: string }, today: string) {
  if (contest.status !== 'open' || today < contest.startsOn || today > contest.entryDeadline)
    throw new DomainError('CONTEST_ENTRY_CLOSED', { deadline: contest.entryDeadline });
}

export type ScoringJudge = { isJudge: boolean; branchId: number | null; alreadyScored: boolean };

// A judge scores an entry once, never an entry of their own branch, and not after publication.
export function checkMayScore(contest: { status: string }, judge: ScoringJudge, entry: { branchId: number }): void {
  if (!judge.isJudge) throw new DomainError('CONTEST_NOT_JUDGE');
  if (contest.status === 'published') throw new DomainError('CONTEST_PUBLISHED');
  if (judge.branchId !== null && judge.branchId === entry.branchId) throw new DomainError('CONTEST_OWN_BRANCH');
  if (judge.alreadyScored) throw new DomainError('CONTEST_ALREADY_SCORED');
}

// Every criterion scored, none other, each within 0..maxScore (halves allowed).
export function checkScores(criteria: readonly ContestCriterion[], scores: Readonly<Record<string, number>>): void {
  const keys = new Set(criteria.map((criterion) => criterion.key));
  for (const key of Object.keys(scores))
    if (!keys.has(key)) throw new DomainError('CONTEST_SCORE_INVALID', { criterion: key }, 'scores');
  for (const criterion of criteria) {
    const score = scores[criterion.key];
    if (score === undefined || !(score >= 0 && score <= criterion.maxScore) || !Number.isInteger(score * 2))
      throw new DomainError('CONTEST_SCORE_INVALID', { criterion: criterion.key }, 'scores');
  }
}

export function judgeTotal(criteria: readonly ContestCriterion[], scores: Readonly<Record<string, number>>): number {
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const weighted = criteria.reduce(
    (sum, criterion) => sum + criterion.weight * ((scores[criterion.key] ?? 0) / criterion.maxScore),
    0,
  );
  return (weighted * 100) / weights;
}

export type EntryForRanking = {
  entryId: number;
  submittedAt: string; // ISO instant
  scores: ReadonlyArray<Readonly<Record<string, number>>>; // one a judge
};

export type RankedEntry = {
  entryId: number;
  rank: number | null;
  // Mean of the judges' totals, 0–100, rounded to 2 decimals for showing.
  score: number | null;
  judges: number;
  // Each criterion's mean as a share (0–1) of its maximum.
  criteria: Record<string, number>;
  // What put it below the entry ranked just above it: 'score', 'criterion:<key>', 'judges',
  // 'submittedAt' or 'entryId'; null for the first and the unranked.
  separatedBy: string | null;
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function rankEntries(criteria: readonly ContestCriterion[], entries: readonly EntryForRanking[]): RankedEntry[] {
  const tieOrder = criteria
    .map((criterion, index) => ({ criterion, index }))
    .sort((a, b) => b.criterion.weight - a.criterion.weight || a.index - b.index)
    .map(({ criterion }) => criterion);
  const figures = entries.map((entry) => {
    const totals = entry.scores.map((scores) => judgeTotal(criteria, scores));
    const mean = totals.length === 0 ? null : round(totals.reduce((sum, total) => sum + total, 0) / totals.length, 6);
    const criterionMeans: Record<string, number> = {};
    for (const criterion of criteria) {
      const values = entry.scores.map((scores) => (scores[criterion.key] ?? 0) / criterion.maxScore);
      criterionMeans[criterion.key] =
        values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length, 6);
    }
    return { entry, mean, criterionMeans };
  });
  type Figure = (typeof figures)[number];
  // The first step that tells a before b (negative) or after (positive), and its name.
  const compare = (a: Figure, b: Figure): [number, string] => {
    if (a.mean !== b.mean) return [(b.mean ?? -1) - (a.mean ?? -1), 'score'];
    for (const criterion of tieOrder) {
      const difference = b.criterionMeans[criterion.key] - a.criterionMeans[criterion.key];
      if (difference !== 0) return [difference, `criterion:${criterion.key}`];
    }
    if (a.entry.scores.length !== b.entry.scores.length)
      return [b.entry.scores.length - a.entry.scores.length, 'judges'];
    if (a.entry.submittedAt !== b.entry.submittedAt)
      return [a.entry.submittedAt < b.entry.submittedAt ? -1 : 1, 'submittedAt'];
    return [a.entry.entryId - b.entry.entryId, 'entryId'];
  };
  const ranked = figures.filter((figure) => figure.mean !== null).sort((a, b) => compare(a, b)[0]);
  const unranked = figures
    .filter((figure) => figure.mean === null)
    .sort((a, b) => a.entry.submittedAt.localeCompare(b.entry.submittedAt) || a.entry.entryId - b.entry.entryId);
  return [
    ...ranked.map((figure, index) => ({
      entryId: figure.entry.entryId,
      rank: index + 1,
      score: round(figure.mean as number, 2),
      judges: figure.entry.scores.length,
      criteria: figure.criterionMeans,
      separatedBy: index === 0 ? null : compare(ranked[index - 1], figure)[1],
    })),
    ...unranked.map((figure) => ({
      entryId: figure.entry.entryId,
      rank: null,
      score: null,
      judges: 0,
      criteria: figure.criterionMeans,
      separatedBy: null,
    })),
  ];
}

// Publishing: entries are closed (the deadline has passed) and every entry has a score.
export function checkPublishable(
  contest: { status: string; entryDeadline: string },
  today: string,
  ranking: readonly RankedEntry[],
): void {
  if (contest.status === 'published') throw new DomainError('CONTEST_PUBLISHED');
  if (today <= contest.entryDeadline)
    throw new DomainError('CONTEST_ENTRIES_OPEN', { deadline: contest.entryDeadline });
  const unscored = ranking.filter((entry) => entry.rank === null).length;
  if (ranking.length === 0 || unscored > 0) throw new DomainError('CONTEST_NOT_SCORED', { unscored });
}
