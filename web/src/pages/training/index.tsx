import { PlusOutlined } from '@ant-design/icons';
import { Alert, Calendar, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { SessionEditor } from './components/SessionEditor.tsx';
import { kindColours, type Session, useSessions } from './training.api.ts';

// 信息服务 › 培训管理: the year's sessions as a list or a month calendar — kind, time, place, trainer,
// seats taken and check-ins; the organisers start a new session here.
export function SessionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [isCreating, setCreating] = useState(false);
  const sessions = useSessions(`${year}-01-01`, `${year + 1}-01-01`);
  const items = sessions.data?.items ?? [];
  const years = [year - 1, year, year + 1];

  const onDay = (day: Dayjs) => items.filter((session) => dayjs(session.startsAt).isSame(day, 'day'));

  return (
    <PageContainer
      title={t('training.title')}
      extra={
        <ActionButton
          action="POST /api/v1/trainings"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('training.list.new')}
        </ActionButton>
      }
    >
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('training.list.year')}</Typography.Text>
        <Select
          aria-label={t('training.list.year')}
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: String(value) }))}
          style={{ width: 110 }}
        />
        <Segmented
          aria-label={t('training.list.view')}
          value={view}
          onChange={(value) => setView(value as 'list' | 'calendar')}
          options={[
            { value: 'list', label: t('training.list.asList') },
            { value: 'calendar', label: t('training.list.asCalendar') },
          ]}
        />
      </Flex>
      {sessions.error ? <Alert type="error" showIcon title={describeError(sessions.error, t)} /> : null}
      {view === 'list' ? (
        <Table<Session>
          rowKey="id"
          size="middle"
          loading={sessions.isFetching}
          dataSource={items}
          locale={{ emptyText: t('training.list.empty') }}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('training.list.columns.title'),
              dataIndex: 'title',
              width: 260,
              render: (title: string, row) => (
                <Space size={4} wrap>
                  <Link to={`/trainings/${row.id}`}>{title}</Link>
                  {row.status === 'cancelled' ? <Tag>{t('training.statuses.cancelled')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('training.list.columns.kind'),
              dataIndex: 'kind',
              width: 140,
              render: (kind: Session['kind']) => <Tag color={kindColours[kind]}>{t(`training.kinds.${kind}`)}</Tag>,
            },
            {
              title: t('training.list.columns.time'),
              key: 'time',
              width: 200,
              render: (_, row) => format.dateTimeRange(row.startsAt, row.endsAt),
            },
            { title: t('training.list.columns.place'), dataIndex: 'place', width: 160, ellipsis: true },
            {
              title: t('training.list.columns.trainer'),
              key: 'trainer',
              width: 160,
              render: (_, row) => (
                <Space size={4}>
                  {row.trainer.name}
                  {row.trainer.kind === 'store' ? <Tag color="cyan">{t('training.list.inHouse')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('training.list.columns.seats'),
              key: 'seats',
              width: 140,
              align: 'right',
              render: (_, row) => (
                <Space size={4} direction="vertical" style={{ alignItems: 'flex-end' }}>
                  <span>{`${format.number(row.confirmed)} / ${format.number(row.capacity)}`}</span>
                  {row.waitlisted > 0 ? (
                    <Typography.Text type="secondary">
                      {t('training.list.waitlisted', { count: row.waitlisted })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('training.list.columns.attendance'),
              dataIndex: 'checkedIn',
              width: 90,
              align: 'right',
              render: (value: number) => format.number(value),
            },
            {
              title: t('training.list.columns.organiser'),
              key: 'organiser',
              width: 130,
              render: (_, row) => row.branchName ?? t('training.list.cityWide'),
            },
          ]}
        />
      ) : (
        <Calendar
          data-testid="training-calendar"
          defaultValue={dayjs(`${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`)}
          cellRender={(day, info) => {
            if (info.type !== 'date') return info.originNode;
            return (
              <Flex vertical gap={2}>
                {onDay(day).map((session) => (
                  <Link key={session.id} to={`/trainings/${session.id}`}>
                    <Tag
                      color={session.status === 'cancelled' ? undefined : kindColours[session.kind]}
                      style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                    >
                      {dayjs(session.startsAt).format('HH:mm')} {session.title}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            );
          }}
        />
      )}
      {isCreating ? (
        <SessionEditor
          onClose={() => setCreating(false)}
          onSaved={(session) => {
            setCreating(false);
            navigate(`/trainings/${session.id}`);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
