import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { IndicatorLabel } from './components/IndicatorLabel.tsx';
import { LevelChart } from './components/LevelChart.tsx';
import { LevelTable } from './components/LevelTable.tsx';
import { LevelTag } from './components/LevelTag.tsx';
import {
  approveModel,
  type Band,
  bandProblems,
  type CapRule,
  type CreditDefinition,
  type CreditLevel,
  type CreditModel,
  capRules,
  creditLevels,
  indicatorUnit,
  type LedgerRule,
  type LevelCap,
  type LevelDistribution,
  previewModel,
  saveModel,
  useCreditModel,
  useCreditMutation,
} from './credit.api.ts';
import { modelStatusColours } from './Models.tsx';

type EditorValues = {
  name: string;
  base: number;
  alertSharePoints: number;
  activityAxis: boolean;
  bands: Band[];
  rules: { rule: string; label: string; points: number }[];
  caps: LevelCap[];
  indicators: { steps: { min: number; points: number }[] }[];
};

const knownSources = [
  'order',
  'violation',
  'ticket',
  'visit',
  'price_observation',
  'cycle',
  'indicator',
  'appeal',
  'other',
] as const;

function valuesOf(model: CreditModel): EditorValues {
  const { definition } = model;
  return {
    name: model.name,
    base: definition.base,
    alertSharePoints: definition.alertSharePoints,
    activityAxis: definition.activityAxis,
    bands: definition.bands.map((band) => ({ ...band })),
    rules: definition.rules.map((rule) => ({ rule: rule.rule, label: rule.label, points: rule.points })),
    caps: definition.caps.map((cap) => ({ ...cap })),
    indicators: definition.indicators.map((indicator) => ({ steps: indicator.steps.map((step) => ({ ...step })) })),
  };
}

// The edited definition: the form's values over the version's, so a rule's parameters (its
// window, its thresholds) the form does not show are kept as they were.
export function definitionOf(original: CreditDefinition, values: EditorValues): CreditDefinition {
  const rules: LedgerRule[] = original.rules.map((rule, index) => ({
    ...rule,
    label: values.rules[index]?.label ?? rule.label,
    points: values.rules[index]?.points ?? rule.points,
  }));
  return {
    ...original,
    base: values.base,
    alertSharePoints: values.alertSharePoints,
    activityAxis: values.activityAxis,
    // The levels are the version's (the form holds the lower bounds only); the lowest has none.
    bands: original.bands.map((band, index) => ({
      level: band.level,
      min: index === original.bands.length - 1 ? null : (values.bands?.[index]?.min ?? band.min),
    })),
    rules,
    caps: values.caps.filter((cap) => cap.rule && cap.capLevel),
    indicators: original.indicators.map((indicator, index) => ({
      ...indicator,
      steps: values.indicators?.[index]?.steps ?? indicator.steps,
    })),
  };
}

// 信用模型 editor: base, bands, the ledger's rules with their points, caps, indicators, the activity
// axis and the alert threshold; a preview of the distribution on current data before saving; approve.
export function CreditModelEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const modelId = Number(id);
  const model = useCreditModel(modelId);
  if (model.error)
    return (
      <PageContainer title={t('credit.models.title')}>
        <Alert type="error" showIcon title={describeError(model.error, t)} />
      </PageContainer>
    );
  if (!model.data) return <Skeleton active />;
  return <ModelEditor model={model.data} />;
}

function ModelEditor({ model }: { model: CreditModel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<EditorValues>();
  const isDraft = model.status === 'draft';
  const isEditable = isDraft && can('PUT /api/v1/credit/models/:id');
  const [preview, setPreview] = useState<{ result: LevelDistribution; asked: string } | null>(null);
  const save = useCreditMutation(saveModel);
  const approve = useCreditMutation(approveModel);
  const runPreview = useCreditMutation(previewModel);
  const watched = Form.useWatch((values: EditorValues) => values, form);
  const bands: Band[] = model.definition.bands.map((band, index) => ({
    level: band.level,
    min: index === model.definition.bands.length - 1 ? null : (watched?.bands?.[index]?.min ?? band.min),
  }));
  const problems = bandProblems(bands);

  useEffect(() => {
    form.setFieldsValue(valuesOf(model));
  }, [form, model]);

  const currentDefinition = () =>
    definitionOf(model.definition, { ...valuesOf(model), ...(form.getFieldsValue(true) as EditorValues) });
  const askedNow = watched ? JSON.stringify(currentDefinition()) : '';
  const isPreviewCurrent = preview !== null && preview.asked === askedNow;

  const doPreview = async () => {
    const definition = currentDefinition();
    const result = await runPreview.mutateAsync(definition).catch(() => null);
    if (result) setPreview({ result, asked: JSON.stringify(definition) });
  };

  const doSave = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await save
      .mutateAsync({ id: model.id, name: values.name, definition: definitionOf(model.definition, values) })
      .catch(() => null);
    if (saved) message.success(t('credit.models.saved'));
    return saved;
  };

  const doApprove = async () => {
    if (isEditable && form.isFieldsTouched() && !(await doSave())) return;
    const approved = await approve.mutateAsync(model.id).catch(() => null);
    if (approved) message.success(t('credit.models.approved'));
  };

  const error = save.error ?? approve.error ?? runPreview.error;
  const capOptions = capRules.map((rule) => ({ value: rule, label: t(`credit.capRules.${rule}`) }));
  const stepUnit = (indicator: string) => {
    const unit = indicatorUnit(indicator);
    return unit === 'percent' ? '%' : unit === 'months' ? t('credit.models.monthsUnit') : t('credit.models.timesUnit');
  };

  return (
    <PageContainer
      title={
        <Space>
          <Link to="/credit/models" aria-label={t('credit.models.back')}>
            <ArrowLeftOutlined />
          </Link>
          {model.name}
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            {t('credit.models.versionValue', { version: model.version })}
          </Typography.Text>
          <Tag color={modelStatusColours[model.status]}>{t(`credit.modelStatuses.${model.status}`)}</Tag>
        </Space>
      }
      extra={
        <>
          <ActionButton
            action="POST /api/v1/credit/models/preview"
            loading={runPreview.isPending}
            disabled={problems.length > 0}
            onClick={() => void doPreview()}
          >
            {t('credit.models.preview')}
          </ActionButton>
          {isEditable ? (
            <ActionButton
              action="PUT /api/v1/credit/models/:id"
              loading={save.isPending}
              disabled={problems.length > 0}
              onClick={() => void doSave()}
            >
              {t('credit.models.save')}
            </ActionButton>
          ) : null}
          {isDraft && can('POST /api/v1/credit/models/:id/approve') ? (
            <Popconfirm title={t('credit.models.approveConfirm')} onConfirm={() => void doApprove()}>
              <Button
                type="primary"
                data-action="POST /api/v1/credit/models/:id/approve"
                loading={approve.isPending}
                disabled={problems.length > 0}
              >
                {t('credit.models.approve')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      {!isDraft ? (
        <Alert type="info" showIcon title={t('credit.models.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 16 }} /> : null}
      <Form<EditorValues> form={form} layout="vertical" disabled={!isEditable} initialValues={valuesOf(model)}>
        <Row gutter={16}>
          <Col xs={24} xl={15}>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="name" label={t('credit.models.name')} rules={[{ required: true, max: 100 }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="base" label={t('credit.models.base')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name="alertSharePoints"
                    label={t('credit.models.alertSharePoints')}
                    tooltip={t('credit.models.alertSharePointsHelp')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="activityAxis"
                label={t('credit.models.activityAxis')}
                valuePropName="checked"
                extra={t('credit.models.activityAxisHelp')}
                style={{ marginBottom: 0 }}
              >
                <Switch />
              </Form.Item>
            </Card>

            <Card size="small" title={t('credit.models.rules')} style={{ marginBottom: 16 }}>
              <Form.List name="rules">
                {(fields) => (
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={fields}
                    columns={[
                      {
                        title: t('credit.models.ruleLabel'),
                        key: 'label',
                        render: (_: unknown, field) => (
                          <Form.Item name={[field.name, 'label']} rules={[{ required: true, max: 60 }]} noStyle>
                            <Input maxLength={60} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('credit.models.ruleCode'),
                        key: 'rule',
                        width: 190,
                        render: (_: unknown, field) => <code>{model.definition.rules[field.name]?.rule}</code>,
                      },
                      {
                        title: t('credit.models.ruleSource'),
                        key: 'source',
                        width: 110,
                        render: (_: unknown, field) => (
                          <SourceKindLabel kind={model.definition.rules[field.name]?.sourceKind} />
                        ),
                      },
                      {
                        title: t('credit.models.rulePoints'),
                        key: 'points',
                        width: 120,
                        render: (_: unknown, field) => (
                          <Form.Item
                            name={[field.name, 'points']}
                            noStyle
                            rules={[
                              {
                                validator: (_rule, value: number | null) =>
                                  typeof value === 'number' && value !== 0
                                    ? Promise.resolve()
                                    : Promise.reject(new Error(t('credit.models.pointsRequired'))),
                              },
                            ]}
                          >
                            <InputNumber
                              min={-100}
                              max={100}
                              step={1}
                              style={{ width: '100%' }}
                              aria-label={t('credit.models.rulePoints')}
                            />
                          </Form.Item>
                        ),
                      },
                    ]}
                  />
                )}
              </Form.List>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('credit.models.rulePointsHelp')}
              </Typography.Text>
            </Card>

            <Card size="small" title={t('credit.models.indicators')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('credit.models.indicatorsHelp')}
              </Typography.Paragraph>
              {model.definition.indicators.map((indicator, index) => (
                <div key={indicator.indicator} style={{ marginBottom: 12 }} data-testid="credit-indicator">
                  <Typography.Text strong>
                    <IndicatorLabel indicator={indicator.indicator} label={indicator.label} />
                  </Typography.Text>
                  <Form.List name={['indicators', index, 'steps']}>
                    {(steps) => (
                      <Flex gap={8} wrap style={{ marginTop: 4 }}>
                        {steps.map((step) => (
                          <Space.Compact key={step.key}>
                            <Form.Item name={[step.name, 'min']} noStyle>
                              <InputNumber
                                prefix="≥"
                                suffix={stepUnit(indicator.indicator)}
                                style={{ width: 130 }}
                                aria-label={t('credit.models.stepMin')}
                              />
                            </Form.Item>
                            <Form.Item name={[step.name, 'points']} noStyle>
                              <InputNumber
                                prefix="+"
                                suffix={t('credit.models.pointsUnit')}
                                min={0}
                                max={100}
                                style={{ width: 110 }}
                                aria-label={t('credit.models.rulePoints')}
                              />
                            </Form.Item>
                          </Space.Compact>
                        ))}
                      </Flex>
                    )}
                  </Form.List>
                </div>
              ))}
            </Card>
          </Col>

          <Col xs={24} xl={9}>
            <Card size="small" title={t('credit.models.bands')} style={{ marginBottom: 16 }}>
              <Form.List name="bands">
                {(fields) =>
                  fields.map((field, index) => (
                    <Flex key={field.key} align="center" gap={12} style={{ marginBottom: 8 }}>
                      <span style={{ width: 48 }}>
                        <LevelTag level={bands[index]?.level as CreditLevel} />
                      </span>
                      {index === fields.length - 1 ? (
                        <Typography.Text type="secondary">{t('credit.models.bandLowest')}</Typography.Text>
                      ) : (
                        <Form.Item name={[field.name, 'min']} noStyle>
                          <InputNumber
                            min={0}
                            max={1000}
                            prefix="≥"
                            aria-label={`${bands[index]?.level} ${t('credit.models.bandMin')}`}
                          />
                        </Form.Item>
                      )}
                    </Flex>
                  ))
                }
              </Form.List>
              {problems.map((problem) => (
                <Alert key={problem} type="error" showIcon title={t(`credit.models.bandErrors.${problem}`)} />
              ))}
            </Card>

            <Card size="small" title={t('credit.models.caps')} style={{ marginBottom: 16 }}>
              <Form.List name="caps">
                {(fields, { add, remove }) => (
                  <>
                    {fields.length === 0 ? (
                      <Typography.Text type="secondary">{t('credit.models.capsEmpty')}</Typography.Text>
                    ) : null}
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} style={{ marginBottom: 8 }}>
                        <Form.Item name={[field.name, 'rule']} noStyle>
                          <Select
                            style={{ width: 150 }}
                            options={capOptions}
                            onChange={(rule: CapRule) =>
                              form.setFieldValue(['caps', field.name, 'label'], t(`credit.capRules.${rule}`))
                            }
                            placeholder={t('credit.models.capRule')}
                            aria-label={t('credit.models.capRule')}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'label']} noStyle rules={[{ required: true, max: 60 }]}>
                          <Input style={{ flex: 1 }} maxLength={60} aria-label={t('credit.models.capLabel')} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'capLevel']} noStyle>
                          <Select
                            style={{ width: 90 }}
                            options={creditLevels.map((level) => ({ value: level, label: level }))}
                            aria-label={t('credit.models.capLevel')}
                          />
                        </Form.Item>
                        {isEditable ? (
                          <Button
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('credit.models.removeCap')}
                          />
                        ) : null}
                      </Flex>
                    ))}
                    {isEditable ? (
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() =>
                          add({
                            rule: 'severe_violation_12m',
                            label: t('credit.capRules.severe_violation_12m'),
                            capLevel: 'B',
                          })
                        }
                        block
                      >
                        {t('credit.models.addCap')}
                      </Button>
                    ) : null}
                  </>
                )}
              </Form.List>
            </Card>

            <Card size="small" title={t('credit.models.previewTitle')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('credit.models.previewHelp')}
              </Typography.Paragraph>
              {preview ? (
                <div data-testid="credit-preview">
                  {!isPreviewCurrent ? (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('credit.models.previewStale')}
                      style={{ marginBottom: 8 }}
                    />
                  ) : null}
                  <Descriptions
                    size="small"
                    column={1}
                    items={[{ key: 'total', label: t('credit.total'), children: preview.result.total }]}
                  />
                  <LevelChart levels={preview.result.levels} height={200} />
                  <LevelTable levels={preview.result.levels} />
                </div>
              ) : null}
            </Card>
          </Col>
        </Row>
      </Form>
    </PageContainer>
  );
}

function SourceKindLabel({ kind }: { kind: string | undefined }) {
  const { t } = useTranslation();
  if (!kind) return <>—</>;
  if ((knownSources as readonly string[]).includes(kind))
    return <>{t(`credit.sourceKinds.${kind as (typeof knownSources)[number]}`)}</>;
  return <code>{kind}</code>;
}
