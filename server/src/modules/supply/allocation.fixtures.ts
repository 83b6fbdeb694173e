import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AllocationStore, ProductAllocationInput } from './allocation.rules.ts';
import type { AllocationStrategy } from './allocation-strategy.rules.ts';

// What the allocation's rule tests build their cases from: a store of grade 1 unless told
// otherwise, a three-band grade table, and a product allocated by it.

export function store(customerId: number, overrides: Partial<AllocationStore> = {}): AllocationStore {
  return {
    customerId,
    grade: 1,
    customerClass: null,
    demoType: null,
    creditLevel: null,
    format: 'grocery',
    branchId: 1,
    districtCode: '350602',
    urbanRural: 'urban',
    recentQty: 0,
    ...overrides,
  };
}

export const gradeTable: AllocationStrategy['base'] = {
  kind: 'grade_table',
  table: [
    { fromGrade: 1, toGrade: 9, qty: 1 },
    { fromGrade: 10, toGrade: 19, qty: 3 },
    { fromGrade: 20, toGrade: 30, qty: 5 },
  ],
};

export function product(supply: number | null, strategy: Partial<AllocationStrategy> = {}): ProductAllocationInput {
  return { productId: 7, supply, strategy: { base: gradeTable, ...strategy } };
}

// The DomainError an action throws, or undefined when it throws none.
export function errorOf(action: () => unknown): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}
