import { useTranslation } from 'react-i18next';
import { formatWeekOfMonth } from '../../../shared/format.ts';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import type { WeeklyPurchase } from '../purchase-trend.ts';
import { formatYuan } from '../supply-format.ts';

// The 订货 tab's chart: cartons (bars) and amount (line) per week, every week on the axis. Its own
// module, loaded when the tab shows it, so echarts is fetched only by pages that draw.
export function PurchaseTrendChart({ weeks }: { weeks: readonly WeeklyPurchase[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cartons = t('supply.customerOrders.cartons');
  const amount = t('supply.customerOrders.amount');
  const option = {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { data: [cartons, amount], top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (points: Array<{ dataIndex: number }>) => {
        const week = weeks[points[0]?.dataIndex ?? -1];
        if (!week) return '';
        return [
          format.cycleWeek(week.weekStart),
          `${cartons}：${format.number(week.quantity)}`,
          `${amount}：${formatYuan(week.amount, format.locale)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: weeks.map((week) => formatWeekOfMonth(week.weekStart, format.locale)),
      axisLabel: { interval: 0, rotate: 40, fontSize: 11 },
    },
    yAxis: [
      { type: 'value', name: cartons, minInterval: 1, min: 0 },
      { type: 'value', name: amount, min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: cartons,
        itemStyle: { color: chartColors.primary },
        data: weeks.map((week) => week.quantity),
      },
      {
        type: 'line',
        name: amount,
        yAxisIndex: 1,
        itemStyle: { color: chartColors.secondary },
        data: weeks.map((week) => week.amount),
      },
    ],
  };
  return (
    <div data-testid="purchase-trend-chart" role="img" aria-label={t('supply.customerOrders.trend')}>
      <SupplyChart option={option} height={260} />
    </div>
  );
}
