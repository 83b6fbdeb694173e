import { Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import type { Distribution } from '../classification.api.ts';

const barColors = { demonstration: '#d4a017', growth: '#389e0d', ordinary: chartColors.primary, special: '#c0392b' };

// Counts and shares per class and demonstration sub-type, with a bar chart.
export function DistributionView({ distribution, height = 240 }: { distribution: Distribution; height?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (share: number) => `${format.number(share, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
  const rows = [
    ...distribution.classes.map((entry) => ({
      key: entry.class,
      label: t(`customers.classes.${entry.class}`),
      count: entry.count,
      share: entry.share,
      indent: false,
    })),
    ...distribution.demoTypes.map((entry) => ({
      key: `type-${entry.demoType}`,
      label: t(`customers.demoTypes.${entry.demoType}`),
      count: entry.count,
      share: entry.share,
      indent: true,
    })),
  ];
  const option = {
    grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => format.number(value),
    },
    xAxis: { type: 'category', data: distribution.classes.map((entry) => t(`customers.classes.${entry.class}`)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
    series: [
      {
        type: 'bar',
        name: t('classification.distribution.count'),
        barMaxWidth: 48,
        label: {
          show: true,
          position: 'top',
          formatter: ({ dataIndex }: { dataIndex: number }) => percent(distribution.classes[dataIndex].share),
        },
        data: distribution.classes.map((entry) => ({
          value: entry.count,
          itemStyle: { color: barColors[entry.class] },
        })),
      },
    ],
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Statistic title={t('classification.distribution.total')} value={format.number(distribution.total)} />
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={rows}
          columns={[
            {
              title: t('customers.fields.class'),
              dataIndex: 'label',
              render: (label: string, row) => (row.indent ? <span style={{ paddingLeft: 20 }}>{label}</span> : label),
            },
            {
              title: t('classification.distribution.count'),
              dataIndex: 'count',
              align: 'right',
              render: (value: number) => format.number(value),
            },
            { title: t('classification.distribution.share'), dataIndex: 'share', align: 'right', render: percent },
          ]}
        />
      </Col>
      <Col xs={24} lg={14}>
        <SupplyChart option={option} height={height} />
      </Col>
    </Row>
  );
}
