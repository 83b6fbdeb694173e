import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Observation, type ObservationsQuery, useObservations } from '../prices.api.ts';
import { formatYuan } from '../prices-format.ts';

// The observations behind one figure of the index: each price, where and when it was seen, its
// source, and whether the outlier rule left it out.
export function ObservationsDrawer({
  title,
  query,
  keep = () => true,
  onClose,
}: {
  title: string;
  query: ObservationsQuery | null;
  // What the query cannot narrow by (a branch, a brand): kept on this side.
  keep?: (observation: Observation) => boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const observations = useObservations(query);
  const items = (observations.data?.items ?? []).filter(keep);
  return (
    <Drawer open={query !== null} size={720} title={title} onClose={onClose} destroyOnHidden>
      {observations.error ? <Alert type="error" showIcon title={describeError(observations.error, t)} /> : null}
      <Table<Observation>
        rowKey="id"
        size="small"
        loading={observations.isFetching}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
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
