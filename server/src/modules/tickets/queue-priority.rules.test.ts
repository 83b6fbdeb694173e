import { describe, expect, it } from 'vitest';
import { hasCreditPriority } from './queue-priority.rules.ts';

describe(hasCreditPriority.name, () => {
  it.each([
    ['AAA', 'new', true],
    ['AA', 'assigned', true],
    ['AA', 'in_progress', true],
    ['A', 'new', false],
    ['B', 'in_progress', false],
    [null, 'new', false],
    ['AAA', 'resolved', false],
    ['AA', 'confirmed', false],
    ['AAA', 'closed', false],
  ] as const)('a store at %s with a ticket %s: first in the queue = %s', (level, status, expected) => {
    expect(hasCreditPriority(level, status)).toBe(expected);
  });
});
