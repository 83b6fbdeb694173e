import { lazy, type ReactNode } from 'react';
import { loadEveryMessage } from './messages.ts';

const loadAntdScope = () => import('./AntdScope.tsx');

// The pages that use antd (every page but the home) wait for its scope (AntdScope.tsx) and, at the
// same time, for every folder's messages they may read (RoutePage's WithEveryMessage).
const AntdScope = lazy(() => {
  preloadAntdPages();
  return loadAntdScope().then((module) => ({ default: module.ConsoleAntdScope }));
});

export function LazyAntdScope({ children }: { children: ReactNode }) {
  return <AntdScope>{children}</AntdScope>;
}

// When a page other than the home is about to open (the pointer is on the menu): fetch what it
// will need meanwhile.
export function preloadAntdPages() {
  void loadAntdScope().catch(() => {});
  void loadEveryMessage().catch(() => {});
}
