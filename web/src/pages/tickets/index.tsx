import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../app/access.ts';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  type TicketListItem,
  type TicketStatus,
  ticketStatuses,
  useTickets,
  useWorkload,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { fileTickets } from './ticket-access.ts';
import { SlaTag, StatusTag } from './ticket-format.tsx';

// 投诉建议: the tickets in the caller's scope, newest first, with their SLA state; and the
// workload of each handler.
export function TicketsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const [mine, setMine] = useState(false);
  const [breached, setBreached] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const tickets = useTickets({ status, mine, breached, limit: pageSize, offset: (page - 1) * pageSize });
  const workload = useWorkload();
  const user = useSignedInUser();

  return (
    <PageContainer
      title={t('tickets.title')}
      extra={
        canAccess(user, fileTickets) ? (
          <Link to="/tickets/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('tickets.entry.new')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('tickets.filters.all')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={ticketStatuses.map((value) => ({ value, label: t(`tickets.statuses.${value}`) }))}
        />
        <Space>
          <Switch checked={mine} onChange={setMine} aria-label={t('tickets.filters.mine')} />
          {t('tickets.filters.mine')}
        </Space>
        <Space>
          <Switch checked={breached} onChange={setBreached} aria-label={t('tickets.filters.breached')} />
          {t('tickets.filters.breached')}
        </Space>
      </Flex>
      {tickets.error ? <Alert type="error" showIcon title={describeError(tickets.error, t)} /> : null}
      <Table<TicketListItem>
        rowKey="id"
        size="middle"
        loading={tickets.isFetching}
        dataSource={tickets.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: tickets.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('tickets.columns.id'),
            dataIndex: 'id',
            width: 80,
            render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link>,
          },
          {
            title: t('tickets.columns.store'),
            dataIndex: 'storeName',
            render: (name: string, row) => (
              <Link to={`/tickets/${row.id}`}>
                {name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {row.description.slice(0, 30)}
                </Typography.Text>
              </Link>
            ),
          },
          {
            title: t('tickets.columns.type'),
            dataIndex: 'type',
            width: 80,
            render: (type: string) => t(`tickets.types.${type}` as 'tickets.types.complaint'),
          },
          { title: t('tickets.columns.category'), dataIndex: 'categoryName', width: 120 },
          {
            title: t('tickets.columns.status'),
            dataIndex: 'status',
            width: 130,
            render: (value: TicketStatus, row) => (
              <Space size={4} wrap>
                <StatusTag status={value} />
                {row.escalated ? <Tag color="volcano">{t('tickets.escalated')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('tickets.columns.assignee'), dataIndex: 'assigneeName', width: 140 },
          {
            title: t('tickets.columns.firstResponse'),
            dataIndex: 'firstResponseSla',
            width: 190,
            render: (value, row) => (
              <Space size={4}>
                <SlaTag outcome={value} />
                <Typography.Text type="secondary">{format.dateTime(row.firstResponseDueAt)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('tickets.columns.resolution'),
            dataIndex: 'resolutionSla',
            width: 190,
            render: (value, row) => (
              <Space size={4}>
                <SlaTag outcome={value} />
                <Typography.Text type="secondary">{format.dateTime(row.resolutionDueAt)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('tickets.columns.createdAt'), dataIndex: 'createdAt', width: 150, render: format.dateTime },
        ]}
      />
      <Card title={t('tickets.workload')} size="small" style={{ marginTop: 16 }}>
        <Table
          rowKey="handlerId"
          size="small"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={workload.data ?? []}
          columns={[
            { title: t('tickets.columns.assignee'), dataIndex: 'handler' },
            { title: t('tickets.open'), dataIndex: 'open', render: (value: number) => format.number(value) },
            {
              title: t('tickets.breachedCount'),
              dataIndex: 'breached',
              render: (value: number) => format.number(value),
            },
            { title: t('tickets.overdue'), dataIndex: 'overdue', render: (value: number) => format.number(value) },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
