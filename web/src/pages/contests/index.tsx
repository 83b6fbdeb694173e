import { PlusOutlined } from '@ant-design/icons';
import { Alert, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ContestEditor } from './components/ContestEditor.tsx';
import { ContestStatusTag } from './components/ContestStatusTag.tsx';
import { type Contest, useContests } from './contests.api.ts';

// 终端建设 › 陈列大赛: the contests, newest first, with their period, deadline, entries and
// judges; the organisers (marketing, admin) start a new one here.
export function ContestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [isCreating, setCreating] = useState(false);
  const contests = useContests();

  return (
    <PageContainer
      title={t('contests.title')}
      extra={
        <ActionButton
          action="POST /api/v1/contests"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('contests.list.new')}
        </ActionButton>
      }
    >
      {contests.error ? <Alert type="error" showIcon title={describeError(contests.error, t)} /> : null}
      <Table<Contest>
        rowKey="id"
        size="middle"
        loading={contests.isFetching}
        dataSource={contests.data?.items ?? []}
        locale={{ emptyText: t('contests.list.empty') }}
        scroll={{ x: 1000 }}
        pagination={false}
        columns={[
          {
            title: t('contests.list.columns.title'),
            dataIndex: 'title',
            width: 260,
            render: (title: string, row) => (
              <Space size={4} wrap>
                <Link to={`/contests/${row.id}`}>{title}</Link>
                {row.isJudge ? <Tag color="gold">{t('contests.list.judge')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('contests.list.columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: Contest['status']) => <ContestStatusTag status={status} />,
          },
          {
            title: t('contests.list.columns.period'),
            key: 'period',
            width: 220,
            render: (_, row) => format.dateRange(row.startsOn, row.endsOn),
          },
          {
            title: t('contests.list.columns.deadline'),
            dataIndex: 'entryDeadline',
            width: 120,
            render: (value: string) => format.day(value),
          },
          {
            title: t('contests.list.columns.entries'),
            dataIndex: 'entryCount',
            width: 90,
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('contests.list.columns.judges'),
            key: 'judges',
            width: 240,
            render: (_, row) => row.judges.map((judge) => judge.displayName).join(format.locale === 'en' ? ', ' : '、'),
          },
        ]}
      />
      {isCreating ? (
        <ContestEditor
          onClose={() => setCreating(false)}
          onSaved={(contest) => {
            setCreating(false);
            navigate(`/contests/${contest.id}`);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
