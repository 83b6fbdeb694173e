import { CalculatorOutlined, CheckOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  approveRun,
  type CustomerClass,
  type Proposal,
  type Run,
  type RunDetail,
  useClassificationMutation,
  useProposals,
  useRun,
  useRuns,
} from './classification.api.ts';
import { ClassLabel } from './components/ClassLabel.tsx';
import { ComputeRunModal } from './components/ComputeRunModal.tsx';
import { comparisonOf, DiffMatrix, diffLabels } from './components/DiffMatrix.tsx';
import { DistributionView } from './components/DistributionView.tsx';
import { OverrideModal } from './components/OverrideModal.tsx';
import { WhyTable } from './components/WhyTable.tsx';

const day = (value: string) => `${value}T12:00:00+08:00`;
const statusColors = { proposed: 'blue', partly_applied: 'orange', applied: 'green' } as const;
type BranchDiff = RunDetail['diff'][number];

// 分类测算: run a rule set, review the diff per branch and each store's proposal and why, adjust
// with a reason, approve (all or per branch). The chosen run is in the URL (?run=).
export function RunsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const can = useCan();
  const canCompute = can('POST /api/v1/classification/runs');
  const canApprove = can('POST /api/v1/classification/runs/:id/approve');
  const canReview = can('PUT /api/v1/classification/runs/:id/proposals/:customerId/override');
  const runs = useRuns();
  const [params, setParams] = useSearchParams();
  const items = runs.data?.items ?? [];
  const runId = Number(params.get('run')) || items[0]?.id;
  const run = useRun(runId);
  const [isComputing, setComputing] = useState(false);
  const [branchId, setBranchId] = useState<number | undefined>();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [move, setMove] = useState<{ from: CustomerClass | 'none'; to: CustomerClass } | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const proposals = useProposals(runId, {
    branchId,
    changed: onlyChanged,
    from: move?.from,
    to: move?.to,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const [overriding, setOverriding] = useState<Proposal | null>(null);
  const approve = useClassificationMutation(approveRun);
  const detail = run.data;
  const canChange = detail?.isLatest === true && detail.status !== 'applied';

  const confirmApprove = (chosen: RunDetail, branch?: BranchDiff) =>
    modal.confirm({
      title: t('classification.runs.approveTitle', { id: chosen.id }) + (branch ? ` · ${branch.branchName}` : ''),
      content: t('classification.runs.approveContent', { date: format.date(day(chosen.effectiveOn)) }),
      okText: branch ? t('classification.runs.approveBranch') : t('classification.runs.approveAll'),
      onOk: async () => {
        try {
          const result = await approve.mutateAsync({
            runId: chosen.id,
            branchIds: branch ? [branch.branchId] : undefined,
          });
          message.success(
            result.pending
              ? t('classification.runs.approvedPending', {
                  count: result.changed,
                  date: format.date(day(chosen.effectiveOn)),
                })
              : t('classification.runs.approved', { count: result.changed }),
          );
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });

  const runColumns: TableColumnsType<Run> = [
    { title: t('classification.runs.run'), dataIndex: 'id', width: 70 },
    { title: t('classification.runs.ruleSet'), dataIndex: 'ruleSetId', width: 90 },
    {
      title: t('classification.runs.effectiveOn'),
      dataIndex: 'effectiveOn',
      render: (value: string) => format.date(day(value)),
    },
    {
      title: t('classification.runs.status'),
      dataIndex: 'status',
      render: (status: Run['status']) => (
        <Tag color={statusColors[status]}>{t(`classification.runs.statuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('classification.runs.stores'),
      dataIndex: 'storeCount',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('classification.runs.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => format.dateTime(value),
    },
  ];

  const moveLabel = (from: string | null, to: string) =>
    `${from ? t(`customers.classes.${from}` as 'customers.classes.growth') : t('customers.classes.none')} → ${t(
      `customers.classes.${to}` as 'customers.classes.growth',
    )}`;
  const comparison = detail ? comparisonOf(detail.diff) : 'current';
  const labels = diffLabels(comparison, t);
  const diffColumns: TableColumnsType<BranchDiff> = [
    { title: t('classification.runs.branch'), dataIndex: 'branchName', width: 140 },
    {
      title: t('classification.runs.changedStores'),
      dataIndex: 'changed',
      align: 'right',
      width: 100,
      render: (value: number) => format.number(value),
    },
    {
      title: `${labels.from} → ${labels.to}`,
      key: 'moves',
      render: (_, branch) => (
        <Flex gap={4} wrap>
          {branch.moves
            .filter((entry) => entry.from !== entry.to)
            .map((entry) => (
              <Tag key={`${entry.from}-${entry.to}`}>
                {moveLabel(entry.from, entry.to)}：{format.number(entry.count)}
              </Tag>
            ))}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'approve',
      width: 140,
      render: (_, branch) =>
        branch.applied ? (
          <Tag color="green">{t('classification.runs.applied')}</Tag>
        ) : canApprove && canChange && detail ? (
          <Button
            data-action="POST /api/v1/classification/runs/:id/approve"
            size="small"
            onClick={() => confirmApprove(detail, branch)}
          >
            {t('classification.runs.approveBranch')}
          </Button>
        ) : null,
    },
  ];

  const proposalColumns: TableColumnsType<Proposal> = [
    { title: t('customers.fields.licenceNo'), dataIndex: 'licenceNo', width: 130 },
    { title: t('classification.runs.store'), dataIndex: 'name' },
    { title: t('classification.runs.branch'), dataIndex: 'branchName', width: 120 },
    {
      title: labels.from,
      key: 'current',
      render: (_, entry) => <ClassLabel value={entry.currentClass} demoType={entry.currentDemoType} />,
    },
    {
      title: labels.to,
      key: 'proposed',
      render: (_, entry) =>
        entry.override ? (
          <Space size={4} wrap>
            <Typography.Text delete type="secondary">
              {t(`customers.classes.${entry.proposedClass}`)}
            </Typography.Text>
            <ClassLabel value={entry.override.class} demoType={entry.override.demoType} />
            <Typography.Text type="secondary">{entry.override.reason}</Typography.Text>
          </Space>
        ) : (
          <ClassLabel value={entry.proposedClass} demoType={entry.proposedDemoType} />
        ),
    },
    {
      title: t('classification.runs.score'),
      key: 'score',
      align: 'right',
      width: 80,
      render: (_, entry) => format.number(entry.why.score, { maximumFractionDigits: 1 }),
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, entry) =>
        canReview && canChange && entry.currentClass !== 'special' ? (
          <Button
            data-action="PUT /api/v1/classification/runs/:id/proposals/:customerId/override"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setOverriding(entry)}
          >
            {t('classification.runs.override')}
          </Button>
        ) : null,
    },
  ];

  return (
    <PageContainer
      title={t('classification.runs.title')}
      extra={
        canCompute ? (
          <Button
            data-action="POST /api/v1/classification/runs"
            type="primary"
            icon={<CalculatorOutlined />}
            onClick={() => setComputing(true)}
          >
            {t('classification.runs.compute')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Card>
          {runs.error ? <Alert type="error" showIcon title={describeError(runs.error, t)} /> : null}
          <Table<Run>
            rowKey="id"
            size="small"
            columns={runColumns}
            dataSource={items}
            loading={runs.isLoading}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            locale={{ emptyText: t('classification.runs.empty') }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: runId ? [runId] : [],
              onChange: (keys) => setParams({ run: String(keys[0]) }, { replace: true }),
            }}
            onRow={(entry) => ({ onClick: () => setParams({ run: String(entry.id) }, { replace: true }) })}
          />
        </Card>
        {detail ? (
          <>
            <Card
              title={`${t('classification.runs.run')} ${detail.id} · ${labels.diff}`}
              extra={
                canApprove && canChange ? (
                  <Button
                    data-action="POST /api/v1/classification/runs/:id/approve"
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => confirmApprove(detail)}
                  >
                    {t('classification.runs.approveAll')}
                  </Button>
                ) : null
              }
            >
              {!detail.isLatest ? <Alert type="warning" showIcon title={t('classification.runs.notLatest')} /> : null}
              {comparison !== 'current' ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('classification.runs.inEffect.note', { date: format.date(day(detail.effectiveOn)) })}
                  description={comparison === 'mixed' ? t('classification.runs.inEffect.partlyNote') : undefined}
                />
              ) : null}
              <DistributionView distribution={detail.distribution} height={220} />
              <div style={{ marginTop: 16 }}>
                <DiffMatrix
                  diff={detail.diff}
                  onPick={(pick) => {
                    setBranchId(pick.branchId);
                    setMove({ from: pick.from, to: pick.to });
                    setPage(1);
                  }}
                />
              </div>
              <Table<BranchDiff>
                style={{ marginTop: 16 }}
                rowKey="branchId"
                size="small"
                columns={diffColumns}
                dataSource={detail.diff}
                pagination={false}
              />
            </Card>
            <Card
              title={t('classification.runs.proposals')}
              extra={
                <Flex gap={12} align="center">
                  {move ? (
                    <Tag closable onClose={() => setMove(undefined)}>
                      {moveLabel(move.from === 'none' ? null : move.from, move.to)}
                    </Tag>
                  ) : null}
                  <Select
                    allowClear
                    placeholder={t('classification.runs.branch')}
                    style={{ width: 160 }}
                    value={branchId}
                    onChange={(value: number | undefined) => {
                      setBranchId(value);
                      setPage(1);
                    }}
                    options={detail.diff.map((branch) => ({ value: branch.branchId, label: branch.branchName }))}
                  />
                  <Checkbox
                    checked={onlyChanged}
                    onChange={(event) => {
                      setOnlyChanged(event.target.checked);
                      setPage(1);
                    }}
                  >
                    {t('classification.runs.onlyChanged')}
                  </Checkbox>
                </Flex>
              }
            >
              <Table<Proposal>
                rowKey="customerId"
                size="small"
                columns={proposalColumns}
                dataSource={proposals.data?.items ?? []}
                loading={proposals.isFetching}
                expandable={{ expandedRowRender: (entry) => <WhyTable why={entry.why} /> }}
                pagination={{
                  current: page,
                  pageSize,
                  total: proposals.data?.total ?? 0,
                  showSizeChanger: false,
                  onChange: setPage,
                }}
              />
            </Card>
          </>
        ) : (
          <Card>
            <Empty description={t('classification.runs.pickRun')} />
          </Card>
        )}
      </Flex>
      {canCompute ? (
        <ComputeRunModal
          isOpen={isComputing}
          onClose={() => setComputing(false)}
          onComputed={(computed) => {
            setComputing(false);
            setParams({ run: String(computed.id) }, { replace: true });
          }}
        />
      ) : null}
      {runId ? <OverrideModal runId={runId} proposal={overriding} onClose={() => setOverriding(null)} /> : null}
    </PageContainer>
  );
}
