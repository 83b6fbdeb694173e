import { useLayoutEffect } from 'react';

// The home's greeting the server sends with the page (server/src/platform/http/console-first-screen.ts)
// stays above the app until the app draws something of its own in its place: the shell (whose
// home draws the same greeting in the same place) or the shell's error. Removed in a layout
// effect, so the swap is one frame, never a frame of neither.
export const firstScreenId = 'kewo-first-screen';

export function removeFirstScreen(): void {
  document.getElementById(firstScreenId)?.remove();
}

export function useRemoveFirstScreen(): void {
  useLayoutEffect(removeFirstScreen, []);
}
