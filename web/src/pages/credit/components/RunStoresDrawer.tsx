import { Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatScore } from '../../../shared/credit-format.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CreditLevel, type RunStore, type RunStoreQuery, useRunStores } from '../credit.api.ts';
import { LevelTag } from './LevelTag.tsx';

const pageSize = 20;

// The stores behind a figure of a run (a level's count, a branch's ups or downs), 20 a page, each
// linked to its 360° view's credit tab.
export function RunStoresDrawer({
  runId,
  filter,
  title,
  onClose,
}: {
  runId: number | null;
  filter: Omit<RunStoreQuery, 'page' | 'pageSize'> | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const isOpen = runId !== null && filter !== null;
  const stores = useRunStores(runId ?? 0, { ...filter, page, pageSize }, isOpen);
  return (
    <Drawer open={isOpen} onClose={onClose} size={760} title={title} destroyOnHidden afterOpenChange={() => setPage(1)}>
      <Table<RunStore>
        size="small"
        rowKey="customerId"
        loading={stores.isFetching}
        dataSource={stores.data?.items ?? []}
        locale={{ emptyText: t('credit.stores.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: stores.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('credit.store'),
            dataIndex: 'name',
            render: (name: string, store) => <Link to={`/customers/${store.customerId}?tab=credit`}>{name}</Link>,
          },
          {
            title: t('credit.stores.licenceNo'),
            dataIndex: 'licenceNo',
            width: 130,
            render: (value: string | null) => (value ? <Typography.Text>{value}</Typography.Text> : '—'),
          },
          { title: t('credit.branch'), dataIndex: 'branchName', width: 120, render: (value) => value ?? '—' },
          {
            title: t('credit.stores.previousLevel'),
            dataIndex: 'previousLevel',
            width: 90,
            render: (level: CreditLevel | null) => (level ? <LevelTag level={level} /> : '—'),
          },
          {
            title: t('credit.stores.level'),
            dataIndex: 'level',
            width: 80,
            render: (level: CreditLevel) => <LevelTag level={level} />,
          },
          {
            title: t('credit.score'),
            dataIndex: 'score',
            width: 90,
            align: 'right',
            render: (score: number) => formatScore(score, format.locale),
          },
        ]}
      />
    </Drawer>
  );
}
