import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerPrices as Answer, useCustomerPrices } from '../prices.api.ts';
import { formatCount, formatPercent, formatPoints, formatYuan } from '../prices-format.ts';
import { IndexTag } from './IndexTag.tsx';
import { RetailSources } from './RetailSources.tsx';

type ObservationRow = Answer['observations'][number];
type IndexRow = Answer['index'][number];
type MarginRow = Answer['margin']['rows'][number];

// The 360° view's 价格 tab: the store's margin over the last 13 weeks (beside last year's, and
// which retail price applied), its own index per product, and the prices observed at it.
export function CustomerPrices({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const prices = useCustomerPrices(customerId);
  if (prices.isPending) return <Skeleton active />;
  if (prices.error) return <Alert type="error" showIcon title={describeError(prices.error, t)} />;
  const { observations, index, margin } = prices.data;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('prices.customer.marginTitle')}>
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col span={6}>
            <Statistic
              title={t('prices.margin.margin')}
              value={formatPercent(margin.total.margin, format.locale)}
              data-testid="customer-margin"
            />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('prices.customer.marginLastYear')}
              value={formatPercent(margin.total.lastYear?.margin, format.locale)}
            />
          </Col>
          <Col span={6}>
            <Statistic title={t('prices.margin.change')} value={formatPoints(margin.total.change, format.locale)} />
          </Col>
          <Col span={6}>
            <Typography.Text type="secondary">{t('prices.margin.retailSource')}</Typography.Text>
            <RetailSources sources={margin.total.sources} />
          </Col>
        </Row>
        <Table<MarginRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={margin.rows}
          locale={{ emptyText: t('prices.margin.empty') }}
          columns={[
            { title: t('prices.week'), dataIndex: 'label', render: (label: string) => format.cycleWeekShort(label) },
            {
              title: t('prices.margin.retailAmount'),
              dataIndex: 'retailAmount',
              align: 'right',
              render: (value: number) => formatYuan(value, format.locale),
            },
            {
              title: t('prices.margin.margin'),
              dataIndex: 'margin',
              align: 'right',
              render: (value: number | null) => formatPercent(value, format.locale),
            },
            {
              title: t('prices.margin.retailSource'),
              dataIndex: 'sources',
              render: (sources: MarginRow['sources']) => <RetailSources sources={sources} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('prices.customer.indexTitle')}>
        <Table<IndexRow>
          rowKey="productId"
          size="small"
          pagination={false}
          dataSource={index}
          locale={{ emptyText: t('prices.customer.observationsEmpty') }}
          columns={[
            { title: t('prices.indexPage.product'), dataIndex: 'productName' },
            {
              title: t('prices.observations'),
              dataIndex: 'observations',
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
            {
              title: t('prices.meanPackPrice'),
              dataIndex: 'meanPackPrice',
              align: 'right',
              render: (value: number) => formatYuan(value, format.locale),
            },
            {
              title: t('prices.suggestedPackPrice'),
              dataIndex: 'suggestedPackPrice',
              align: 'right',
              render: (value: number) => formatYuan(value, format.locale),
            },
            {
              title: t('prices.index'),
              dataIndex: 'index',
              align: 'right',
              render: (value: number) => <IndexTag index={value} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('prices.customer.observations')}>
        <Table<ObservationRow>
          rowKey={(row) => `${row.source}-${row.productId}-${row.observedAt}`}
          size="small"
          dataSource={observations}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('prices.customer.observationsEmpty') }}
          columns={[
            {
              title: t('prices.indexPage.observedAt'),
              dataIndex: 'observedAt',
              render: (value: string) => format.dateTime(value),
            },
            { title: t('prices.indexPage.product'), dataIndex: 'productName' },
            {
              title: t('prices.indexPage.source'),
              dataIndex: 'source',
              render: (source: ObservationRow['source']) => t(`prices.sources.${source}`),
            },
            {
              title: t('prices.indexPage.packPrice'),
              dataIndex: 'packPrice',
              align: 'right',
              render: (value: number) => formatYuan(value, format.locale),
            },
            {
              title: t('prices.index'),
              dataIndex: 'index',
              align: 'right',
              render: (value: number) => <IndexTag index={value} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
