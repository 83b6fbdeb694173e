import { useSyncExternalStore } from 'react';

// Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`). antd then
// opens dialogs and dropdowns at once instead of zooming and sliding them in; the browser journeys
// ask for it too, so that no click lands on a dialog still growing from the button that opened it.
const query = '(prefers-reduced-motion: reduce)';

function mediaQuery(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query)
    : undefined;
}

function subscribe(onChange: () => void) {
  const list = mediaQuery();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => mediaQuery()?.matches ?? false,
    () => false,
  );
}
