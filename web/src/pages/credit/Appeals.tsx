import { Alert, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { appealStatusColours, DueText } from './components/AppealDue.tsx';
import { DisputedItem } from './components/DisputedItem.tsx';
import { type AppealListItem, type AppealStatus, appealStatuses, useAppeals } from './credit.api.ts';

// 信用申诉: the queue, open ones first by deadline; each opens its detail to accept or reject.
export function AppealsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<AppealStatus | 'all'>('open');
  const appeals = useAppeals(status === 'all' ? undefined : status);
  const items = [...(appeals.data?.items ?? [])].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || a.dueOn.localeCompare(b.dueOn),
  );

  return (
    <PageContainer
      title={t('credit.appeals.title')}
      extra={
        <Segmented<AppealStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            ...appealStatuses.map((value) => ({ value, label: t(`credit.appealStatuses.${value}`) })),
            { value: 'all' as const, label: t('credit.appeals.all') },
          ]}
        />
      }
    >
      {appeals.error ? <Alert type="error" showIcon title={describeError(appeals.error, t)} /> : null}
      <Table<AppealListItem>
        rowKey="id"
        loading={appeals.isPending}
        dataSource={items}
        locale={{ emptyText: t('credit.appeals.empty') }}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('credit.store'),
            dataIndex: 'customerName',
            render: (name: string, appeal) => <Link to={`/credit/appeals/${appeal.id}`}>{name}</Link>,
          },
          {
            title: t('credit.appeals.disputed'),
            key: 'item',
            render: (_: unknown, appeal) => <DisputedItem appeal={appeal} />,
          },
          {
            title: t('credit.appeals.reason'),
            dataIndex: 'reason',
            ellipsis: true,
            width: 260,
          },
          {
            title: t('credit.appeals.createdAt'),
            dataIndex: 'createdAt',
            width: 160,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('credit.appeals.dueOn'),
            key: 'due',
            width: 200,
            render: (_: unknown, appeal) => <DueText appeal={appeal} />,
          },
          {
            title: t('credit.models.status'),
            dataIndex: 'status',
            width: 90,
            render: (value: AppealStatus) => (
              <Tag color={appealStatusColours[value]}>{t(`credit.appealStatuses.${value}`)}</Tag>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
