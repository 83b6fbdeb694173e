import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  type KpiDefinition,
  type KpiGrouping,
  type KpiName,
  type KpiRow,
  kpiGroupings,
  kpisXlsxUrl,
  type StoreStatus,
  useKpis,
} from '../brand.api.ts';
import { formatCount, formatRate, formatRatio } from '../brand-format.ts';
import { DefinitionTip } from './KpiCards.tsx';
import type { StoresSelection } from './StoresDrawer.tsx';

// 分组统计: the programme's KPIs by branch, manager, class, format or grade — the same rows as the
// xlsx export; a count opens the group's stores.
export function GroupedKpis({
  programmeId,
  definitions,
  onOpenStores,
}: {
  programmeId: number;
  definitions: KpiDefinition[];
  onOpenStores: (selection: StoresSelection) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<KpiGrouping>('branch');
  const kpis = useKpis(programmeId, groupBy);
  const count = (value: number) => formatCount(value, format.locale);
  const rate = (value: number | null) => formatRate(value, format.locale);
  const open = (row: KpiRow, status: StoreStatus) =>
    onOpenStores({ status, groupBy, groupKey: row.key, groupLabel: row.label });
  const link = (row: KpiRow, status: StoreStatus, text: string) => (
    <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => open(row, status)}>
      {text}
    </Button>
  );
  const titleOf = (kpi: KpiName) => (
    <Flex gap={4} align="center">
      {t(`brand.kpis.${kpi}`)}
      <DefinitionTip definition={definitions.find((definition) => definition.kpi === kpi)} />
    </Flex>
  );

  return (
    <Card
      size="small"
      title={t('brand.detail.grouped')}
      extra={
        <Button icon={<DownloadOutlined />} href={kpisXlsxUrl(programmeId, groupBy)} download>
          {t('brand.detail.exportXlsx')}
        </Button>
      }
    >
      <Segmented<KpiGrouping>
        value={groupBy}
        onChange={setGroupBy}
        options={kpiGroupings.map((value) => ({ value, label: t(`brand.groupings.${value}`) }))}
        style={{ marginBottom: 12 }}
      />
      {kpis.error ? <Alert type="error" showIcon title={describeError(kpis.error, t)} /> : null}
      <Table<KpiRow>
        rowKey="key"
        size="small"
        loading={kpis.isFetching}
        dataSource={kpis.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1300 }}
        columns={[
          {
            title: t(`brand.groupings.${groupBy}`),
            dataIndex: 'label',
            width: 140,
            fixed: 'left',
            render: (label: string) => <Typography.Text strong>{label}</Typography.Text>,
          },
          {
            title: t('brand.list.columns.targetStores'),
            dataIndex: 'targetStores',
            width: 90,
            align: 'right',
            render: (value: number) => count(value),
          },
          {
            title: titleOf('shelvingRate'),
            key: 'shelvingRate',
            width: 150,
            align: 'right',
            render: (_, row) => (
              <>
                {rate(row.shelvingRate)}{' '}
                {link(
                  row,
                  'shelved',
                  t('brand.fraction', { part: count(row.stockedStores), whole: count(row.targetStores) }),
                )}
              </>
            ),
          },
          {
            title: titleOf('shelvingRateObserved'),
            key: 'shelvingRateObserved',
            width: 120,
            align: 'right',
            render: (_, row) => rate(row.shelvingRateObserved),
          },
          {
            title: t('brand.storeStatuses.not_shelved'),
            key: 'notShelved',
            width: 90,
            align: 'right',
            render: (_, row) => link(row, 'not_shelved', count(Math.max(0, row.targetStores - row.stockedStores))),
          },
          {
            title: titleOf('sellThroughRate'),
            key: 'sellThroughRate',
            width: 150,
            align: 'right',
            render: (_, row) => (
              <>
                {rate(row.sellThroughRate)}{' '}
                {link(
                  row,
                  'not_reordered',
                  t('brand.fraction', { part: count(row.reorderedStores), whole: count(row.stockedStores) }),
                )}
              </>
            ),
          },
          {
            title: titleOf('repeatRate'),
            key: 'repeatRate',
            width: 90,
            align: 'right',
            render: (_, row) => rate(row.repeatRate),
          },
          {
            title: titleOf('quotaFill'),
            key: 'quotaFill',
            width: 90,
            align: 'right',
            render: (_, row) => rate(row.quotaFill),
          },
          {
            title: titleOf('fullLineRate'),
            key: 'fullLineRate',
            width: 90,
            align: 'right',
            render: (_, row) => rate(row.fullLineRate),
          },
          {
            title: titleOf('stockToSalesRatio'),
            key: 'stockToSalesRatio',
            width: 90,
            align: 'right',
            render: (_, row) => formatRatio(row.stockToSalesRatio, format.locale),
          },
          {
            title: t('brand.storeStatuses.over_stock'),
            key: 'overStock',
            width: 70,
            align: 'right',
            render: (_, row) => link(row, 'over_stock', count(row.overStockStores)),
          },
          {
            title: t('brand.storeStatuses.out_of_stock'),
            key: 'outOfStock',
            width: 70,
            align: 'right',
            render: (_, row) => link(row, 'out_of_stock', count(row.outOfStockStores)),
          },
        ]}
      />
    </Card>
  );
}
