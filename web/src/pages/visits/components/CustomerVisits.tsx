import { Card, Empty, Flex, List, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useBuiltInName } from '../../../shared/i18n/built-in-names.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { planItemState, planStateColours } from '../month-plan.ts';
import { planTally, serviceNamesOf, visitMinutes } from '../visit-record.ts';
import { useCustomerPlan, useCustomerVisits, useServiceItems, type VisitSummary } from '../visits.api.ts';
import { VisitRecordDrawer } from './VisitRecordDrawer.tsx';

const pageSize = 10;
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

// The 360° view's 走访 tab: this month's planned visits for the store, then its submitted
// visits newest first (paged on the server, which keeps a manager to their own stores).
// A row opens the record read-only.
export function CustomerVisits({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const today = beijingToday();
  const month = today.slice(0, 7);
  const visits = useCustomerVisits(customerId, page, pageSize);
  const plan = useCustomerPlan(customerId, month);
  const menu = useServiceItems().data?.items ?? [];
  const planItems = plan.data?.items ?? [];
  const tally = planTally(planItems);

  const columns: TableColumnsType<VisitSummary> = [
    {
      title: t('visits.records.date'),
      dataIndex: 'checkInAt',
      render: (value: string, visit) => (
        <Typography.Link onClick={() => setOpenId(visit.id)}>{format.dateTime(value)}</Typography.Link>
      ),
    },
    { title: t('visits.records.manager'), dataIndex: 'managerName' },
    {
      title: t('visits.records.minutes'),
      dataIndex: 'durationSeconds',
      align: 'right',
      render: (value: number) => format.number(visitMinutes(value)),
    },
    {
      title: t('visits.records.flags'),
      key: 'flags',
      render: (_, visit) => (
        <Flex gap={4} wrap>
          {visit.correctsVisitId ? (
            <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => setOpenId(visit.correctsVisitId)}>
              {t('visits.records.correction', { id: visit.correctsVisitId })}
            </Tag>
          ) : null}
          {visit.isSuperseded ? <Tag>{t('visits.records.superseded')}</Tag> : null}
          {visit.flags.map((flag) => (
            <Tag key={flag} color="orange">
              {t(`visits.flags.${flag}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('visits.records.services'),
      dataIndex: 'servicesDelivered',
      responsive: ['md'],
      render: (ids: number[]) => (ids.length === 0 ? '—' : serviceNamesOf(ids, menu).map(builtIn).join('、')),
    },
    { title: t('visits.records.imageScore'), dataIndex: 'imageScore', align: 'right', responsive: ['lg'] },
  ];

  return (
    <Flex vertical gap={16} data-testid="customer-visits">
      <Card
        size="small"
        title={`${t('visits.records.thisMonth')}（${month}）`}
        extra={
          planItems.length > 0 ? (
            <Typography.Text type="secondary" data-testid="customer-plan-tally">
              {t('visits.records.planTally', { planned: tally.planned, done: tally.done })}
            </Typography.Text>
          ) : null
        }
        loading={plan.isLoading}
      >
        {plan.error ? (
          <Typography.Text type="danger">{describeError(plan.error, t)}</Typography.Text>
        ) : planItems.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.records.planEmpty')}</Typography.Text>
        ) : (
          <List
            size="small"
            grid={{ gutter: 8, xs: 1, sm: 2, md: 4 }}
            dataSource={planItems}
            renderItem={(item) => (
              <List.Item data-testid="customer-plan-item">
                <Flex gap={8} align="center">
                  <Typography.Text delete={item.status === 'dropped'}>{format.day(item.date)}</Typography.Text>
                  <Tag
                    color={planStateColours[planItemState(item, today)]}
                    style={item.visitId ? { cursor: 'pointer' } : undefined}
                    onClick={item.visitId ? () => setOpenId(item.visitId) : undefined}
                  >
                    {t(`visits.status.${planItemState(item, today)}`)}
                  </Tag>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {visits.error ? (
        <Typography.Text type="danger">{describeError(visits.error, t)}</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={visits.isLoading}
          dataSource={visits.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: <Empty description={t('visits.records.empty')} /> }}
          onRow={(visit) =>
            ({ 'data-testid': 'customer-visit-row', onDoubleClick: () => setOpenId(visit.id) }) as never
          }
          pagination={{
            current: page,
            pageSize,
            total: visits.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('visits.records.total', { count: total }),
          }}
          scroll={{ x: true }}
        />
      )}
      <VisitRecordDrawer visitId={openId} onOpen={setOpenId} />
    </Flex>
  );
}
