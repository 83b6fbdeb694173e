import { Alert, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type ServiceRequest, useCustomerServiceRequests } from '../visits.api.ts';
import { VisitRecordDrawer } from './VisitRecordDrawer.tsx';

const pageSize = 10;
const statusColours: Record<ServiceRequest['status'], string> = {
  open: 'orange',
  fulfilled: 'green',
  cancelled: 'default',
};

// The 360° view's 服务申请 tab: the services the store asked for in the portal (菜单式服务), newest
// first, each with what became of it; a fulfilled one opens the visit that delivered it.
export function CustomerServiceRequests({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [openVisitId, setOpenVisitId] = useState<number | null>(null);
  const requests = useCustomerServiceRequests(customerId, page, pageSize);

  const columns: TableColumnsType<ServiceRequest> = [
    {
      title: t('services.requestedAt'),
      dataIndex: 'requestedAt',
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('services.category'),
      dataIndex: 'category',
      render: (value: ServiceRequest['category']) => t(`services.categories.${value}`),
    },
    { title: t('services.name'), dataIndex: 'itemName' },
    {
      title: t('services.note'),
      dataIndex: 'note',
      responsive: ['md'],
      render: (note: string) => note || '—',
    },
    {
      title: t('services.customerRequests.statusTitle'),
      dataIndex: 'status',
      render: (status: ServiceRequest['status']) => (
        <Tag color={statusColours[status]}>{t(`services.customerRequests.status.${status}`)}</Tag>
      ),
    },
    {
      title: t('services.customerRequests.fulfilledAt'),
      dataIndex: 'fulfilledAt',
      render: (value: string | null, request) =>
        value ? (
          request.fulfilledVisitId ? (
            <Typography.Link
              onClick={() => setOpenVisitId(request.fulfilledVisitId)}
              title={t('services.customerRequests.openVisit')}
            >
              {format.dateTime(value)}
            </Typography.Link>
          ) : (
            format.dateTime(value)
          )
        ) : (
          '—'
        ),
    },
  ];

  if (requests.error) return <Alert type="error" showIcon title={describeError(requests.error, t)} />;
  return (
    <>
      <Table<ServiceRequest>
        data-testid="customer-service-requests"
        rowKey="id"
        size="small"
        loading={requests.isLoading}
        dataSource={requests.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: <Empty description={t('services.customerRequests.empty')} /> }}
        onRow={() => ({ 'data-testid': 'customer-service-request-row' }) as never}
        pagination={{
          current: page,
          pageSize,
          total: requests.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('services.customerRequests.total', { count: total }),
        }}
        scroll={{ x: true }}
      />
      <VisitRecordDrawer visitId={openVisitId} onOpen={setOpenVisitId} />
    </>
  );
}
