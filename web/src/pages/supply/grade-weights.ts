import type { GradeWeights } from './supply.api.ts';

// 档位 weights: how much purchase amount and purchase quantity count, in whole percent, summing to 100.
export type WeightsProblem = 'notWhole' | 'outOfRange' | 'notHundred';

export function checkWeights(weights: { amount: number | null; quantity: number | null }): WeightsProblem | null {
  const { amount, quantity } = weights;
  if (amount === null || quantity === null || !Number.isInteger(amount) || !Number.isInteger(quantity))
    return 'notWhole';
  if (amount < 0 || quantity < 0 || amount > 100 || quantity > 100) return 'outOfRange';
  if (amount + quantity !== 100) return 'notHundred';
  return null;
}

// The server's default too (supply.contract.ts).
export const defaultWeights: GradeWeights = { amount: 70, quantity: 30 };
