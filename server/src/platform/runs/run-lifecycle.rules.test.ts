import { describe, expect, it } from 'vitest';
import {
  canMove,
  checkRunApproval,
  checkRunStart,
  diffByBranch,
  nextVersion,
  shareShifts,
  sharesOf,
} from './run-lifecycle.rules.ts';

describe('the run lifecycle shared by classification and credit', () => {
  it.each([
    [null, 1],
    [undefined, 1],
    [0, 1],
    [4, 5],
  ])('the version after %s is %s', (latest, next) => {
    expect(nextVersion(latest)).toBe(next);
  });

  it.each([
    [null, 'ok'],
    [undefined, 'ok'],
    [7, 'busy'],
  ] as const)('a run starts while %s computes: %s', (computing, verdict) => {
    expect(checkRunStart(computing)).toBe(verdict);
  });

  it.each([
    [{ id: 3, done: false }, 3, 'ok'],
    [{ id: 3, done: false }, null, 'ok'],
    [{ id: 3, done: true }, 3, 'done'],
    [{ id: 3, done: true }, 4, 'done'],
    [{ id: 3, done: false }, 4, 'not_latest'],
    [{ id: 3, done: false, ready: false }, 3, 'not_ready'],
    [{ id: 3, done: false, ready: true }, 3, 'ok'],
  ] as const)('approving %o when the latest is %s: %s', (run, latest, verdict) => {
    expect(checkRunApproval(run, latest)).toBe(verdict);
  });

  it('moves only along the transitions', () => {
    const transitions = { computing: ['computed'], computed: ['published', 'discarded'], published: [], discarded: [] };
    expect(canMove(transitions, 'computing', 'computed')).toBe(true);
    expect(canMove(transitions, 'computed', 'published')).toBe(true);
    expect(canMove(transitions, 'published', 'published')).toBe(false);
    expect(canMove(transitions, 'computing', 'published')).toBe(false);
  });

  it('sums the diff per branch, with ups and downs under a rank', () => {
    const rank = (value: string) => ['AAA', 'AA', 'A', 'B'].indexOf(value);
    const diff = diffByBranch(
      [
        { branchId: 2, branchName: '南区', from: 'A', to: 'A', count: 10 },
        { branchId: 2, branchName: '南区', from: 'A', to: 'AA', count: 2 },
        { branchId: 1, branchName: '北区', from: 'AA', to: 'B', count: 1 },
        { branchId: 2, branchName: '南区', from: 'A', to: 'B', count: 3 },
        { branchId: 1, branchName: '北区', from: null, to: 'A', count: 4 },
      ],
      rank,
    );
    expect(diff).toEqual([
      {
        branchId: 2,
        branchName: '南区',
        total: 15,
        changed: 5,
        up: 2,
        down: 3,
        moves: [
          { from: 'A', to: 'A', count: 10 },
          { from: 'A', to: 'AA', count: 2 },
          { from: 'A', to: 'B', count: 3 },
        ],
      },
      {
        branchId: 1,
        branchName: '北区',
        total: 5,
        changed: 5,
        up: 0,
        down: 1,
        moves: [
          { from: 'AA', to: 'B', count: 1 },
          { from: null, to: 'A', count: 4 },
        ],
      },
    ]);
    expect(diffByBranch([{ branchId: 1, branchName: 'x', from: 'a', to: 'b', count: 2 }])[0]).toMatchObject({
      up: 0,
      down: 0,
      changed: 2,
    });
  });

  it('gives shares in percent whose counts sum to the total', () => {
    const { total, shares } = sharesOf(
      ['A', 'B', 'C'],
      new Map([
        ['A', 2],
        ['B', 1],
      ]),
    );
    expect(total).toBe(3);
    expect(shares).toEqual([
      { value: 'A', count: 2, share: 66.7 },
      { value: 'B', count: 1, share: 33.3 },
      { value: 'C', count: 0, share: 0 },
    ]);
    expect(sharesOf(['A'], new Map()).shares[0].share).toBe(0);
  });

  it('alerts when a share moves by more than the threshold', () => {
    const before = new Map([
      ['A', 90],
      ['B', 10],
    ]);
    const after = new Map([
      ['A', 85],
      ['B', 15],
    ]);
    expect(shareShifts(['A', 'B'], before, after, 2)).toEqual([
      { value: 'A', fromShare: 90, toShare: 85, points: -5 },
      { value: 'B', fromShare: 10, toShare: 15, points: 5 },
    ]);
    expect(shareShifts(['A', 'B'], before, after, 5)).toEqual([]);
    expect(shareShifts(['A', 'B'], null, after, 0)).toEqual([]);
  });
});
