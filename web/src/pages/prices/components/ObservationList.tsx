import { Alert, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerReference } from '../../../shared/customer-reference.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Observation, type ObservationsQuery, useActiveProducts, useObservations } from '../prices.api.ts';
import { formatYuan, isoWeekOf } from '../prices-format.ts';

const sources = ['visit', 'retailer', 'inspection'] as const;
const pageSize = 20;

type Filters = Pick<ObservationsQuery, 'week' | 'source' | 'branchId' | 'districtCode' | 'brand' | 'productId'>;

// 价格采集记录: every observation — visits', retailers' and market checks' — filtered on the server
// by week, source, branch, district, brand and product, paged. Without a week: the server's last 13
// weeks.
export function ObservationList() {
  const { t } = useTranslation();
  const format = useFormat();
  const reference = useCustomerReference();
  const products = useActiveProducts();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const observations = useObservations({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const items = products.data?.items ?? [];
  const brands = useMemo(() => [...new Set(items.map((product) => product.brand))].sort(), [items]);
  const change = (patch: Filters) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };

  return (
    <Card title={t('prices.checks.list.title')} data-testid="price-observation-list">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="week"
          aria-label={t('prices.checks.list.week')}
          placeholder={t('prices.checks.list.week')}
          onChange={(value: Dayjs | null) =>
            change({ week: value ? isoWeekOf(value.startOf('week').add(1, 'day').format('YYYY-MM-DD')) : undefined })
          }
        />
        <Select
          allowClear
          style={{ width: 120 }}
          aria-label={t('prices.checks.list.source')}
          placeholder={t('prices.checks.list.source')}
          value={filters.source}
          onChange={(value) => change({ source: value })}
          options={sources.map((source) => ({ value: source, label: t(`prices.sources.${source}`) }))}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          aria-label={t('prices.checks.list.branch')}
          placeholder={t('prices.checks.list.branch')}
          value={filters.branchId}
          onChange={(value) => change({ branchId: value })}
          options={(reference.data?.branches ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          aria-label={t('prices.checks.list.district')}
          placeholder={t('prices.checks.list.district')}
          value={filters.districtCode}
          onChange={(value) => change({ districtCode: value })}
          options={(reference.data?.districts ?? []).map((district) => ({
            value: district.code,
            label: district.name,
          }))}
        />
        <Select
          allowClear
          showSearch
          style={{ width: 130 }}
          aria-label={t('prices.checks.list.brand')}
          placeholder={t('prices.checks.list.brand')}
          value={filters.brand}
          onChange={(value) => change({ brand: value })}
          options={brands.map((brand) => ({ value: brand, label: brand }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          aria-label={t('prices.checks.list.product')}
          placeholder={t('prices.checks.list.product')}
          value={filters.productId}
          onChange={(value) => change({ productId: value })}
          options={items
            .filter((product) => !filters.brand || product.brand === filters.brand)
            .map((product) => ({ value: product.id, label: product.name }))}
        />
      </Flex>
      {observations.error ? <Alert type="error" showIcon title={describeError(observations.error, t)} /> : null}
      <Table<Observation>
        rowKey="key"
        size="small"
        loading={observations.isFetching}
        dataSource={observations.data?.items ?? []}
        locale={{ emptyText: t('prices.checks.recentEmpty') }}
        pagination={{
          current: page,
          pageSize,
          total: observations.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('prices.indexPage.observationsTotal', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('prices.indexPage.observedAt'),
            dataIndex: 'observedAt',
            width: 140,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('prices.indexPage.store'),
            key: 'place',
            render: (_, row) => row.storeName ?? row.marketPoint ?? '—',
          },
          { title: t('prices.indexPage.product'), dataIndex: 'productName' },
          {
            title: t('prices.indexPage.source'),
            dataIndex: 'source',
            width: 90,
            render: (source: Observation['source']) => <Tag>{t(`prices.sources.${source}`)}</Tag>,
          },
          { title: t('prices.checks.list.reporter'), dataIndex: 'reporterName', width: 110 },
          {
            title: t('prices.indexPage.packPrice'),
            dataIndex: 'packPrice',
            align: 'right',
            width: 100,
            render: (price: number, row) => (
              <Typography.Text type={row.flagged ? 'warning' : undefined}>
                {formatYuan(price, format.locale)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
