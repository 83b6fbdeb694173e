import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password.rules.ts';

describe(findPasswordProblem.name, () => {
  it.each([
    ['kewo-demo-2026', 'admin', null],
    ['short', 'admin', 'too_short'],
    ['x'.repeat(129), 'admin', 'too_long'],
    ['my-admin-password', 'admin', 'contains_username'],
    ['MY-ADMIN-password', 'admin', 'contains_username'],
    ['aaaaaaaaaaaa', 'someone', 'too_repetitive'],
    ['ababababab12', 'someone', null],
    // A two-letter username is too short to forbid as a substring.
    ['li-is-a-good-name', 'li', null],
  ] as const)('%s for %s → %s', (password, username, problem) => {
    expect(findPasswordProblem(password, username)).toBe(problem);
  });
});
