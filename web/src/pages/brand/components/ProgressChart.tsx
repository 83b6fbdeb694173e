import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import type { Goals, KpiRow } from '../brand.api.ts';

const colors = {
  shelvingRate: '#1f5fbf',
  shelvingRateObserved: '#13a8a8',
  sellThroughRate: '#f0a020',
  repeatRate: '#8e44ad',
  quotaFill: '#7f8c8d',
  stockToSalesRatio: '#c0392b',
} as const;

type Rated = keyof typeof colors;
const rates = ['shelvingRate', 'shelvingRateObserved', 'sellThroughRate', 'repeatRate', 'quotaFill'] as const;

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

// 进度: a line per KPI over the programme's weeks (cumulative from its start, as groupBy=week
// answers), each goal dashed in its KPI's colour; 存销比 on its own axis with its band.
export function ProgressChart({ weeks, goals }: { weeks: KpiRow[]; goals: Goals }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (weeks.length === 0) return <Empty description={t('brand.detail.trendEmpty')} />;
  const labels = weeks.map((week) => week.label);
  const name = (kpi: Rated) => t(`brand.kpis.${kpi}`);
  const goalLine = (label: string, value: number, color: string, yAxisIndex: number) => ({
    name: label,
    type: 'line',
    yAxisIndex,
    data: labels.map(() => value),
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 1.5, color },
    itemStyle: { color },
  });
  const band = goals.stockToSales;
  const series = [
    ...rates.map((kpi) => ({
      name: name(kpi),
      type: 'line',
      yAxisIndex: 0,
      data: weeks.map((week) => percent(week[kpi])),
      connectNulls: false,
      itemStyle: { color: colors[kpi] },
    })),
    {
      name: name('stockToSalesRatio'),
      type: 'line',
      yAxisIndex: 1,
      data: weeks.map((week) => week.stockToSalesRatio),
      itemStyle: { color: colors.stockToSalesRatio },
    },
    ...(goals.shelvingRate === undefined
      ? []
      : [
          goalLine(
            t('brand.detail.goalLine', { name: t('brand.kpis.shelvingRate') }),
            (percent(goals.shelvingRate) ?? 0) as number,
            colors.shelvingRate,
            0,
          ),
        ]),
    ...(goals.sellThroughRate === undefined
      ? []
      : [
          goalLine(
            t('brand.detail.goalLine', { name: t('brand.kpis.sellThroughRate') }),
            (percent(goals.sellThroughRate) ?? 0) as number,
            colors.sellThroughRate,
            0,
          ),
        ]),
    ...(band
      ? [
          goalLine(t('brand.detail.bandMin'), band.min, colors.stockToSalesRatio, 1),
          goalLine(t('brand.detail.bandMax'), band.max, colors.stockToSalesRatio, 1),
        ]
      : []),
  ];
  const percentLabel = (value: number) => format.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <div data-testid="brand-progress-chart">
      <SupplyChart
        height={320}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { type: 'scroll', top: 0 },
          grid: { left: 48, right: 48, top: 48, bottom: 32 },
          xAxis: { type: 'category', data: labels },
          yAxis: [
            { type: 'value', min: 0, max: 100, axisLabel: { formatter: percentLabel } },
            { type: 'value', min: 0, splitLine: { show: false }, name: name('stockToSalesRatio') },
          ],
          series,
        }}
      />
    </div>
  );
}
