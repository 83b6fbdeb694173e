import { PlusOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  type TicketListItem,
  type TicketStatus,
  ticketStatuses,
  useTickets,
  useWorkload,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { SlaCell, StatusTag } from './ticket-format.tsx';

// 投诉建议: the tickets in the caller's scope, newest first, with their SLA state; and the
// workload of each handler.
export function TicketsPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const [mine, setMine] = useState(false);
  const [breached, setBreached] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const tickets = useTickets({ status, mine, breached, limit: pageSize, offset: (page - 1) * pageSize });
  const workload = useWorkload();
  const can = useCan();

  return (
    <PageContainer
      title={t('tickets.title')}
      extra={
        can('POST /api/v1/tickets') ? (
          <Link to="/tickets/new">
            <ActionButton action="POST /api/v1/tickets" type="primary" icon={<PlusOutlined />}>
              {t('tickets.entry.new')}
            </ActionButton>
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
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('tickets.creditPriorityRule')}
      </Typography.Paragraph>
      <Table<TicketListItem>
        rowKey="id"
        size="middle"
        loading={tickets.isFetching}
        dataSource={tickets.data?.items ?? []}
        scroll={{ x: 1160 }}
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
            width: 72,
            render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link>,
          },
          {
            title: t('tickets.columns.store'),
            dataIndex: 'storeName',
            width: 220,
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
            width: 64,
            render: (type: string) => t(`tickets.types.${type}` as 'tickets.types.complaint'),
          },
          {
            title: t('tickets.columns.category'),
            dataIndex: 'categoryName',
            width: 100,
            render: (name: string) => builtIn(name),
          },
          {
            title: t('tickets.columns.status'),
            dataIndex: 'status',
            width: 110,
            render: (value: TicketStatus, row) => (
              <Space size={4} wrap>
                <StatusTag status={value} />
                {row.escalated ? <Tag color="volcano">{t('tickets.escalated')}</Tag> : null}
                {row.creditPriority ? (
                  <Tag color="gold" title={t('tickets.creditPriorityRule')}>
                    {t('tickets.creditPriority', { level: row.creditLevel })}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { title: t('tickets.columns.assignee'), dataIndex: 'assigneeName', width: 120 },
          {
            title: t('tickets.columns.firstResponse'),
            dataIndex: 'firstResponseSla',
            width: 170,
            render: (value, row) => (
              <SlaCell outcome={value} doneAt={row.firstRespondedAt} dueAt={row.firstResponseDueAt} step="responded" />
            ),
          },
          {
            title: t('tickets.columns.resolution'),
            dataIndex: 'resolutionSla',
            width: 170,
            render: (value, row) => (
              <SlaCell outcome={value} doneAt={row.resolvedAt} dueAt={row.resolutionDueAt} step="resolved" />
            ),
          },
          { title: t('tickets.columns.createdAt'), dataIndex: 'createdAt', width: 140, render: format.dateTime },
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
