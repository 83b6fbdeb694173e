import { useTranslation } from 'react-i18next';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { gradeBars } from '../quota-distribution.ts';
import type { GradeCount } from '../supply.api.ts';

// Stores per grade, 1–30.
export function GradeDistributionChart({ distribution }: { distribution: GradeCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = gradeBars(distribution);
  const option = {
    grid: { left: 8, right: 16, top: 24, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => format.number(value),
    },
    xAxis: {
      type: 'category',
      name: t('supply.grades.grade'),
      nameLocation: 'middle',
      nameGap: 26,
      data: bars.map((bar) => String(bar.grade)),
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: t('supply.grades.storesAxis'),
      axisLabel: { formatter: (value: number) => format.number(value) },
    },
    series: [
      {
        type: 'bar',
        name: t('supply.grades.storesAxis'),
        barMaxWidth: 22,
        itemStyle: { color: chartColors.primary },
        data: bars.map((bar) => bar.count),
      },
    ],
  };
  return <SupplyChart option={option} height={300} />;
}
