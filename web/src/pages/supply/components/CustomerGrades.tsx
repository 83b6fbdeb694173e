import { Alert, Flex, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { chartColors, SupplyChart } from '../../../shared/SupplyChart.tsx';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerGrade, useCustomerGrades } from '../supply.api.ts';
import { formatYuan } from '../supply-format.ts';

const day = (value: string) => `${value}T12:00:00+08:00`;

// The 360° view's 档位 tab: the store's grade in every published run, newest first.
export function CustomerGrades({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const grades = useCustomerGrades(customerId);
  const items = [...(grades.data?.items ?? [])].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn));
  const columns: TableColumnsType<CustomerGrade> = [
    {
      title: t('supply.customerGrades.effectiveOn'),
      dataIndex: 'effectiveOn',
      render: (value: string) => format.date(day(value)),
    },
    {
      title: t('supply.customerGrades.grade'),
      dataIndex: 'grade',
      render: (grade: number) => <Tag color="blue">{t('supply.grades.gradeLabel', { grade })}</Tag>,
    },
    {
      title: t('supply.customerGrades.score'),
      dataIndex: 'score',
      align: 'right',
      render: (score: number) => format.number(score, { maximumFractionDigits: 1 }),
    },
    {
      title: t('supply.customerGrades.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: number) => formatYuan(amount, format.locale),
    },
    {
      title: t('supply.customerGrades.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (quantity: number) => format.number(quantity),
    },
  ];
  const chronological = [...items].reverse();
  const option = {
    title: { text: t('supply.customerGrades.trend'), left: 0, textStyle: { fontSize: 13 } },
    grid: { left: 8, right: 16, top: 44, bottom: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: chronological.map((entry) => format.date(day(entry.effectiveOn))) },
    yAxis: { type: 'value', min: 0, max: 30, interval: 5 },
    series: [
      {
        type: 'line',
        name: t('supply.customerGrades.grade'),
        step: 'end',
        itemStyle: { color: chartColors.primary },
        data: chronological.map((entry) => entry.grade),
      },
    ],
  };
  return (
    <Flex vertical gap={16}>
      {grades.error ? <Alert type="error" showIcon title={describeError(grades.error, t)} /> : null}
      {items[0] ? (
        <Statistic
          title={t('supply.customerGrades.current')}
          value={items[0].grade}
          suffix={`/ 30`}
          styles={{ content: { color: chartColors.primary } }}
        />
      ) : null}
      {items.length > 1 ? <SupplyChart option={option} height={200} /> : null}
      <Table<CustomerGrade>
        rowKey="runId"
        size="small"
        columns={columns}
        dataSource={items}
        loading={grades.isLoading}
        pagination={false}
        locale={{ emptyText: t('supply.customerGrades.empty') }}
      />
    </Flex>
  );
}
