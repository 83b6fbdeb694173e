import type { Executor } from '../../db/client.ts';
import { terminalImageScoresOf } from '../visits/index.ts';

// Indicators whose data lives in other modules. Each source answers for every store at once
// (customerId → score 0–100) as of `now`; a store without an entry scores neutral and counts as
// missing.

export type ScoreSource = (executor: Executor, tenantId: number, now: Date) => Promise<Map<number, number>>;

export type IndicatorSources = {
  terminalImageScores: ScoreSource;
  creditScores: ScoreSource;
  violationCounts: ScoreSource;
};

const none: ScoreSource = async () => new Map();

// 终端形象 from the checklists of the last 13 weeks' visits (visits module); no credit scores
// (credit) and no violation records yet.
export const indicatorSources: IndicatorSources = {
  terminalImageScores: terminalImageScoresOf,
  creditScores: none,
  violationCounts: none,
};
