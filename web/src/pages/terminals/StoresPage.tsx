import { Alert, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { inspectionFormPath } from './ApplicationsPage.tsx';
import { type AwardedStore, useReInspectionsDue, useTierStores, useTiers } from './terminals.api.ts';

const pageSize = 20;
const dueWithinDays = 30;

// 终端建设 › 标杆店名录: the stores holding a tier in the caller's scope (earliest re-inspection
// first), or only those whose re-inspection falls due within 30 days, overdue ones included.
export function StoresPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const tiers = useTiers();
  const [view, setView] = useState<'all' | 'due'>('all');
  const [tier, setTier] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  const all = useTierStores({ tier, ...paging });
  const due = useReInspectionsDue({ withinDays: dueWithinDays, tier, ...paging });
  const shown = view === 'all' ? all : due;
  const canInspect = can('POST /api/v1/terminals/inspections');

  return (
    <PageContainer title={t('terminals.stores.title')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(value) => {
            setView(value as 'all' | 'due');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('terminals.stores.all') },
            { value: 'due', label: t('terminals.stores.due', { days: dueWithinDays }) },
          ]}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('terminals.columns.tier')}
          placeholder={t('terminals.allTiers')}
          value={tier}
          onChange={(value) => {
            setTier(value);
            setPage(1);
          }}
          options={(tiers.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {t('terminals.stores.total', { count: shown.data?.total ?? 0, total: format.number(shown.data?.total ?? 0) })}
        </Typography.Text>
      </Flex>
      {shown.error ? <Alert type="error" showIcon title={describeError(shown.error, t)} /> : null}
      <Table<AwardedStore>
        rowKey="customerId"
        size="middle"
        loading={shown.isFetching}
        dataSource={shown.data?.items ?? []}
        locale={{ emptyText: t(view === 'all' ? 'terminals.stores.empty' : 'terminals.stores.noneDue') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: shown.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('terminals.columns.store'),
            dataIndex: 'name',
            width: 200,
            render: (name: string, row) => <Link to={`/customers/${row.customerId}?tab=terminal`}>{name}</Link>,
          },
          { title: t('terminals.columns.licence'), dataIndex: 'licenceNo', width: 140 },
          { title: t('terminals.columns.address'), dataIndex: 'address', width: 220, ellipsis: true },
          { title: t('terminals.columns.branch'), dataIndex: 'branchName', width: 130 },
          {
            title: t('terminals.columns.manager'),
            dataIndex: 'managerName',
            width: 110,
            render: (value: string | null) => value ?? '—',
          },
          { title: t('terminals.columns.tier'), dataIndex: 'tierName', width: 110 },
          {
            title: t('terminals.columns.awardedOn'),
            dataIndex: 'awardedOn',
            width: 120,
            render: (value: string) => format.day(value),
          },
          {
            title: t('terminals.columns.dueOn'),
            dataIndex: 'dueOn',
            width: 150,
            render: (value: string, row) => (
              <Flex gap={4} align="center">
                <span>{format.day(value)}</span>
                {row.overdue ? <Tag color="red">{t('terminals.overdue')}</Tag> : null}
              </Flex>
            ),
          },
          ...(canInspect
            ? [
                {
                  title: t('terminals.columns.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, row: AwardedStore) => (
                    <Link to={inspectionFormPath(row.customerId, row.tierId)}>{t('terminals.reinspect')}</Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </PageContainer>
  );
}
