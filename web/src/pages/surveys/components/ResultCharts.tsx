import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { formatIndex, formatNps, formatScore, isDimension } from '../survey-format.ts';
import type { DimensionResult, Trend } from '../surveys.api.ts';

// SERVQUAL's five dimensions: the mean expectation and the mean perception side by side (ECharts,
// fetched when first shown).
export function DimensionsChart({ dimensions, height = 280 }: { dimensions: DimensionResult[]; height?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (dimensions.length === 0) return <Empty description={t('surveys.results.gapsEmpty')} />;
  const expectation = t('surveys.results.expectation');
  const perception = t('surveys.results.perception');
  const values = dimensions.flatMap((row) => [row.expectation ?? 0, row.perception ?? 0]);
  return (
    <div data-testid="dimensions-chart" role="img" aria-label={t('surveys.results.dimensions')}>
      <SupplyChart
        height={height}
        option={{
          grid: { left: 40, right: 16, top: 36, bottom: 28 },
          legend: { top: 0, data: [expectation, perception] },
          tooltip: {
            trigger: 'axis',
            valueFormatter: (value: number | null) => formatScore(value, format.locale),
          },
          xAxis: {
            type: 'category',
            data: dimensions.map((row) =>
              isDimension(row.dimension) ? t(`surveys.dimensions.${row.dimension}`) : row.dimension,
            ),
          },
          yAxis: { type: 'value', min: Math.max(0, Math.floor(Math.min(...values) - 1)) },
          series: [
            {
              name: expectation,
              type: 'bar',
              data: dimensions.map((row) => row.expectation),
              itemStyle: { color: '#9db8e0' },
            },
            {
              name: perception,
              type: 'bar',
              data: dimensions.map((row) => row.perception),
              itemStyle: { color: chartColors.primary },
            },
          ],
        }}
      />
    </div>
  );
}

// 满意度指数 and NPS wave by wave, with the target line (85).
export function TrendChart({ trend, height = 280 }: { trend: Trend | undefined; height?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const waves = trend?.waves ?? [];
  if (waves.length === 0) return <Empty description={t('surveys.results.trendEmpty')} />;
  const target = trend?.target ?? 85;
  const index = t('surveys.results.index');
  const nps = t('surveys.results.nps');
  const targetName = t('surveys.results.targetLine', { target });
  return (
    <div data-testid="trend-chart" role="img" aria-label={t('surveys.results.trend')}>
      <SupplyChart
        height={height}
        option={{
          grid: { left: 40, right: 40, top: 36, bottom: 28 },
          legend: { top: 0, data: [index, nps, targetName] },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: waves.map((wave) => wave.title) },
          yAxis: [
            { type: 'value', min: 0, max: 100, name: index },
            { type: 'value', min: -100, max: 100, name: 'NPS', splitLine: { show: false } },
          ],
          series: [
            {
              name: index,
              type: 'line',
              data: waves.map((wave) => wave.satisfactionIndex),
              itemStyle: { color: chartColors.primary },
              label: {
                show: true,
                formatter: (param: { value: number | null }) => formatIndex(param.value, format.locale),
              },
            },
            {
              name: nps,
              type: 'line',
              yAxisIndex: 1,
              data: waves.map((wave) => wave.nps),
              itemStyle: { color: chartColors.secondary },
              label: {
                show: true,
                position: 'bottom',
                formatter: (param: { value: number | null }) => formatNps(param.value, format.locale),
              },
            },
            {
              name: targetName,
              type: 'line',
              data: waves.map(() => target),
              symbol: 'none',
              lineStyle: { type: 'dashed', width: 1, color: chartColors.zero },
              itemStyle: { color: chartColors.zero },
              silent: true,
            },
          ],
        }}
      />
    </div>
  );
}
