import type { EChartsReactProps } from 'echarts-for-react/esm/types.js';
import { lazy, Suspense } from 'react';

const SupplyChartRenderer = lazy(() =>
  import('./SupplyChartRenderer.tsx').then((module) => ({ default: module.SupplyChartRenderer })),
);

export const chartColors = { primary: '#1f5fbf', secondary: '#f0a020', zero: '#c0392b' };

// The console's bar and line charts (supply's quota and grade distributions and online-ordering
// rates, classification's distribution). echarts (~200 KiB gzip) is fetched when a chart is first
// shown, not with the page that holds it; the space is kept meanwhile, so nothing shifts.
export function SupplyChart({ option, height = 260 }: { option: EChartsReactProps['option']; height?: number }) {
  return (
    <Suspense fallback={<div style={{ height }} aria-busy="true" />}>
      <SupplyChartRenderer option={option} height={height} />
    </Suspense>
  );
}
