import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Observation, type ObservationsQuery, useObservations } from '../prices.api.ts';
import { formatYuan } from '../prices-format.ts';

const pageSize = 50;

// The observations behind one figure of the index: each price, where and when it was seen, its
// source. The server filters them by the figure's own keys (counted=true: the ones the figure
// counts) and pages them, so the total is the figure's observations.
export function ObservationsDrawer({
  title,
  query,
  onClose,
}: {
  title: string;
  query: ObservationsQuery | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  // A new figure starts on its first page.
  useEffect(() => {
    if (query) setPage(1);
  }, [query]);
  const observations = useObservations(query ? { ...query, limit: pageSize, offset: (page - 1) * pageSize } : null);
  return (
    <Drawer open={query !== null} size={720} title={title} onClose={onClose} destroyOnHidden>
      {observations.error ? <Alert type="error" showIcon title={describeError(observations.error, t)} /> : null}
      <Table<Observation>
        rowKey="key"
        size="small"
        loading={observations.isFetching}
        dataSource={observations.data?.items ?? []}
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
            width: 150,
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
            width: 100,
            render: (source: Observation['source']) => t(`prices.sources.${source}`),
          },
          {
            title: t('prices.indexPage.packPrice'),
            dataIndex: 'packPrice',
            align: 'right',
            width: 120,
            render: (price: number, row) => (
              <Typography.Text delete={row.flagged}>
                {formatYuan(price, format.locale)}
                {row.flagged ? (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    {t('prices.indexPage.flagged')}
                  </Tag>
                ) : null}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
