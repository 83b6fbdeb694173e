import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import * as echartsReactModule from 'echarts-for-react/esm/core.js';
import type { EChartsReactProps } from 'echarts-for-react/esm/types.js';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { interopDefault } from '../../../shared/interop-default.ts';
import type { StaffRole } from '../../../shared/roles.ts';
import { useFormat } from '../../../shared/use-locale.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const ReactEChartsCore = interopDefault<ComponentType<EChartsReactProps>>(
  echartsReactModule,
  (value) => typeof value === 'function',
);

export function UsersByRoleChart({ totals }: { totals: { role: StaffRole; total: number }[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
    yAxis: {
      type: 'category',
      inverse: true,
      axisTick: { show: false },
      data: totals.map((entry) => t(`roles.${entry.role}`)),
    },
    series: [
      {
        type: 'bar',
        name: t('home.usersTotal'),
        barMaxWidth: 22,
        itemStyle: { color: '#1f5fbf', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => format.number(value) },
        data: totals.map((entry) => entry.total),
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 220 }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
