import { Alert, Card, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { weeklyPurchaseSeries } from '../purchase-trend.ts';
import { type CustomerOrder, useCustomerOrders, useCustomerPurchaseTrend } from '../supply.api.ts';
import { formatYuan } from '../supply-format.ts';
import { SettlementTag } from './OrderSettlement.tsx';

// echarts comes with the chart, once the tab is open and the trend has arrived.
const PurchaseTrendChart = lazy(() =>
  import('./PurchaseTrendChart.tsx').then((module) => ({ default: module.PurchaseTrendChart })),
);

const pageSize = 10;
const channelColours: Record<CustomerOrder['channel'], string> = { online: 'blue', phone: 'purple', visit: 'cyan' };

// The 360° view's 订货 tab: what the store bought over the last 13 weeks (cartons and amount per
// week, weeks without orders at 0), then its orders by cycle, newest first, paged on the server
// (which keeps a manager to their own stores).
export function CustomerOrders({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const orders = useCustomerOrders(customerId, page, pageSize);
  const trend = useCustomerPurchaseTrend(customerId);
  const weeks = trend.data ? weeklyPurchaseSeries(trend.data) : [];
  const totals = weeks.reduce(
    (sum, week) => ({
      quantity: sum.quantity + week.quantity,
      amount: sum.amount + week.amount,
      weeksOrdered: sum.weeksOrdered + (week.quantity > 0 ? 1 : 0),
    }),
    { quantity: 0, amount: 0, weeksOrdered: 0 },
  );

  const columns: TableColumnsType<CustomerOrder> = [
    {
      title: t('supply.customerOrders.cycle'),
      dataIndex: 'weekStart',
      render: (weekStart: string, order) => (
        <Link to={`/supply/cycles/${order.cycleId}`}>{format.cycleWeek(weekStart)}</Link>
      ),
    },
    {
      title: t('supply.customerOrders.lines'),
      dataIndex: 'lineCount',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('supply.customerOrders.cartons'),
      dataIndex: 'quantity',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('supply.customerOrders.amount'),
      dataIndex: 'total',
      align: 'right',
      render: (value: number) => formatYuan(value, format.locale),
    },
    {
      title: t('supply.customerOrders.status'),
      dataIndex: 'status',
      render: (status: CustomerOrder['status']) => (
        <Tag color={status === 'submitted' ? 'green' : 'default'}>{t(`supply.phone.orderStatuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('supply.settlement.title'),
      dataIndex: 'settlementStatus',
      render: (status: CustomerOrder['settlementStatus'], order) =>
        order.status === 'submitted' ? <SettlementTag status={status} lateDays={order.settlementLateDays} /> : null,
    },
    {
      title: t('supply.phone.channel'),
      dataIndex: 'channel',
      render: (channel: CustomerOrder['channel']) => (
        <Tag color={channelColours[channel]}>{t(`supply.phone.channels.${channel}`)}</Tag>
      ),
    },
    {
      title: t('supply.phone.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['md'],
      render: (value: string) => format.dateTime(value),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="customer-orders">
      <Card
        size="small"
        title={t('supply.customerOrders.trend')}
        extra={
          trend.data ? (
            <Typography.Text type="secondary" data-testid="purchase-trend-totals">
              {t('supply.customerOrders.trendTotals', {
                weeks: weeks.length,
                weeksOrdered: totals.weeksOrdered,
                cartons: format.number(totals.quantity),
                amount: formatYuan(totals.amount, format.locale),
              })}
            </Typography.Text>
          ) : null
        }
        loading={trend.isLoading}
      >
        {trend.error ? (
          <Alert type="error" showIcon title={describeError(trend.error, t)} />
        ) : totals.weeksOrdered === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supply.customerOrders.trendEmpty')} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
            <PurchaseTrendChart weeks={weeks} />
          </Suspense>
        )}
      </Card>
      {orders.error ? (
        <Alert type="error" showIcon title={describeError(orders.error, t)} />
      ) : (
        <Table<CustomerOrder>
          rowKey="orderId"
          size="small"
          loading={orders.isLoading}
          dataSource={orders.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: <Empty description={t('supply.customerOrders.empty')} /> }}
          onRow={() => ({ 'data-testid': 'customer-order-row' }) as never}
          pagination={{
            current: page,
            pageSize,
            total: orders.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('supply.customerOrders.total', { count: total }),
          }}
          scroll={{ x: true }}
        />
      )}
    </Flex>
  );
}
