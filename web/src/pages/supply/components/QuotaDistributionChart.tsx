import { useTranslation } from 'react-i18next';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { distributionBars } from '../quota-distribution.ts';
import type { QuotaBucket } from '../supply.api.ts';

// Stores per quota in a preview: the bar at 0 (stores left out) in red.
export function QuotaDistributionChart({ name, distribution }: { name: string; distribution: QuotaBucket[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = distributionBars(distribution);
  const option = {
    title: { text: t('supply.preview.distributionTitle', { name }), left: 0, textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 16, top: 48, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => format.number(value),
    },
    xAxis: {
      type: 'category',
      name: t('supply.preview.quotaAxis'),
      nameLocation: 'middle',
      nameGap: 28,
      data: bars.map((bar) => bar.label),
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (value: number) => format.number(value) },
    },
    series: [
      {
        type: 'bar',
        name: t('supply.preview.stores'),
        barMaxWidth: 28,
        data: bars.map((bar) => ({
          value: bar.stores,
          itemStyle: { color: bar.to === 0 ? chartColors.zero : chartColors.primary },
        })),
      },
    ],
  };
  return <SupplyChart option={option} height={240} />;
}
