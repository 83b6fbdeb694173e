import { type ServqualDimension, servqualDimensions, type WaveWeights } from './surveys.api.ts';

// The satisfaction index's weights as the console edits them: the five SERVQUAL dimensions' whole
// numbers 1–100 (the server's bounds), each counting wᵢ ÷ Σ w; equal by default.

export const weightMin = 1;
export const weightMax = 100;
const equalWeight = 20;

export const equalWeights = (): WaveWeights =>
  Object.fromEntries(servqualDimensions.map((dimension) => [dimension, equalWeight])) as WaveWeights;

// What the editor starts from: the wave's saved weights where each is a whole number in bounds
// (a missing or other one: the default), else equal.
export function initialWeights(saved: Readonly<Record<string, unknown>> | undefined): WaveWeights {
  const weights = equalWeights();
  const given = servqualDimensions.filter((dimension) => {
    const value = saved?.[dimension];
    return typeof value === 'number' && Number.isInteger(value) && value >= weightMin && value <= weightMax;
  });
  if (given.length !== servqualDimensions.length) {
    // A partial or fractional set (an older wave's): the same shares as the server reads them (a
    // missing or non-positive weight counts 1), rescaled to whole numbers, the largest 100.
    const raw = servqualDimensions.map((dimension) => {
      const value = saved?.[dimension];
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
    });
    if (raw.every((value) => value === null)) return weights;
    const filled = raw.map((value) => value ?? 1);
    const largest = Math.max(...filled);
    servqualDimensions.forEach((dimension, index) => {
      weights[dimension] = clampWeight(Math.round((filled[index] / largest) * weightMax));
    });
    return weights;
  }
  for (const dimension of given) weights[dimension] = saved?.[dimension] as number;
  return weights;
}

export const clampWeight = (value: number) => Math.min(weightMax, Math.max(weightMin, Math.round(value)));

// Each dimension's share of the index, 0–1 (the server's normalisation).
export function weightShares(weights: WaveWeights): Record<ServqualDimension, number> {
  const total = servqualDimensions.reduce((sum, dimension) => sum + weights[dimension], 0);
  return Object.fromEntries(
    servqualDimensions.map((dimension) => [dimension, total > 0 ? weights[dimension] / total : 0]),
  ) as Record<ServqualDimension, number>;
}

export const isEqual = (weights: WaveWeights) =>
  servqualDimensions.every((dimension) => weights[dimension] === weights.tangibles);
