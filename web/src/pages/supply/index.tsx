import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { CreateCycleModal } from './components/CreateCycleModal.tsx';
import { CycleStatusTag } from './components/CycleStatusTag.tsx';
import { CycleWindow } from './components/CycleWindow.tsx';
import { type CycleSummary, useCycles } from './supply.api.ts';

// 订货周期: one row per week, newest first; a cycle opens for ordering once published.
export function CyclesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canManage = useCan()('POST /api/v1/supply/cycles');
  const cycles = useCycles();
  const [isCreating, setCreating] = useState(false);

  const columns: TableColumnsType<CycleSummary> = [
    {
      title: t('supply.cycles.code'),
      dataIndex: 'code',
      render: (code: string, cycle) => <Link to={`/supply/cycles/${cycle.id}`}>{code}</Link>,
    },
    {
      title: t('supply.cycles.week'),
      dataIndex: 'weekStart',
      render: (weekStart: string) => format.cycleWeek(weekStart),
    },
    { title: t('supply.cycles.window'), key: 'window', render: (_, cycle) => <CycleWindow cycle={cycle} /> },
    {
      title: t('supply.cycles.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: CycleSummary['status']) => <CycleStatusTag status={status} />,
    },
    {
      title: t('supply.cycles.products'),
      dataIndex: 'productCount',
      align: 'right',
      width: 110,
      render: (count: number) => format.number(count),
    },
    {
      title: t('supply.cycles.publishedAt'),
      dataIndex: 'publishedAt',
      width: 170,
      render: (at: string | null) => format.dateTime(at),
    },
  ];

  return (
    <PageContainer
      title={t('supply.cycles.title')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => cycles.refetch()}>
            {t('common.refresh')}
          </Button>
          {canManage ? (
            <Button
              data-action="POST /api/v1/supply/cycles"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('supply.cycles.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        {cycles.error ? (
          <Alert type="error" showIcon title={describeError(cycles.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<CycleSummary>
          rowKey="id"
          columns={columns}
          dataSource={[...(cycles.data?.items ?? [])].sort((a, b) => b.weekStart.localeCompare(a.weekStart))}
          loading={cycles.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('supply.cycles.empty') }}
        />
      </Card>
      {canManage ? <CreateCycleModal isOpen={isCreating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
