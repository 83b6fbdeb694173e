import { Alert, Card, Empty, Flex, Skeleton, Table } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type TierMap, type TierSummary, useTierMap, useTierSummary } from './terminals.api.ts';

const TierMapRenderer = lazy(() =>
  import('./components/TierMapRenderer.tsx').then((module) => ({ default: module.TierMapRenderer })),
);

// Highest tier first: a deep red to a light gold, then greys for a city's own extra tiers.
const tierPalette = ['#b71c1c', '#e65100', '#1f5fbf', '#2e7d32', '#6a1b9a', '#00838f', '#8d6e63'];
const mapHeight = 520;

// The scatter's series, one per tier (its legend entry), each point [longitude, latitude, id].
export function mapSeries(map: TierMap) {
  return map.tiers.map((tier, index) => ({
    name: tier.name,
    type: 'scatter' as const,
    symbolSize: 7,
    itemStyle: { color: tierPalette[index % tierPalette.length], opacity: 0.8 },
    data: map.points.filter((point) => point[3] === tier.id).map((point) => [point[1], point[2], point[0]]),
  }));
}

function TierScatter({ map }: { map: TierMap }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      // Thousands of points: drawn at once, no grow-in animation.
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { seriesName: string }) => p.seriesName },
      legend: { top: 0 },
      grid: { left: 60, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'value', scale: true, name: t('terminals.map.longitude'), splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, name: t('terminals.map.latitude'), splitLine: { show: false } },
      series: mapSeries(map),
    }),
    [map, t],
  );
  return (
    <Suspense fallback={<div style={{ height: mapHeight }} aria-busy="true" />}>
      <TierMapRenderer option={option} height={mapHeight} />
    </Suspense>
  );
}

function SummaryTable({ summary }: { summary: TierSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countOf = (counts: { tierId: number; count: number }[], tierId: number) =>
    counts.find((count) => count.tierId === tierId)?.count ?? 0;
  type Row = { key: string; branchName: string; total: number; counts: { tierId: number; count: number }[] };
  const rows: Row[] = [
    ...summary.branches.map((branch) => ({ key: String(branch.branchId), ...branch })),
    { key: 'total', branchName: t('terminals.map.total'), total: summary.total, counts: summary.totals },
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('terminals.columns.branch'), dataIndex: 'branchName' },
        ...summary.tiers.map((tier) => ({
          title: tier.name,
          key: `tier-${tier.id}`,
          align: 'right' as const,
          render: (_: unknown, row: Row) => format.number(countOf(row.counts, tier.id)),
        })),
        {
          title: t('terminals.map.total'),
          dataIndex: 'total',
          align: 'right',
          render: (value: number) => format.number(value),
        },
      ]}
    />
  );
}

// 终端建设 › 标杆店分布: the awarded stores on their coordinates, coloured by tier (ECharts' scatter,
// no map tiles, so it works offline), and the counts per branch and tier.
export function MapPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const map = useTierMap();
  const summary = useTierSummary();
  return (
    <PageContainer title={t('terminals.map.title')}>
      <Flex vertical gap={16}>
        <Card
          size="small"
          title={t('terminals.map.points', {
            count: map.data?.points.length ?? 0,
            shown: format.number(map.data?.points.length ?? 0),
          })}
        >
          {map.error ? <Alert type="error" showIcon title={describeError(map.error, t)} /> : null}
          {map.isPending ? <Skeleton active /> : null}
          {map.data && map.data.points.length === 0 ? <Empty description={t('terminals.stores.empty')} /> : null}
          {map.data && map.data.points.length > 0 ? <TierScatter map={map.data} /> : null}
        </Card>
        <Card size="small" title={t('terminals.map.summary')}>
          {summary.error ? <Alert type="error" showIcon title={describeError(summary.error, t)} /> : null}
          {summary.data ? <SummaryTable summary={summary.data} /> : <Skeleton active />}
        </Card>
      </Flex>
    </PageContainer>
  );
}
