import { CalendarOutlined } from '@ant-design/icons';
import { Alert, App, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  planWorklist,
  useBrandMutation,
  useProgrammes,
  useWorklist,
  type WorklistItem,
  type WorklistStatus,
  worklistStatuses,
} from './brand.api.ts';

const statusColors: Record<WorklistStatus, string> = {
  not_shelved: 'red',
  not_reordered: 'orange',
  over_stock: 'gold',
  out_of_stock: 'volcano',
};

// The plan takes at most this many stores at once (POST /brand-worklist/plan).
const maxPlanned = 50;

const rowKeyOf = (item: WorklistItem) => `${item.programmeId}:${item.customerId}`;

// 培育任务: the target stores of active programmes that need a visit (not shelved, not
// re-ordering, outside the 存销比 band), with the reason; a manager selects some and adds them to
// this week's visit plan in one action. The server narrows the list to the caller's scope.
export function BrandWorklistPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [programmeId, setProgrammeId] = useState<number | undefined>();
  const [status, setStatus] = useState<WorklistStatus | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const programmes = useProgrammes('active');
  const worklist = useWorklist(programmeId);
  const plan = useBrandMutation(planWorklist);
  const items = (worklist.data?.items ?? []).filter((item) => !status || item.status === status);
  // A store may be behind for several programmes: it is planned once.
  const customerIds = [
    ...new Set(
      (worklist.data?.items ?? []).filter((item) => selected.includes(rowKeyOf(item))).map((item) => item.customerId),
    ),
  ];

  const addToPlan = async () => {
    try {
      const result = await plan.mutateAsync({ customerIds });
      message.success(t('brand.worklist.planResult', result));
      setSelected([]);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <PageContainer
      title={t('brand.worklist.title')}
      extra={
        <ActionButton
          action="POST /api/v1/brand-worklist/plan"
          type="primary"
          icon={<CalendarOutlined />}
          disabled={customerIds.length === 0 || customerIds.length > maxPlanned}
          loading={plan.isPending}
          onClick={addToPlan}
        >
          {t('brand.worklist.plan')}
        </ActionButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('brand.worklist.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 260 }}
          aria-label={t('brand.worklist.programme')}
          placeholder={t('brand.worklist.allProgrammes')}
          value={programmeId}
          onChange={(value) => {
            setProgrammeId(value);
            setSelected([]);
          }}
          options={(programmes.data?.items ?? []).map((programme) => ({ value: programme.id, label: programme.name }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('brand.worklist.status')}
          placeholder={t('brand.worklist.allStatuses')}
          value={status}
          onChange={setStatus}
          options={worklistStatuses.map((value) => ({ value, label: t(`brand.storeStatuses.${value}`) }))}
        />
        {customerIds.length > 0 ? (
          <Typography.Text type={customerIds.length > maxPlanned ? 'danger' : 'secondary'}>
            {t('brand.worklist.selected', { count: customerIds.length })}
            {customerIds.length > maxPlanned ? ` · ${t('brand.worklist.tooMany')}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
      {worklist.error ? <Alert type="error" showIcon title={describeError(worklist.error, t)} /> : null}
      <Table<WorklistItem>
        rowKey={rowKeyOf}
        size="middle"
        loading={worklist.isFetching}
        dataSource={items}
        locale={{ emptyText: t('brand.worklist.empty') }}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (item) => ({ disabled: item.plannedThisWeek, 'aria-label': item.name }),
        }}
        columns={[
          {
            title: t('brand.worklist.store'),
            dataIndex: 'name',
            width: 220,
            render: (name: string, item) => (
              <Link to={`/customers/${item.customerId}?tab=brand`}>
                {name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {item.code}
                </Typography.Text>
              </Link>
            ),
          },
          {
            title: t('brand.worklist.programme'),
            dataIndex: 'programmeName',
            width: 200,
            render: (name: string, item) => <Link to={`/brand-programmes/${item.programmeId}`}>{name}</Link>,
          },
          {
            title: t('brand.worklist.status'),
            dataIndex: 'status',
            width: 100,
            render: (value: WorklistStatus, item) => (
              <Flex gap={4} wrap>
                <Tag color={statusColors[value]}>{t(`brand.storeStatuses.${value}`)}</Tag>
                {item.plannedThisWeek ? <Tag color="blue">{t('brand.worklist.planned')}</Tag> : null}
              </Flex>
            ),
          },
          { title: t('brand.worklist.reason'), dataIndex: 'reason', width: 280 },
          { title: t('brand.worklist.manager'), dataIndex: 'managerName', width: 110 },
        ]}
      />
    </PageContainer>
  );
}
