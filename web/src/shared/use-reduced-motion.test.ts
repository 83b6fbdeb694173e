import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';

// A media query list whose answer the test changes, as the system setting would.
function stubMediaQuery(matches: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    matches,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', (query: string) => {
    expect(query).toBe('(prefers-reduced-motion: reduce)');
    return list;
  });
  return {
    change(next: boolean) {
      list.matches = next;
      for (const listener of listeners) listener();
    },
  };
}

describe(usePrefersReducedMotion.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    [true, true],
    [false, false],
  ])('system asks for less motion: %s → %s', (matches, expected) => {
    stubMediaQuery(matches);
    expect(renderHook(() => usePrefersReducedMotion()).result.current).toBe(expected);
  });

  it('follows the setting when it changes', () => {
    const media = stubMediaQuery(false);
    const { result } = renderHook(() => usePrefersReducedMotion());
    act(() => media.change(true));
    expect(result.current).toBe(true);
  });
});
