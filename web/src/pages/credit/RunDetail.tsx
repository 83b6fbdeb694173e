import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Modal,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { formatMonth, formatScore, formatShare } from '../../shared/credit-format.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { LevelChart } from './components/LevelChart.tsx';
import { LevelTable } from './components/LevelTable.tsx';
import { LevelTag } from './components/LevelTag.tsx';
import { RunStoresDrawer } from './components/RunStoresDrawer.tsx';
import {
  type BranchDiff,
  type CreditRun,
  type Mover,
  publishRun,
  type RunStoreQuery,
  useCreditModels,
  useCreditMutation,
  useCreditRun,
} from './credit.api.ts';
import { runStatusColours } from './Runs.tsx';

type Drill = { filter: Omit<RunStoreQuery, 'page' | 'pageSize'>; title: string } | null;

// A run's summary: the distribution against last month, alerts, ups and downs by branch, the
// largest movers, the stores behind each figure; publish with an effective date.
export function CreditRunDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const run = useCreditRun(Number(id));
  if (run.error)
    return (
      <PageContainer title={t('credit.runs.title')}>
        <Alert type="error" showIcon title={describeError(run.error, t)} />
      </PageContainer>
    );
  if (!run.data) return <Skeleton active />;
  return <RunSummaryView run={run.data} />;
}

function RunSummaryView({ run }: { run: CreditRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [drill, setDrill] = useState<Drill>(null);
  const [isPublishing, setPublishing] = useState(false);
  const summary = run.summary ?? null;
  const month = formatMonth(run.month, format.locale);
  const models = useCreditModels();
  const model = models.data?.items.find((candidate) => candidate.id === run.modelId);
  // Last month's distribution: the run this one is compared with.
  const previous = useCreditRun(summary?.comparedWithRunId ?? 0, summary?.comparedWithRunId != null);

  return (
    <PageContainer
      title={
        <Space>
          <Link to="/credit/runs" aria-label={t('credit.runs.back')}>
            <ArrowLeftOutlined />
          </Link>
          {t('credit.runs.detailTitle', { month })}
          <Tag color={runStatusColours[run.status]}>{t(`credit.runStatuses.${run.status}`)}</Tag>
        </Space>
      }
      extra={
        run.status === 'computed' ? (
          <ActionButton
            action="POST /api/v1/credit/runs/:id/publish"
            type="primary"
            onClick={() => setPublishing(true)}
          >
            {t('credit.runs.publish')}
          </ActionButton>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {[
          model
            ? `${t('credit.runs.model')}：${model.name} · ${t('credit.models.versionValue', { version: model.version })}`
            : null,
          run.computedAt ? `${t('credit.runs.computedAt')}：${format.dateTime(run.computedAt)}` : null,
          run.status === 'published'
            ? t('credit.runs.publishedNote', {
                time: format.dateTime(run.publishedAt),
                date: format.day(run.effectiveFrom),
              })
            : null,
        ]
          .filter(Boolean)
          .join('　')}
      </Typography.Paragraph>
      {run.status === 'computing' ? <Alert type="info" showIcon title={t('credit.runs.computing')} /> : null}
      {summary ? (
        <Flex vertical gap={16}>
          {summary.alerts.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('credit.runs.alerts')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {summary.alerts.map((alert) => (
                    <li key={alert.level}>
                      {t('credit.runs.alert', {
                        level: alert.level,
                        before: formatShare(alert.fromShare, format.locale),
                        after: formatShare(alert.toShare, format.locale),
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon title={t('credit.runs.noAlerts')} />
          )}
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('credit.runs.distribution')}>
                <LevelChart
                  levels={summary.levels}
                  compare={previous.data?.summary?.levels}
                  compareLabel={t('credit.runs.previous')}
                  label={t('credit.runs.current')}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('credit.runs.stores')}>
                <LevelTable
                  levels={summary.levels}
                  previous={previous.data?.summary?.levels}
                  onOpen={(level) => setDrill({ filter: { level }, title: t('credit.runs.storesLevel', { level }) })}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('credit.runs.byBranch')}>
                <BranchTable
                  branches={summary.branches}
                  onOpen={(branch, moved) =>
                    setDrill({
                      filter: { branchId: branch.branchId, moved },
                      title: t(moved === 'up' ? 'credit.runs.storesUp' : 'credit.runs.storesDown', {
                        branch: branch.branchName,
                      }),
                    })
                  }
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('credit.runs.movers')}>
                <MoversTable movers={summary.movers} />
              </Card>
            </Col>
          </Row>
        </Flex>
      ) : null}
      <RunStoresDrawer
        runId={drill ? run.id : null}
        filter={drill?.filter ?? null}
        title={drill?.title ?? ''}
        onClose={() => setDrill(null)}
      />
      <PublishModal run={run} isOpen={isPublishing} onClose={() => setPublishing(false)} />
    </PageContainer>
  );
}

function BranchTable({
  branches,
  onOpen,
}: {
  branches: readonly BranchDiff[];
  onOpen: (branch: BranchDiff, moved: 'up' | 'down') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (branch: BranchDiff, moved: 'up' | 'down') => {
    const value = branch[moved];
    return value > 0 ? (
      <Typography.Link onClick={() => onOpen(branch, moved)}>{format.number(value)}</Typography.Link>
    ) : (
      format.number(value)
    );
  };
  return (
    <Table<BranchDiff>
      size="small"
      rowKey="branchId"
      pagination={false}
      dataSource={[...branches]}
      columns={[
        { title: t('credit.branch'), dataIndex: 'branchName' },
        {
          title: t('credit.count'),
          dataIndex: 'total',
          align: 'right',
          render: (value: number) => format.number(value),
        },
        {
          title: (
            <span>
              <ArrowUpOutlined style={{ color: '#389e0d' }} /> {t('credit.runs.up')}
            </span>
          ),
          key: 'up',
          align: 'right',
          render: (_: unknown, branch) => count(branch, 'up'),
        },
        {
          title: (
            <span>
              <ArrowDownOutlined style={{ color: '#cf1322' }} /> {t('credit.runs.down')}
            </span>
          ),
          key: 'down',
          align: 'right',
          render: (_: unknown, branch) => count(branch, 'down'),
        },
      ]}
    />
  );
}

function MoversTable({ movers }: { movers: readonly Mover[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table<Mover>
      size="small"
      rowKey="customerId"
      pagination={movers.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={[...movers]}
      locale={{ emptyText: t('credit.runs.moversEmpty') }}
      columns={[
        {
          title: t('credit.store'),
          dataIndex: 'name',
          render: (name: string, mover) => <Link to={`/customers/${mover.customerId}?tab=credit`}>{name}</Link>,
        },
        { title: t('credit.branch'), dataIndex: 'branchName', render: (value: string | null) => value ?? '—' },
        {
          title: t('credit.runs.from'),
          key: 'from',
          render: (_: unknown, mover) => (
            <Space size={4}>
              <LevelTag level={mover.from} />
              {formatScore(mover.fromScore, format.locale)}
            </Space>
          ),
        },
        {
          title: t('credit.runs.to'),
          key: 'to',
          render: (_: unknown, mover) => (
            <Space size={4}>
              <LevelTag level={mover.to} />
              {formatScore(mover.toScore, format.locale)}
            </Space>
          ),
        },
      ]}
    />
  );
}

function PublishModal({ run, isOpen, onClose }: { run: CreditRun; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const [form] = Form.useForm<{ effectiveFrom: Dayjs | null }>();
  const publish = useCreditMutation(publishRun);
  // The first day of the month after the run's month: when a monthly result usually takes effect.
  const suggested = dayjs(`${run.month}-01`).add(1, 'month');

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const effectiveFrom = values.effectiveFrom?.format('YYYY-MM-DD') ?? '';
    const published = await publish.mutateAsync({ id: run.id, effectiveFrom }).catch(() => null);
    if (!published) return;
    message.success(t('credit.runs.published', { date: format.day(effectiveFrom) }));
    onClose();
  };

  return (
    <Modal
      open={isOpen}
      title={t('credit.runs.publishTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action="POST /api/v1/credit/runs/:id/publish"
            type="primary"
            loading={publish.isPending}
            onClick={submit}
          >
            {t('credit.runs.publish')}
          </ActionButton>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('credit.runs.publishHelp')}</Typography.Paragraph>
      {publish.error ? (
        <Alert type="error" showIcon title={describeError(publish.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: suggested.isValid() ? suggested : null }}>
        <Form.Item
          name="effectiveFrom"
          label={t('credit.effectiveFrom')}
          rules={[{ required: true, message: t('credit.runs.effectiveRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
