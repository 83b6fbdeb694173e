import { Alert, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/error-message.ts';
import { type TicketListItem, type TicketStatus, useTickets } from '../../../shared/tickets.api.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { SlaCell, StatusTag } from '../ticket-format.tsx';

const pageSize = 10;

// The 360° view's 投诉建议 tab: the store's tickets newest first, each with its status and both
// SLA clocks, opening the ticket. Paged on the server, which keeps a manager to their own stores.
export function CustomerTickets({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const tickets = useTickets({ customerId, limit: pageSize, offset: (page - 1) * pageSize });

  const columns: TableColumnsType<TicketListItem> = [
    {
      title: t('tickets.columns.id'),
      dataIndex: 'id',
      render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link>,
    },
    {
      title: t('tickets.columns.type'),
      dataIndex: 'type',
      render: (type: TicketListItem['type'], row) => (
        <Link to={`/tickets/${row.id}`}>
          {t(`tickets.types.${type}`)} · {row.categoryName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {row.description.slice(0, 40)}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('tickets.columns.status'),
      dataIndex: 'status',
      render: (value: TicketStatus, row) => (
        <Space size={4} wrap>
          <StatusTag status={value} />
          {row.escalated ? <Tag color="volcano">{t('tickets.escalated')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('tickets.columns.firstResponse'),
      dataIndex: 'firstResponseSla',
      render: (value: TicketListItem['firstResponseSla'], row) => (
        <SlaCell outcome={value} doneAt={row.firstRespondedAt} dueAt={row.firstResponseDueAt} step="responded" />
      ),
    },
    {
      title: t('tickets.columns.resolution'),
      dataIndex: 'resolutionSla',
      render: (value: TicketListItem['resolutionSla'], row) => (
        <SlaCell outcome={value} doneAt={row.resolvedAt} dueAt={row.resolutionDueAt} step="resolved" />
      ),
    },
    { title: t('tickets.columns.assignee'), dataIndex: 'assigneeName', responsive: ['lg'] },
    {
      title: t('tickets.columns.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => format.dateTime(value),
    },
  ];

  if (tickets.error) return <Alert type="error" showIcon title={describeError(tickets.error, t)} />;
  return (
    <Table<TicketListItem>
      data-testid="customer-tickets"
      rowKey="id"
      size="small"
      loading={tickets.isLoading}
      dataSource={tickets.data?.items ?? []}
      columns={columns}
      locale={{ emptyText: <Empty description={t('tickets.customerTickets.empty')} /> }}
      onRow={() => ({ 'data-testid': 'customer-ticket-row' }) as never}
      pagination={{
        current: page,
        pageSize,
        total: tickets.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        showTotal: (total) => t('tickets.customerTickets.total', { count: total }),
      }}
      scroll={{ x: true }}
    />
  );
}
