import { CalculatorOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { SegmentFields } from '../../shared/SegmentFields.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ResponseRate } from './components/ResponseRate.tsx';
import { formatCount, formatPercent, statusColors } from './survey-format.ts';
import {
  type Confidence,
  createWave,
  type QuestionnaireKind,
  type SamplePreview,
  type Segment,
  samplePreview,
  useQuestionnaires,
  useSurveysMutation,
  useWaves,
  type WaveStatus,
  type WaveSummary,
  type WaveTarget,
} from './surveys.api.ts';

type WaveValues = {
  title?: string;
  questionnaireId?: string;
  window?: [Dayjs, Dayjs] | null;
  targetKind: 'segment' | 'sample';
  segment?: Segment;
  marginOfError: number;
  confidence: Confidence;
};

const margins = [0.01, 0.02, 0.03, 0.04, 0.05, 0.08, 0.1];
const confidences: Confidence[] = [0.9, 0.95, 0.99];

// An empty condition (an empty list, a grade not given) does not narrow: it is left out.
export function cleanSegment(segment: Segment | undefined): Segment {
  return Object.fromEntries(
    Object.entries(segment ?? {}).filter(
      ([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0),
    ),
  ) as Segment;
}

// 抽样方案: the population, the sample size and its allocation per stratum, before sending.
export function SamplePlan({ plan }: { plan: SamplePreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div data-testid="sample-plan">
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'population',
            label: t('surveys.waves.population'),
            children: formatCount(plan.population, format.locale),
          },
          {
            key: 'sample',
            label: t('surveys.waves.sampleSize'),
            children: formatCount(plan.sampleSize, format.locale),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.waves.sampleFormula')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={plan.strata.length > 12 ? { pageSize: 12, size: 'small' } : false}
        dataSource={plan.strata}
        columns={[
          { title: t('surveys.waves.stratum'), dataIndex: 'label' },
          {
            title: t('surveys.waves.stratumPopulation'),
            dataIndex: 'population',
            align: 'right',
            width: 100,
            render: (value: number) => formatCount(value, format.locale),
          },
          {
            title: t('surveys.waves.stratumSample'),
            dataIndex: 'sample',
            align: 'right',
            width: 100,
            render: (value: number) => formatCount(value, format.locale),
          },
        ]}
      />
    </div>
  );
}

function CreateWaveDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormat();
  const [form] = Form.useForm<WaveValues>();
  const questionnaires = useQuestionnaires();
  const targetKind = Form.useWatch('targetKind', form);
  // Re-rendered as the sample's inputs change, so a plan computed for other inputs is not shown.
  Form.useWatch(
    (values: WaveValues) => JSON.stringify([values.segment, values.marginOfError, values.confidence]),
    form,
  );
  const [plan, setPlan] = useState<{ plan: SamplePreview; asked: string } | null>(null);
  const preview = useSurveysMutation(samplePreview);
  const create = useSurveysMutation(createWave);

  const sampleInput = () => {
    const values = form.getFieldsValue(true) as WaveValues;
    return {
      segment: cleanSegment(values.segment),
      marginOfError: values.marginOfError,
      confidence: values.confidence,
    };
  };
  const planIsCurrent = plan !== null && plan.asked === JSON.stringify(sampleInput());

  const runPreview = async () => {
    const input = sampleInput();
    const answer = await preview.mutateAsync(input).catch(() => null);
    if (answer) setPlan({ plan: answer, asked: JSON.stringify(input) });
  };

  const submit = async () => {
    const values = await form.validateFields();
    const segment = cleanSegment(values.segment);
    const target: WaveTarget =
      values.targetKind === 'sample'
        ? { kind: 'sample', segment, marginOfError: values.marginOfError, confidence: values.confidence }
        : { kind: 'segment', segment };
    const [opensOn, closesOn] = values.window ?? [];
    const created = await create
      .mutateAsync({
        title: values.title ?? '',
        questionnaireId: values.questionnaireId ?? '',
        opensOn: opensOn?.format('YYYY-MM-DD') ?? '',
        closesOn: closesOn?.format('YYYY-MM-DD') ?? '',
        target,
      })
      .catch(() => null);
    if (!created) return;
    message.success(t('surveys.waves.created'));
    onClose();
    navigate(`/surveys/waves/${created.id}`);
  };

  const kindOf = (kind: QuestionnaireKind) => t(`surveys.kinds.${kind}`);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={760}
      title={t('surveys.waves.createTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action="POST /api/v1/surveys/waves"
            type="primary"
            loading={create.isPending}
            disabled={targetKind === 'sample' && !planIsCurrent}
            onClick={submit}
          >
            {t('common.create')}
          </ActionButton>
        </Flex>
      }
    >
      {create.error ? (
        <Alert type="error" showIcon title={describeError(create.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<WaveValues>
        form={form}
        layout="vertical"
        initialValues={{ targetKind: 'sample', marginOfError: 0.03, confidence: 0.95, segment: {} }}
      >
        <Form.Item
          name="questionnaireId"
          label={t('surveys.waves.questionnaire')}
          rules={[{ required: true, message: t('surveys.waves.questionnaireRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={questionnaires.isPending}
            options={(questionnaires.data?.items ?? []).map((questionnaire) => ({
              value: questionnaire.id,
              label: `${questionnaire.title} · ${kindOf(questionnaire.kind)} · ${t('surveys.questionnaires.versionValue', { version: questionnaire.version })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('surveys.waves.name')}
          rules={[{ required: true, whitespace: true, message: t('surveys.waves.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('surveys.waves.window')}
          rules={[{ required: true, message: t('surveys.waves.windowRequired') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('surveys.waves.target')}
        </Divider>
        <Form.Item name="targetKind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'sample', label: t('surveys.waves.targetSample') },
              { value: 'segment', label: t('surveys.waves.targetSegment') },
            ]}
          />
        </Form.Item>
        <SegmentFields />
        {targetKind === 'sample' ? (
          <>
            <Flex gap={12} wrap align="flex-end">
              <Form.Item name="marginOfError" label={t('surveys.waves.marginOfError')}>
                <Select
                  style={{ width: 120 }}
                  options={margins.map((value) => ({ value, label: `±${formatPercent(value, format.locale)}` }))}
                />
              </Form.Item>
              <Form.Item name="confidence" label={t('surveys.waves.confidence')}>
                <Select
                  style={{ width: 120 }}
                  options={confidences.map((value) => ({ value, label: formatPercent(value, format.locale) }))}
                />
              </Form.Item>
              <Form.Item>
                <ActionButton
                  action="POST /api/v1/surveys/waves/sample-preview"
                  icon={<CalculatorOutlined />}
                  loading={preview.isPending}
                  onClick={runPreview}
                >
                  {t('surveys.waves.preview')}
                </ActionButton>
              </Form.Item>
            </Flex>
            {preview.error ? (
              <Alert type="error" showIcon title={describeError(preview.error, t)} style={{ marginBottom: 12 }} />
            ) : null}
            {plan && planIsCurrent ? (
              <SamplePlan plan={plan.plan} />
            ) : (
              <Alert type="info" showIcon title={t('surveys.waves.previewNeeded')} />
            )}
          </>
        ) : null}
      </Form>
    </Drawer>
  );
}

// 需求调研 › 调查批次: the waves with their status and response rate; marketing creates one.
export function WavesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const waves = useWaves();
  const [isCreating, setCreating] = useState(false);

  return (
    <PageContainer
      title={t('surveys.waves.title')}
      extra={
        <ActionButton
          action="POST /api/v1/surveys/waves"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('surveys.waves.create')}
        </ActionButton>
      }
    >
      {waves.error ? (
        <Alert type="error" showIcon title={describeError(waves.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<WaveSummary>
        rowKey="id"
        loading={waves.isFetching}
        dataSource={waves.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('surveys.waves.empty') }}
        columns={[
          {
            title: t('surveys.waves.name'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/surveys/waves/${row.id}`}>{title}</Link>,
          },
          {
            title: t('surveys.questionnaires.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (kind: QuestionnaireKind) => t(`surveys.kinds.${kind}`),
          },
          {
            title: t('surveys.waves.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: WaveStatus) => <Tag color={statusColors[status]}>{t(`surveys.statuses.${status}`)}</Tag>,
          },
          {
            title: t('surveys.waves.window'),
            key: 'window',
            width: 230,
            render: (_: unknown, row) => format.dateRange(row.opensOn, row.closesOn),
          },
          {
            title: t('surveys.waves.sent'),
            dataIndex: 'sent',
            width: 90,
            align: 'right',
            render: (value: number) => formatCount(value, format.locale),
          },
          {
            title: t('surveys.waves.responses'),
            dataIndex: 'responses',
            width: 90,
            align: 'right',
            render: (value: number) => formatCount(value, format.locale),
          },
          {
            title: t('surveys.waves.responseRate'),
            dataIndex: 'responseRate',
            width: 160,
            render: (rate: number | null) => <ResponseRate rate={rate} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, row) =>
              row.status === 'draft' ? null : (
                <Link to={`/surveys/results?wave=${row.id}`}>{t('surveys.waves.results')}</Link>
              ),
          },
        ]}
      />
      <CreateWaveDrawer open={isCreating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
