import { type ReactNode, useLayoutEffect } from 'react';

// login.html draws the sign-in page in plain HTML (#kewo-boot) over the app while the scripts
// load. It goes once the page it stands for has rendered underneath (in the same commit, so the
// two never show together), or when the app has failed or taken very long, so that an error or a
// spinner is not hidden behind it.
export function removeBootShell(): void {
  document.getElementById('kewo-boot')?.remove();
}

export function RemovesBootShell({ children }: { children: ReactNode }) {
  useLayoutEffect(removeBootShell, []);
  return children;
}
