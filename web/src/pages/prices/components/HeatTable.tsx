import { Empty, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { HeatAnswer } from '../prices.api.ts';
import { formatCount, formatIndex, heatColor, type IndexBands } from '../prices-format.ts';

type HeatRow = HeatAnswer['districts'][number];

// 本周各区县价格指数: a row per district (its index over every product first), a column per brand,
// each cell coloured by its index against the bands (green inside yellow, amber outside it, red
// outside red, grey without observations). The lowest districts first.
export function HeatTable({
  heat,
  bands,
  maxBrands = 8,
}: {
  heat: HeatAnswer | undefined;
  bands?: IndexBands;
  maxBrands?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!heat || heat.districts.length === 0) return <Empty description={t('prices.indexPage.heatEmpty')} />;
  const brands = [...heat.brands]
    .sort((a, b) => b.observations - a.observations)
    .slice(0, maxBrands)
    .map((brand) => brand.brand);
  const cellOf = new Map(heat.cells.map((cell) => [`${cell.districtCode}|${cell.brand}`, cell]));
  const rows = [...heat.districts].sort(
    (a, b) => (a.index ?? Number.POSITIVE_INFINITY) - (b.index ?? Number.POSITIVE_INFINITY),
  );
  const tile = (index: number | null, observations: number) => (
    <Tooltip
      title={t('prices.indexPage.observationsBehind', { observations: formatCount(observations, format.locale) })}
    >
      <div
        data-testid="price-heat-cell"
        style={{ background: heatColor(index, bands), borderRadius: 4, padding: '4px 6px', textAlign: 'right' }}
      >
        {formatIndex(index, format.locale)}
      </div>
    </Tooltip>
  );
  return (
    <Table<HeatRow>
      data-testid="price-heat-table"
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 160 + 90 * (brands.length + 1) }}
      columns={[
        {
          title: t('prices.groupings.district'),
          dataIndex: 'label',
          fixed: 'left',
          width: 120,
          render: (label: string) => <Typography.Text>{label}</Typography.Text>,
        },
        {
          title: t('prices.indexPage.allProducts'),
          key: 'all',
          width: 90,
          render: (_, row) => tile(row.index, row.observations),
        },
        ...brands.map((brand) => ({
          title: brand,
          key: brand,
          width: 90,
          render: (_: unknown, row: HeatRow) => {
            const cell = cellOf.get(`${row.key}|${brand}`);
            return tile(cell?.index ?? null, cell?.observations ?? 0);
          },
        })),
      ]}
    />
  );
}
