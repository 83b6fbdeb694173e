import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlParams } from './url-view.ts';

function inRouter(initial: string) {
  return ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
}

describe(useUrlParams.name, () => {
  it('builds a change on the view last asked for, even before the page has drawn it', () => {
    const { result } = renderHook(() => useUrlParams(), { wrapper: inRouter('/customers?q=hxbl') });
    act(() => {
      // Both calls come from the same drawing of the page, as a search and then a district
      // chosen before the list has taken the search.
      const drawn = result.current;
      drawn.set({ q: '龙海' });
      drawn.set({ districtCode: '350604' });
    });
    expect(result.current.params.toString()).toBe(
      new URLSearchParams({ q: '龙海', districtCode: '350604' }).toString(),
    );
  });

  it('clears what is set to empty and builds on a URL that moved by itself', () => {
    const { result } = renderHook(() => ({ ...useUrlParams(), navigate: useNavigate() }), {
      wrapper: inRouter('/users?role=admin&page=3'),
    });
    act(() => result.current.set({ page: undefined, q: '' }));
    expect(result.current.params.toString()).toBe('role=admin');
    act(() => {
      result.current.navigate('/users?role=marketing');
    });
    act(() => result.current.set({ page: 2 }));
    expect(result.current.params.toString()).toBe('role=marketing&page=2');
  });
});
