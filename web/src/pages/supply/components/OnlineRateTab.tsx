import { Alert, Flex, Table, type TableColumnsType, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { type OnlineRateRow, useOnlineRate } from '../supply.api.ts';
import { formatRate } from '../supply-format.ts';

// 网上订货率 per branch: the share of ordering stores that ordered online, and the share of cartons.
export function OnlineRateTab({ cycleId }: { cycleId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useOnlineRate(cycleId);
  const rows = rate.data?.byBranch ?? [];
  const number = (value: number) => format.number(value);
  const columns: TableColumnsType<OnlineRateRow> = [
    { title: t('supply.onlineRate.branch'), dataIndex: 'branchName' },
    {
      title: <Tooltip title={t('supply.onlineRate.storesHelp')}>{t('supply.onlineRate.stores')}</Tooltip>,
      dataIndex: 'stores',
      align: 'right',
      render: number,
    },
    { title: t('supply.onlineRate.storesOrdered'), dataIndex: 'storesOrdered', align: 'right', render: number },
    { title: t('supply.onlineRate.storesOnline'), dataIndex: 'storesOnline', align: 'right', render: number },
    {
      title: t('supply.onlineRate.storeRate'),
      dataIndex: 'storeRate',
      align: 'right',
      render: (value: number | null) => formatRate(value, format.locale),
    },
    { title: t('supply.onlineRate.qty'), dataIndex: 'qty', align: 'right', render: number },
    { title: t('supply.onlineRate.qtyOnline'), dataIndex: 'qtyOnline', align: 'right', render: number },
    {
      title: t('supply.onlineRate.volumeRate'),
      dataIndex: 'volumeRate',
      align: 'right',
      render: (value: number | null) => formatRate(value, format.locale),
    },
  ];
  const total = rate.data?.total;
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  const option = {
    title: { text: t('supply.onlineRate.chartTitle'), left: 0, textStyle: { fontSize: 13 } },
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 16, top: 48, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number | null) => formatRate(value === null ? null : value / 100, format.locale),
    },
    xAxis: { type: 'category', data: rows.map((row) => row.branchName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: t('supply.onlineRate.storeRate'),
        barMaxWidth: 24,
        itemStyle: { color: chartColors.primary },
        data: rows.map((row) => percent(row.storeRate)),
      },
      {
        type: 'bar',
        name: t('supply.onlineRate.volumeRate'),
        barMaxWidth: 24,
        itemStyle: { color: chartColors.secondary },
        data: rows.map((row) => percent(row.volumeRate)),
      },
    ],
  };
  return (
    <Flex vertical gap={16}>
      {rate.error ? <Alert type="error" showIcon title={describeError(rate.error, t)} /> : null}
      {rows.length > 0 ? <SupplyChart option={option} height={280} /> : null}
      <Table<OnlineRateRow>
        rowKey={(row) => row.branchId ?? row.branchName}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={rate.isLoading}
        pagination={false}
        summary={() =>
          total ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('supply.onlineRate.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {number(total.stores)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {number(total.storesOrdered)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {number(total.storesOnline)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatRate(total.storeRate, format.locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {number(total.qty)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {number(total.qtyOnline)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {formatRate(total.volumeRate, format.locale)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}
