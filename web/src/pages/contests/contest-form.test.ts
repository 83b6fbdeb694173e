import { describe, expect, it } from 'vitest';
import { contestInputOf, deadlineIssue, isValidScore } from './contest-form.ts';

describe(contestInputOf.name, () => {
  it('names the criteria c1, c2 … in the listed order and trims the words', () => {
    expect(
      contestInputOf({
        title: ' 冬季大赛 ',
        rules: ' 每店一件 ',
        startsOn: '2026-11-01',
        entryDeadline: '2026-11-30',
        endsOn: '2026-12-20',
        criteria: [
          { label: ' 创意性 ', weight: 40, maxScore: 10 },
          { label: '整洁度', weight: 60, maxScore: 5 },
        ],
        judgeIds: [3, 4],
        winnerCount: 5,
      }),
    ).toEqual({
      title: '冬季大赛',
      rules: '每店一件',
      startsOn: '2026-11-01',
      entryDeadline: '2026-11-30',
      endsOn: '2026-12-20',
      criteria: [
        { key: 'c1', label: '创意性', weight: 40, maxScore: 10 },
        { key: 'c2', label: '整洁度', weight: 60, maxScore: 5 },
      ],
      judgeIds: [3, 4],
      winnerCount: 5,
    });
  });
});

describe(deadlineIssue.name, () => {
  it.each([
    ['2026-11-01', '2026-11-30', '2026-12-20', null],
    ['2026-11-01', '2026-11-01', '2026-11-01', null],
    ['2026-11-01', '2026-10-31', '2026-12-20', 'outsidePeriod'],
    ['2026-11-01', '2026-12-21', '2026-12-20', 'outsidePeriod'],
    ['2026-11-01', undefined, '2026-12-20', null],
  ])('starts %s, deadline %s, ends %s → %s', (startsOn, entryDeadline, endsOn, issue) => {
    expect(deadlineIssue({ startsOn, entryDeadline, endsOn })).toBe(issue);
  });
});

describe(isValidScore.name, () => {
  it.each([
    [0, 10, true],
    [10, 10, true],
    [7.5, 10, true],
    [7.3, 10, false],
    [10.5, 10, false],
    [-0.5, 10, false],
    [null, 10, false],
  ])('%s of %s → %s', (score, max, valid) => {
    expect(isValidScore(score, max)).toBe(valid);
  });
});
