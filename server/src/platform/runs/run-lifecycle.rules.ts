// The lifecycle every "rule set → run over every store → review → approve/publish" module shares
// (客户分类 classification, 信用 credit), pure: the version rule of a rule set, the guards of a run
// (one computing at a time per tenant, only the latest run approved, approved/published once, the
// allowed status transitions) and the review summaries (the diff per branch, the distribution and
// its share shifts). Each module keeps its own tables and error codes; a guard answers with a
// verdict the module turns into its own DomainError.

// A rule set is never changed once used: saving an edit makes version latest + 1 (the first is 1).
export function nextVersion(latest: number | null | undefined): number {
  return (latest ?? 0) + 1;
}

export type StartVerdict = 'ok' | 'busy';

// A new run may start only while no other run of the tenant is computing.
export function checkRunStart(computingRunId: number | null | undefined): StartVerdict {
  return computingRunId === null || computingRunId === undefined ? 'ok' : 'busy';
}

export type ApprovalVerdict = 'ok' | 'done' | 'not_latest' | 'not_ready';

// A run is approved (applied, published) once, and only the latest run of the tenant is: an older
// one would overwrite newer results. `ready`: the run has finished computing.
export function checkRunApproval(
  run: { id: number; done: boolean; ready?: boolean },
  latestRunId: number | null | undefined,
): ApprovalVerdict {
  if (run.done) return 'done';
  if (run.ready === false) return 'not_ready';
  if (latestRunId !== null && latestRunId !== undefined && latestRunId !== run.id) return 'not_latest';
  return 'ok';
}

// The allowed moves of a status machine: from → the statuses it may become.
export type Transitions<Status extends string> = Readonly<Record<Status, readonly Status[]>>;

export function canMove<Status extends string>(transitions: Transitions<Status>, from: Status, to: Status): boolean {
  return transitions[from].includes(to);
}

// ---- Review summaries ----

// How many stores of a branch move from one value (class, level; null: none before) to another.
export type DiffCell<Value extends string = string> = {
  branchId: number;
  branchName: string;
  from: Value | null;
  to: Value;
  count: number;
};

export type BranchDiff<Value extends string = string> = {
  branchId: number;
  branchName: string;
  total: number;
  changed: number;
  // With a rank (0 = best): stores moving to a better / worse value. A store new to the run
  // (from null) counts in neither.
  up: number;
  down: number;
  moves: { from: Value | null; to: Value; count: number }[];
};

// The diff of a run against what was before, per branch, in the order the cells first name the
// branches.
export function diffByBranch<Value extends string>(
  cells: readonly DiffCell<Value>[],
  rankOf?: (value: Value) => number,
): BranchDiff<Value>[] {
  const branches = new Map<number, BranchDiff<Value>>();
  for (const cell of cells) {
    const branch = branches.get(cell.branchId) ?? {
      branchId: cell.branchId,
      branchName: cell.branchName,
      total: 0,
      changed: 0,
      up: 0,
      down: 0,
      moves: [],
    };
    branch.total += cell.count;
    branch.moves.push({ from: cell.from, to: cell.to, count: cell.count });
    if (cell.from !== cell.to) branch.changed += cell.count;
    if (rankOf && cell.from !== null && cell.from !== cell.to) {
      if (rankOf(cell.to) < rankOf(cell.from)) branch.up += cell.count;
      else if (rankOf(cell.to) > rankOf(cell.from)) branch.down += cell.count;
    }
    branches.set(cell.branchId, branch);
  }
  return [...branches.values()];
}

export type Share<Value extends string = string> = { value: Value; count: number; share: number };

// Counts and shares (percent, one decimal) of each value, in the order given; the counts sum to total.
export function sharesOf<Value extends string>(
  values: readonly Value[],
  counts: ReadonlyMap<Value, number>,
): { total: number; shares: Share<Value>[] } {
  const total = values.reduce((sum, value) => sum + (counts.get(value) ?? 0), 0);
  return {
    total,
    shares: values.map((value) => {
      const count = counts.get(value) ?? 0;
      return { value, count, share: total === 0 ? 0 : Math.round((count / total) * 1000) / 10 };
    }),
  };
}

export type ShareShift<Value extends string = string> = {
  value: Value;
  fromShare: number;
  toShare: number;
  points: number;
};

// The values whose share moved by more than `thresholdPoints` percentage points between two
// distributions (an alert on a run's review). Nothing before: no alert.
export function shareShifts<Value extends string>(
  values: readonly Value[],
  before: ReadonlyMap<Value, number> | null,
  after: ReadonlyMap<Value, number>,
  thresholdPoints: number,
): ShareShift<Value>[] {
  if (!before) return [];
  const from = new Map(sharesOf(values, before).shares.map((entry) => [entry.value, entry.share]));
  const to = new Map(sharesOf(values, after).shares.map((entry) => [entry.value, entry.share]));
  return values.flatMap((value) => {
    const fromShare = from.get(value) ?? 0;
    const toShare = to.get(value) ?? 0;
    const points = Math.round((toShare - fromShare) * 10) / 10;
    return Math.abs(points) > thresholdPoints ? [{ value, fromShare, toShare, points }] : [];
  });
}
