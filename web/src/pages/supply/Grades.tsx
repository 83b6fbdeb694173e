import { CalculatorOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ComputeGradesModal } from './components/ComputeGradesModal.tsx';
import { GradeDistributionChart } from './components/GradeDistributionChart.tsx';
import { type GradeRun, publishGradeRun, useGradeRun, useGradeRuns, useSupplyMutation } from './supply.api.ts';

const day = (value: string) => `${value}T12:00:00+08:00`;

// 档位: each run computes every store's grade 1–30 from 13 weeks of purchases; a published run is
// what allocation uses from its effective date. The chosen run is in the URL (?run=).
export function GradesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const can = useCan();
  const canManage = can('POST /api/v1/supply/grade-runs');
  const canPublish = can('POST /api/v1/supply/grade-runs/:id/publish');
  const runs = useGradeRuns();
  const [params, setParams] = useSearchParams();
  const items = [...(runs.data?.items ?? [])].sort((a, b) => b.id - a.id);
  const runId = Number(params.get('run')) || items[0]?.id;
  const run = useGradeRun(runId);
  const [isComputing, setComputing] = useState(false);
  const publish = useSupplyMutation(publishGradeRun);

  const confirmPublish = (chosen: GradeRun) =>
    modal.confirm({
      title: t('supply.grades.publishTitle', { id: chosen.id }),
      content: t('supply.grades.publishContent', { date: format.date(day(chosen.effectiveOn)) }),
      okText: t('supply.grades.publish'),
      onOk: async () => {
        try {
          await publish.mutateAsync(chosen.id);
          message.success(t('supply.grades.published'));
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });

  const columns: TableColumnsType<GradeRun> = [
    { title: t('supply.grades.run'), dataIndex: 'id', width: 80 },
    {
      title: t('supply.grades.period'),
      key: 'period',
      render: (_, entry) => format.dateRange(entry.periodFrom, entry.periodTo),
    },
    {
      title: t('supply.grades.weights'),
      dataIndex: 'weights',
      render: (weights: GradeRun['weights']) => t('supply.grades.weightsText', weights),
    },
    {
      title: t('supply.grades.effectiveOn'),
      dataIndex: 'effectiveOn',
      render: (value: string) => format.date(day(value)),
    },
    {
      title: t('supply.grades.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: GradeRun['status']) => (
        <Tag color={status === 'published' ? 'green' : 'default'}>{t(`supply.grades.statuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('supply.grades.stores'),
      dataIndex: 'storeCount',
      align: 'right',
      render: (value: number | undefined) => format.number(value),
    },
    {
      title: t('supply.grades.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => format.dateTime(at),
    },
  ];

  const chosen = run.data;
  return (
    <PageContainer
      title={t('supply.grades.title')}
      extra={
        canManage ? (
          <Button
            data-action="POST /api/v1/supply/grade-runs"
            type="primary"
            icon={<CalculatorOutlined />}
            onClick={() => setComputing(true)}
          >
            {t('supply.grades.compute')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Card>
          {runs.error ? (
            <Alert type="error" showIcon title={describeError(runs.error, t)} style={{ marginBottom: 16 }} />
          ) : null}
          <Table<GradeRun>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={runs.isLoading}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('supply.grades.empty') }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: runId ? [runId] : [],
              onChange: (keys) => setParams({ run: String(keys[0]) }, { replace: true }),
            }}
            onRow={(entry) => ({ onClick: () => setParams({ run: String(entry.id) }, { replace: true }) })}
          />
        </Card>
        <Card
          title={chosen ? t('supply.grades.distributionOf', { id: chosen.id }) : t('supply.grades.distribution')}
          extra={
            chosen && canPublish && chosen.status === 'draft' ? (
              <Button
                data-action="POST /api/v1/supply/grade-runs/:id/publish"
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                onClick={() => confirmPublish(chosen)}
              >
                {t('supply.grades.publish')}
              </Button>
            ) : null
          }
        >
          {run.error ? <Alert type="error" showIcon title={describeError(run.error, t)} /> : null}
          {chosen ? (
            <>
              <Typography.Paragraph type="secondary">
                {t('supply.grades.weightsText', chosen.weights)} · {t('supply.grades.effectiveOn')}{' '}
                {format.date(day(chosen.effectiveOn))}
              </Typography.Paragraph>
              <Typography.Paragraph>
                <Tooltip title={t('stores.activeHelp')}>
                  <Typography.Text strong>
                    {t('supply.grades.storesInScope', {
                      count: format.number(chosen.distribution.reduce((sum, entry) => sum + entry.count, 0)),
                    })}
                  </Typography.Text>
                </Tooltip>
              </Typography.Paragraph>
              <GradeDistributionChart distribution={chosen.distribution} />
            </>
          ) : (
            <Empty description={t('supply.grades.pickRun')} />
          )}
        </Card>
      </Flex>
      {canManage ? (
        <ComputeGradesModal
          isOpen={isComputing}
          onClose={() => setComputing(false)}
          onComputed={(computed) => {
            setComputing(false);
            setParams({ run: String(computed.id) }, { replace: true });
          }}
        />
      ) : null}
    </PageContainer>
  );
}
