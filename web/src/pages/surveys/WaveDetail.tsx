import { BellOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Card, Descriptions, Popconfirm, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ResponseRate } from './components/ResponseRate.tsx';
import { formatCount, formatPercent, statusColors } from './survey-format.ts';
import {
  closeWave,
  openWave,
  remindWave,
  useQuestionnaires,
  useSurveysMutation,
  useWave,
  type WaveStratum,
} from './surveys.api.ts';

// 需求调研 › 调查批次 › one wave: what it asks of whom, its window, the response rate per stratum
// (refreshed while it is open); marketing opens, reminds and closes it.
export function WaveDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const { id } = useParams();
  const wave = useWave(id);
  const questionnaires = useQuestionnaires();
  const open = useSurveysMutation(openWave);
  const close = useSurveysMutation(closeWave);
  const remind = useSurveysMutation(remindWave);
  const failure = open.error ?? close.error ?? remind.error;

  if (wave.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (wave.error || !wave.data)
    return (
      <Result
        status="warning"
        title={describeError(wave.error, t) || t('surveys.notFound')}
        extra={<Link to="/surveys/waves">{t('surveys.waves.back')}</Link>}
      />
    );
  const data = wave.data;
  const questionnaire = (questionnaires.data?.items ?? []).find((item) => item.id === data.questionnaireId);
  const target = data.target;

  return (
    <PageContainer
      title={
        <Space wrap>
          <Link to="/surveys/waves">{t('surveys.waves.back')}</Link>
          <span>·</span>
          {data.title}
          <Tag color={statusColors[data.status]}>{t(`surveys.statuses.${data.status}`)}</Tag>
        </Space>
      }
      extra={
        <>
          {data.status === 'draft' ? (
            <Popconfirm
              title={t('surveys.waves.openConfirm')}
              onConfirm={async () => {
                const opened = await open.mutateAsync(data.id).catch(() => null);
                if (opened)
                  message.success(t('surveys.waves.opened', { sent: formatCount(opened.sent, format.locale) }));
              }}
            >
              <ActionButton
                action="POST /api/v1/surveys/waves/:id/open"
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={open.isPending}
              >
                {t('surveys.waves.open')}
              </ActionButton>
            </Popconfirm>
          ) : null}
          {data.status === 'open' ? (
            <>
              <ActionButton
                action="POST /api/v1/surveys/waves/:id/remind"
                icon={<BellOutlined />}
                loading={remind.isPending}
                onClick={async () => {
                  if (
                    await remind.mutateAsync(data.id).then(
                      () => true,
                      () => false,
                    )
                  )
                    message.success(t('surveys.waves.reminded'));
                }}
              >
                {t('surveys.waves.remind')}
              </ActionButton>
              <Popconfirm
                title={t('surveys.waves.closeConfirm')}
                onConfirm={async () => {
                  if (
                    await close.mutateAsync(data.id).then(
                      () => true,
                      () => false,
                    )
                  )
                    message.success(t('surveys.waves.closed'));
                }}
              >
                <ActionButton
                  action="POST /api/v1/surveys/waves/:id/close"
                  danger
                  icon={<StopOutlined />}
                  loading={close.isPending}
                >
                  {t('surveys.waves.close')}
                </ActionButton>
              </Popconfirm>
            </>
          ) : null}
          {data.status === 'draft' ? null : (
            <Link to={`/surveys/results?wave=${data.id}`}>{t('surveys.waves.results')}</Link>
          )}
        </>
      }
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 16 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'questionnaire',
              label: t('surveys.waves.questionnaire'),
              children: data.questionnaireTitle ?? questionnaire?.title ?? '—',
            },
            { key: 'kind', label: t('surveys.questionnaires.kind'), children: t(`surveys.kinds.${data.kind}`) },
            {
              key: 'window',
              label: t('surveys.waves.window'),
              children: format.dateRange(data.opensOn, data.closesOn),
            },
            {
              key: 'target',
              label: t('surveys.waves.target'),
              children:
                target.kind === 'sample'
                  ? t('surveys.waves.targetSummarySample', {
                      margin: formatPercent(target.marginOfError, format.locale),
                      confidence: formatPercent(target.confidence, format.locale),
                    })
                  : t('surveys.waves.targetSummarySegment'),
            },
            ...(data.population !== undefined && data.population !== null
              ? [
                  {
                    key: 'population',
                    label: t('surveys.waves.population'),
                    children: formatCount(data.population, format.locale),
                  },
                ]
              : []),
            { key: 'sent', label: t('surveys.waves.sent'), children: formatCount(data.sent, format.locale) },
            {
              key: 'responses',
              label: t('surveys.waves.responses'),
              children: formatCount(data.responses, format.locale),
            },
            {
              key: 'rate',
              label: t('surveys.waves.responseRate'),
              children: <ResponseRate rate={data.responseRate} />,
            },
            ...(data.lastRemindedAt
              ? [
                  {
                    key: 'reminded',
                    label: t('surveys.waves.remind'),
                    children: t('surveys.waves.lastReminded', { at: format.dateTime(data.lastRemindedAt) }),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('surveys.waves.strata')}>
        <Table<WaveStratum>
          rowKey="key"
          size="small"
          loading={wave.isFetching}
          dataSource={data.strata}
          pagination={data.strata.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Typography.Text type="secondary">{t('surveys.waves.strataEmpty')}</Typography.Text> }}
          columns={[
            { title: t('surveys.waves.stratum'), dataIndex: 'label' },
            {
              title: t('surveys.waves.sent'),
              dataIndex: 'sent',
              width: 100,
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
            {
              title: t('surveys.waves.responses'),
              dataIndex: 'responses',
              width: 100,
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
            {
              title: t('surveys.waves.responseRate'),
              dataIndex: 'responseRate',
              width: 180,
              sorter: (a, b) => (a.responseRate ?? -1) - (b.responseRate ?? -1),
              render: (rate: number | null) => <ResponseRate rate={rate} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
