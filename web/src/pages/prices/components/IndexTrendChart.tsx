import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import type { TrendPoint } from '../prices.api.ts';
import { defaultBands, formatIndex, type IndexBands, levelColors } from '../prices-format.ts';

// 指数走势: the index week by week with the normal band (95–105 by default) shaded behind it and
// the red band's edges dashed; a week without observations is a gap, not 0.
export function IndexTrendChart({
  points,
  name,
  bands = defaultBands,
  height = 280,
}: {
  points: TrendPoint[];
  name: string;
  bands?: IndexBands;
  height?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (points.every((point) => point.index === null)) return <Empty description={t('prices.indexPage.empty')} />;
  const weeks = points.map((point) => point.week);
  const values = points.map((point) => point.index).filter((value): value is number => value !== null);
  const low = Math.floor(Math.min(bands.redFloor, ...values) - 2);
  const high = Math.ceil(Math.max(bands.redCeiling, ...values) + 2);
  const constant = (value: number) => weeks.map(() => value);
  const bandName = t('prices.indexPage.band');
  // The normal band as a shaded strip: an invisible line at its floor and its width stacked on it.
  const band = [
    {
      type: 'line',
      stack: 'band',
      data: constant(bands.yellowFloor),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
    },
    {
      name: bandName,
      type: 'line',
      stack: 'band',
      data: constant(bands.yellowCeiling - bands.yellowFloor),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: 'rgba(56, 158, 13, 0.12)' },
      itemStyle: { color: 'rgba(56, 158, 13, 0.35)' },
      silent: true,
    },
  ];
  const edge = (value: number, label: string) => ({
    name: label,
    type: 'line',
    data: constant(value),
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 1, color: levelColors.red },
    itemStyle: { color: levelColors.red },
    silent: true,
  });
  return (
    <div data-testid="price-trend-chart" role="img" aria-label={name}>
      <SupplyChart
        height={height}
        option={{
          grid: { left: 48, right: 16, top: 40, bottom: 32 },
          legend: { top: 0, data: [name, bandName, t('prices.rules.redFloor'), t('prices.rules.redCeiling')] },
          tooltip: {
            trigger: 'axis',
            // Only the index itself: the band and the red edges are the chart's furniture.
            formatter: (params: { seriesName: string; axisValueLabel: string; value: number | null }[]) => {
              const point = params.find((param) => param.seriesName === name);
              return point ? `${point.axisValueLabel}<br/>${name}: ${formatIndex(point.value, format.locale)}` : '';
            },
          },
          xAxis: { type: 'category', data: weeks.map((week) => format.cycleWeekShort(week)) },
          yAxis: { type: 'value', min: low, max: high },
          series: [
            ...band,
            {
              name,
              type: 'line',
              data: points.map((point) => point.index),
              connectNulls: false,
              itemStyle: { color: '#1f5fbf' },
              z: 3,
            },
            edge(bands.redFloor, t('prices.rules.redFloor')),
            edge(bands.redCeiling, t('prices.rules.redCeiling')),
          ],
        }}
      />
    </div>
  );
}
