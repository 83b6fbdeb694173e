import type { RuleSetInput, ScoredClass } from './classification.api.ts';

// The editor keeps thresholds as the lower bound of demonstration and growth; the ranges follow
// (ordinary [0, growth), growth [growth, demonstration), demonstration [demonstration, 100]), so
// the form cannot make a gap or an overlap. The server checks again.
export function lowerBounds(input: RuleSetInput): { demonstration: number; growth: number } {
  const from = (name: ScoredClass, fallback: number) =>
    input.thresholds.find((threshold) => threshold.class === name)?.from ?? fallback;
  return { demonstration: from('demonstration', 80), growth: from('growth', 40) };
}

export function withLowerBounds(input: RuleSetInput, bounds: { demonstration: number; growth: number }): RuleSetInput {
  return {
    ...input,
    thresholds: [
      { class: 'demonstration', from: bounds.demonstration, to: 100 },
      { class: 'growth', from: bounds.growth, to: bounds.demonstration },
      { class: 'ordinary', from: 0, to: bounds.growth },
    ],
  };
}

export function weightSum(input: RuleSetInput): number {
  return Math.round(input.weights.reduce((sum, entry) => sum + (entry.weight || 0), 0) * 100) / 100;
}
