import { useTranslation } from 'react-i18next';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { type LevelCount, levelColours, levelsInOrder } from '../credit.api.ts';

// Stores per level as bars (ECharts, fetched when first shown); a second series for comparison
// (last month, or the preview against the model in force).
export function LevelChart({
  levels,
  compare,
  compareLabel,
  label,
  height = 240,
}: {
  levels: readonly LevelCount[];
  compare?: readonly LevelCount[] | null;
  compareLabel?: string;
  label?: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = levelsInOrder(levels);
  const before = compare ? levelsInOrder(compare) : null;
  const series = [
    ...(before
      ? [
          {
            name: compareLabel ?? '',
            type: 'bar' as const,
            data: before.map((entry) => entry.count),
            itemStyle: { color: '#bfbfbf' },
          },
        ]
      : []),
    {
      name: label ?? t('credit.count'),
      type: 'bar' as const,
      data: current.map((entry) => ({ value: entry.count, itemStyle: { color: levelColours[entry.level] } })),
      label: {
        show: true,
        position: 'top' as const,
        formatter: ({ dataIndex }: { dataIndex: number }) => `${format.number(current[dataIndex]?.count ?? 0)}`,
      },
    },
  ];
  return (
    <SupplyChart
      height={height}
      option={{
        color: [chartColors.primary],
        tooltip: { trigger: 'axis' },
        legend: before ? { top: 0 } : undefined,
        grid: { left: 56, right: 16, top: before ? 32 : 24, bottom: 28 },
        xAxis: { type: 'category', data: current.map((entry) => entry.level) },
        yAxis: { type: 'value', minInterval: 1 },
        series,
      }}
    />
  );
}
