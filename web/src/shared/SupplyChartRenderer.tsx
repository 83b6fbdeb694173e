import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import * as echartsReactModule from 'echarts-for-react/esm/core.js';
import type { EChartsReactProps } from 'echarts-for-react/esm/types.js';
import type { ComponentType } from 'react';
import { interopDefault } from './interop-default.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const ReactEChartsCore = interopDefault<ComponentType<EChartsReactProps>>(
  echartsReactModule,
  (value) => typeof value === 'function',
);

// SupplyChart's body, loaded on first use: one registration of the echarts parts the charts use.
// SVG: crisp in print and screenshots, and it needs no canvas, so the pages render in happy-dom too.
export function SupplyChartRenderer({ option, height }: { option: EChartsReactProps['option']; height: number }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} opts={{ renderer: 'svg' }} />;
}
