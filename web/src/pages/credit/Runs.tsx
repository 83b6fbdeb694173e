import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { formatMonth } from '../../shared/credit-format.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type CreditModel,
  type CreditRun,
  type RunStatus,
  startRun,
  useCreditModels,
  useCreditMutation,
  useCreditRuns,
} from './credit.api.ts';

export const runStatusColours: Record<RunStatus, string> = {
  computing: 'processing',
  computed: 'gold',
  published: 'green',
  discarded: 'default',
};

// 信用评价: the monthly runs, newest first; a run is started for a month with an approved model,
// then opened for its summary and published.
export function CreditRunsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const runs = useCreditRuns();
  const models = useCreditModels();
  const modelName = (id: number) => {
    const model = models.data?.items.find((candidate: CreditModel) => candidate.id === id);
    return model ? `${model.name} · ${t('credit.models.versionValue', { version: model.version })}` : '—';
  };
  const [isStarting, setStarting] = useState(false);
  const items = [...(runs.data?.items ?? [])].sort((a, b) => b.month.localeCompare(a.month) || b.id - a.id);

  return (
    <PageContainer
      title={t('credit.runs.title')}
      extra={
        <ActionButton
          action="POST /api/v1/credit/runs"
          type="primary"
          icon={<PlayCircleOutlined />}
          onClick={() => setStarting(true)}
        >
          {t('credit.runs.start')}
        </ActionButton>
      }
    >
      {runs.error ? <Alert type="error" showIcon title={describeError(runs.error, t)} /> : null}
      <Table<CreditRun>
        rowKey="id"
        loading={runs.isPending}
        dataSource={items}
        pagination={items.length > 24 ? { pageSize: 24 } : false}
        locale={{ emptyText: t('credit.runs.empty') }}
        columns={[
          {
            title: t('credit.month'),
            dataIndex: 'month',
            width: 120,
            render: (month: string, run) => (
              <Link to={`/credit/runs/${run.id}`}>{formatMonth(month, format.locale)}</Link>
            ),
          },
          {
            title: t('credit.runs.model'),
            key: 'model',
            render: (_: unknown, run) => modelName(run.modelId),
          },
          {
            title: t('credit.models.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: RunStatus) => (
              <Tag color={runStatusColours[status]}>{t(`credit.runStatuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('credit.runs.computedAt'),
            dataIndex: 'computedAt',
            width: 170,
            render: (value: string | null) => format.dateTime(value),
          },
          {
            title: t('credit.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            width: 130,
            render: (value: string | null) => format.day(value),
          },
        ]}
      />
      <StartRunModal isOpen={isStarting} onClose={() => setStarting(false)} />
    </PageContainer>
  );
}

type StartValues = { modelId?: number; month?: Dayjs | null };

function StartRunModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const models = useCreditModels();
  const start = useCreditMutation(startRun);
  const approved = (models.data?.items ?? []).filter((model) => model.status === 'approved');
  const newest = [...approved].sort((a, b) => b.version - a.version)[0];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const run = await start
      .mutateAsync({ modelId: values.modelId ?? 0, month: values.month?.format('YYYY-MM') ?? '' })
      .catch(() => null);
    if (!run) return;
    message.success(t('credit.runs.started'));
    onClose();
    navigate(`/credit/runs/${run.id}`);
  };

  return (
    <Modal
      open={isOpen}
      title={t('credit.runs.startTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton action="POST /api/v1/credit/runs" type="primary" loading={start.isPending} onClick={submit}>
            {t('credit.runs.start')}
          </ActionButton>
        </Flex>
      }
    >
      {start.error ? (
        <Alert type="error" showIcon title={describeError(start.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StartValues> form={form} layout="vertical" initialValues={{ modelId: newest?.id }} key={newest?.id ?? 0}>
        <Form.Item
          name="modelId"
          label={t('credit.runs.model')}
          rules={[{ required: true, message: t('credit.runs.modelRequired') }]}
        >
          <Select
            loading={models.isPending}
            options={approved.map((model) => ({
              value: model.id,
              label: `${model.name} · ${t('credit.models.versionValue', { version: model.version })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('credit.month')}
          rules={[{ required: true, message: t('credit.runs.monthRequired') }]}
        >
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
