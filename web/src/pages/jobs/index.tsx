import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type BackgroundJob, type Cadence, type JobRun, useJobs } from './jobs.api.ts';

// 后台任务: what the server does on its own (the SLA sweep, the classification upkeep, the
// pruning), how often, and how its last runs went — for an administrator checking that the
// clocks tick.
export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  return (
    <PageContainer title={t('jobs.title')}>
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      {jobs.error ? <Typography.Text type="danger">{describeError(jobs.error, t)}</Typography.Text> : null}
      <Flex vertical gap={16}>
        {(jobs.data?.items ?? []).map((job) => (
          <JobCard key={job.name} job={job} />
        ))}
        {jobs.isLoading ? <Card loading /> : null}
      </Flex>
    </PageContainer>
  );
}

function JobCard({ job }: { job: BackgroundJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cadence = useCadenceText();
  const last = job.runs[0];
  const columns: TableColumnsType<JobRun> = [
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: (value: string) => format.dateTimeSeconds(value) },
    {
      title: t('jobs.duration'),
      dataIndex: 'durationMs',
      align: 'right',
      render: (value: number | null) =>
        value === null ? '—' : t('jobs.milliseconds', { value: format.number(value) }),
    },
    {
      title: t('jobs.result'),
      dataIndex: 'ok',
      render: (ok: boolean | null, run) =>
        ok === null ? (
          <Tag color="processing">{t('jobs.running')}</Tag>
        ) : ok ? (
          <Tag color="success">{t('jobs.ok')}</Tag>
        ) : (
          <Tag color="error" title={run.error ?? undefined}>
            {t('jobs.failed')}
          </Tag>
        ),
    },
    {
      title: t('jobs.outcome'),
      dataIndex: 'outcome',
      render: (outcome: Record<string, number> | null, run) =>
        run.error ??
        (outcome
          ? Object.entries(outcome)
              .map(([key, count]) => `${t(`jobs.counts.${key}`, { defaultValue: key })} ${format.number(count)}`)
              .join('，')
          : '—'),
    },
    { title: t('jobs.runner'), dataIndex: 'runner' },
  ];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="baseline" wrap>
          <span>{t(`jobs.names.${job.name}`, { defaultValue: job.name })}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {cadence(job.cadence)}
          </Typography.Text>
        </Flex>
      }
      extra={
        last ? (
          <Typography.Text type="secondary">
            {t('jobs.lastRun', { at: format.dateTime(last.startedAt) })}
          </Typography.Text>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`jobs.descriptions.${job.name}`, { defaultValue: job.description })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={job.runs}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.noRuns')} /> }}
      />
    </Card>
  );
}

function useCadenceText() {
  const { t } = useTranslation();
  return (cadence: Cadence) => {
    switch (cadence.kind) {
      case 'minutes':
        return cadence.every % 60 === 0
          ? t('jobs.cadence.hours', { count: cadence.every / 60 })
          : t('jobs.cadence.minutes', { count: cadence.every });
      case 'daily':
        return t('jobs.cadence.daily', { at: cadence.at });
      case 'monthly':
        return t('jobs.cadence.monthly', { day: cadence.day, at: cadence.at });
    }
  };
}
