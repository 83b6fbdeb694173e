import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCursorPaging } from './CursorPager.tsx';

describe(useCursorPaging.name, () => {
  it('walks forward and back through the cursors, and starts again at page 1 on a new reset key', () => {
    const { result, rerender } = renderHook(({ resetKey }) => useCursorPaging<string>(resetKey), {
      initialProps: { resetKey: 'q=龙海' },
    });
    expect(result.current).toMatchObject({ cursor: undefined, pageIndex: 0 });
    act(() => result.current.next('c1'));
    act(() => result.current.next('c2'));
    expect(result.current).toMatchObject({ cursor: 'c2', pageIndex: 2 });
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ cursor: 'c1', pageIndex: 1 });
    rerender({ resetKey: 'q=恒兴' });
    expect(result.current).toMatchObject({ cursor: undefined, pageIndex: 0 });
  });
});
