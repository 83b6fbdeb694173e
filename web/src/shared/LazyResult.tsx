import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Result, fetched when a page first has to show one: it carries the 403, 404 and 500
// illustrations (~8 KiB gzip), which the app shells around every first screen need not download.
const Result = lazy(() => import('./ResultView.tsx').then((module) => ({ default: module.Result })));

export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
