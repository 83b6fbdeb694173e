import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import {
  type ContestCriterion,
  checkContest,
  checkEntryOpen,
  checkMayScore,
  checkPublishable,
  checkScores,
  type EntryForRanking,
  judgeTotal,
  rankEntries,
} from './contests.rules.ts';

const criteria: ContestCriterion[] = [
  { key: 'creative', label: '创意', weight: 40, maxScore: 10 },
  { key: 'tidy', label: '整洁', weight: 30, maxScore: 10 },
  { key: 'brands', label: '品牌规范', weight: 30, maxScore: 10 },
];
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
};
const entry = (entryId: number, scores: EntryForRanking['scores'], submittedAt = '2026-11-01T00:00:00.000Z') => ({
  entryId,
  submittedAt,
  scores,
});
const all = (creative: number, tidy: number, brands: number) => ({ creative, tidy, brands });

describe(judgeTotal.name, () => {
  it.each([
    ['full marks', all(10, 10, 10), 100],
    ['nothing', all(0, 0, 0), 0],
    ['weighted: 40 % creative at 10, the rest at 5', all(10, 5, 5), 70],
    ['halves count', all(7.5, 5, 5), 60],
  ])('%s → %d', (_, scores, total) => {
    expect(judgeTotal(criteria, scores)).toBeCloseTo(total, 9);
  });
});

describe(rankEntries.name, () => {
  // Each row: entries (id, judges' scores, submitted at) → the order of ids, and what separated each
  // from the one above it.
  it.each([
    {
      name: 'the mean of the judges decides',
      entries: [entry(1, [all(5, 5, 5), all(7, 7, 7)]), entry(2, [all(9, 9, 9)]), entry(3, [all(6.5, 6.5, 6.5)])],
      order: [2, 3, 1],
      separatedBy: [null, 'score', 'score'],
      scores: [90, 65, 60],
    },
    {
      name: 'equal means: the heaviest criterion breaks the tie',
      // Both 70: entry 1 is stronger on creative (weight 40).
      entries: [entry(2, [all(7, 7, 7)]), entry(1, [all(10, 5, 5)])],
      order: [1, 2],
      separatedBy: [null, 'criterion:creative'],
      scores: [70, 70],
    },
    {
      name: 'equal means and heaviest criterion: the next criterion in listed order (tidy before brands)',
      entries: [entry(1, [all(8, 6, 8)]), entry(2, [all(8, 8, 6)])],
      order: [2, 1],
      separatedBy: [null, 'criterion:tidy'],
      scores: [74, 74],
    },
    {
      name: 'identical figures: more judges first',
      entries: [entry(1, [all(8, 8, 8)]), entry(2, [all(8, 8, 8), all(8, 8, 8)])],
      order: [2, 1],
      separatedBy: [null, 'judges'],
      scores: [80, 80],
    },
    {
      name: 'identical figures and judges: the earlier submission',
      entries: [
        entry(1, [all(8, 8, 8)], '2026-11-02T00:00:00.000Z'),
        entry(2, [all(8, 8, 8)], '2026-11-01T09:00:00.000Z'),
      ],
      order: [2, 1],
      separatedBy: [null, 'submittedAt'],
      scores: [80, 80],
    },
    {
      name: 'everything equal: the lower entry id',
      entries: [entry(7, [all(8, 8, 8)]), entry(4, [all(8, 8, 8)])],
      order: [4, 7],
      separatedBy: [null, 'entryId'],
      scores: [80, 80],
    },
    {
      name: 'an entry nobody scored is unranked, after the ranked ones',
      entries: [entry(1, []), entry(2, [all(1, 1, 1)])],
      order: [2, 1],
      separatedBy: [null, null],
      scores: [10, null],
    },
    {
      name: 'floating-point noise is no difference: 1/3-style means tie and fall to the criteria',
      // (10+10+0)/3 and (0+10+10)/3 on one criterion each side: the same mean.
      entries: [
        entry(1, [all(10, 10, 10), all(10, 10, 10), all(0, 0, 0)]),
        entry(2, [all(0, 0, 0), all(10, 10, 10), all(10, 10, 10)]),
      ],
      order: [1, 2],
      separatedBy: [null, 'entryId'],
      scores: [66.67, 66.67],
    },
  ])('$name', ({ entries, order, separatedBy, scores }) => {
    const ranking = rankEntries(criteria, entries);
    expect(ranking.map((ranked) => ranked.entryId)).toEqual(order);
    expect(ranking.map((ranked) => ranked.separatedBy)).toEqual(separatedBy);
    expect(ranking.map((ranked) => ranked.score)).toEqual(scores);
    expect(ranking.map((ranked) => ranked.rank)).toEqual(
      scores.map((score, index) => (score === null ? null : index + 1)),
    );
  });

  it('is reproducible: the same scores in any order give the same ranking', () => {
    const entries = [
      entry(1, [all(8, 6, 8), all(7, 7, 7)]),
      entry(2, [all(8, 8, 6)]),
      entry(3, [all(10, 5, 5), all(4, 9, 9)]),
      entry(4, []),
      entry(5, [all(8, 8, 8)], '2026-10-30T00:00:00.000Z'),
    ];
    const first = rankEntries(criteria, entries);
    expect(rankEntries(criteria, [...entries].reverse())).toEqual(first);
    expect(rankEntries(criteria, [entries[2], entries[4], entries[0], entries[3], entries[1]])).toEqual(first);
  });
});

describe('contest rules', () => {
  const definition = {
    startsOn: '2026-11-01',
    entryDeadline: '2026-11-20',
    endsOn: '2026-11-30',
    criteria,
    judgeIds: [1, 2],
    winnerCount: 3,
  };
  it.each([
    ['a sound contest', definition, 'ok'],
    ['deadline after the end', { ...definition, entryDeadline: '2026-12-01' }, 'CONTEST_INVALID'],
    ['no criteria', { ...definition, criteria: [] }, 'CONTEST_INVALID'],
    ['a criterion twice', { ...definition, criteria: [criteria[0], criteria[0]] }, 'CONTEST_INVALID'],
    ['a zero weight', { ...definition, criteria: [{ ...criteria[0], weight: 0 }] }, 'CONTEST_INVALID'],
    ['no judge', { ...definition, judgeIds: [] }, 'CONTEST_INVALID'],
    ['a judge twice', { ...definition, judgeIds: [1, 1] }, 'CONTEST_INVALID'],
  ])('%s → %s', (_, input, code) => {
    expect(codeOf(() => checkContest(input))).toBe(code);
  });

  const open = { status: 'open', startsOn: '2026-11-01', entryDeadline: '2026-11-20' };
  it.each([
    ['on the first day', open, '2026-11-01', 'ok'],
    ['on the deadline', open, '2026-11-20', 'ok'],
    ['the day after the deadline', open, '2026-11-21', 'CONTEST_ENTRY_CLOSED'],
    ['before it starts', open, '2026-10-31', 'CONTEST_ENTRY_CLOSED'],
    ['once published', { ...open, status: 'published' }, '2026-11-10', 'CONTEST_ENTRY_CLOSED'],
  ])('entering %s → %s', (_, contest, today, code) => {
    expect(codeOf(() => checkEntryOpen(contest, today))).toBe(code);
  });

  const judge = { isJudge: true, branchId: 4, alreadyScored: false };
  it.each([
    ['a judge, another branch’s entry', { status: 'open' }, judge, 5, 'ok'],
    ['a city-wide judge (no branch)', { status: 'open' }, { ...judge, branchId: null }, 4, 'ok'],
    ['not a judge', { status: 'open' }, { ...judge, isJudge: false }, 5, 'CONTEST_NOT_JUDGE'],
    ['their own branch’s entry', { status: 'open' }, judge, 4, 'CONTEST_OWN_BRANCH'],
    ['twice', { status: 'open' }, { ...judge, alreadyScored: true }, 5, 'CONTEST_ALREADY_SCORED'],
    ['after publication', { status: 'published' }, judge, 5, 'CONTEST_PUBLISHED'],
  ])('scoring: %s → %s', (_, contest, who, branchId, code) => {
    expect(codeOf(() => checkMayScore(contest, who, { branchId }))).toBe(code);
  });

  it.each([
    ['every criterion within its maximum', all(10, 0, 5.5), 'ok'],
    ['a criterion missing', { creative: 5, tidy: 5 }, 'CONTEST_SCORE_INVALID'],
    ['an unknown criterion', { ...all(5, 5, 5), colour: 3 }, 'CONTEST_SCORE_INVALID'],
    ['above the maximum', all(11, 5, 5), 'CONTEST_SCORE_INVALID'],
    ['below zero', all(-1, 5, 5), 'CONTEST_SCORE_INVALID'],
    ['not a half step', all(5.3, 5, 5), 'CONTEST_SCORE_INVALID'],
  ])('scores: %s → %s', (_, scores, code) => {
    expect(codeOf(() => checkScores(criteria, scores))).toBe(code);
  });

  it.each([
    ['entries closed and all scored', '2026-11-21', [entry(1, [all(5, 5, 5)])], 'ok'],
    ['on the deadline day', '2026-11-20', [entry(1, [all(5, 5, 5)])], 'CONTEST_ENTRIES_OPEN'],
    ['an entry unscored', '2026-11-21', [entry(1, [all(5, 5, 5)]), entry(2, [])], 'CONTEST_NOT_SCORED'],
    ['no entry at all', '2026-11-21', [], 'CONTEST_NOT_SCORED'],
  ])('publishing: %s → %s', (_, today, entries, code) => {
    expect(codeOf(() => checkPublishable(open, today, rankEntries(criteria, entries)))).toBe(code);
  });
});
