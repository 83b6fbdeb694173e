import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import * as echartsReactModule from 'echarts-for-react/esm/core.js';
import type { EChartsReactProps } from 'echarts-for-react/esm/types.js';
import type { ComponentType } from 'react';
import { interopDefault } from '../../../shared/interop-default.ts';

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const ReactEChartsCore = interopDefault<ComponentType<EChartsReactProps>>(
  echartsReactModule,
  (value) => typeof value === 'function',
);

// TierMap's body, loaded on first use: a scatter on longitude/latitude, no tiles.
export function TierMapRenderer({ option, height }: { option: EChartsReactProps['option']; height: number }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} opts={{ renderer: 'svg' }} />;
}
