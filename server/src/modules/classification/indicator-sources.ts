import type { Executor } from '../../db/client.ts';

// Indicators whose data lives in other modules. Each source answers for every store at once
// (customerId → score 0–100); a store without an entry scores neutral and counts as missing.
// The visits module will export terminalImageScoresOf(executor, tenantId); plug it in here.

export type ScoreSource = (executor: Executor, tenantId: number) => Promise<Map<number, number>>;

export type IndicatorSources = {
  terminalImageScores: ScoreSource;
  creditScores: ScoreSource;
  violationCounts: ScoreSource;
};

const none: ScoreSource = async () => new Map();

// Today: no terminal image scores (visits), no credit scores (credit), no violation records.
export const indicatorSources: IndicatorSources = {
  terminalImageScores: none,
  creditScores: none,
  violationCounts: none,
};
