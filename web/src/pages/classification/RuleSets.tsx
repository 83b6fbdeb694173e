import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type Distribution,
  type IndicatorKey,
  indicatorKeys,
  previewRuleSet,
  type RuleSet,
  type RuleSetInput,
  saveRuleSet,
  useClassificationMutation,
  useRuleSets,
} from './classification.api.ts';
import { DistributionView } from './components/DistributionView.tsx';
import { lowerBounds, weightSum, withLowerBounds } from './rule-set-form.ts';

function inputOf(ruleSet: RuleSet): RuleSetInput {
  return {
    name: ruleSet.name,
    note: ruleSet.note,
    weights: indicatorKeys.map((indicator) => ({
      indicator,
      weight: ruleSet.weights.find((entry) => entry.indicator === indicator)?.weight ?? 0,
    })),
    thresholds: ruleSet.thresholds,
    demoTypes: ruleSet.demoTypes,
  };
}

// 分类规则: the marketing centre edits the newest version (weights, thresholds, sub-type rules),
// previews the distribution it gives, and saves it as a new version.
export function RuleSetsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const canManage = useCan()('POST /api/v1/classification/rule-sets');
  const ruleSets = useRuleSets();
  const versions = ruleSets.data?.items ?? [];
  const [draft, setDraft] = useState<RuleSetInput | null>(null);
  const [preview, setPreview] = useState<(Distribution & { changed: number }) | null>(null);
  const previewing = useClassificationMutation(previewRuleSet);
  const saving = useClassificationMutation(saveRuleSet);

  useEffect(() => {
    if (!draft && versions[0]) setDraft(inputOf(versions[0]));
  }, [draft, versions]);

  const edit = (next: RuleSetInput) => {
    setDraft(next);
    setPreview(null);
  };
  const indicatorLabel = (key: IndicatorKey) => t(`classification.indicators.${key}`);
  const indicatorOptions = indicatorKeys.map((key) => ({ value: key, label: indicatorLabel(key) }));

  const runPreview = async () => {
    if (!draft) return;
    try {
      setPreview(await previewing.mutateAsync(draft));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const save = async () => {
    if (!draft) return;
    try {
      const saved = await saving.mutateAsync(draft);
      message.success(t('classification.ruleSets.saved', { version: saved.version }));
      setDraft(inputOf(saved));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const bounds = draft ? lowerBounds(draft) : { demonstration: 80, growth: 40 };
  const sum = draft ? weightSum(draft) : 100;
  return (
    <PageContainer title={t('classification.ruleSets.title')}>
      {ruleSets.error ? <Alert type="error" showIcon title={describeError(ruleSets.error, t)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={draft ? `${t('classification.ruleSets.edit')} · ${draft.name}` : t('classification.ruleSets.edit')}
            loading={!draft}
            extra={
              canManage ? (
                <Flex gap={8}>
                  <ActionButton
                    action="POST /api/v1/classification/rule-sets/preview"
                    icon={<EyeOutlined />}
                    loading={previewing.isPending}
                    onClick={runPreview}
                  >
                    {t('classification.ruleSets.preview')}
                  </ActionButton>
                  <Button
                    data-action="POST /api/v1/classification/rule-sets"
                    type="primary"
                    icon={<SaveOutlined />}
                    loading={saving.isPending}
                    onClick={save}
                  >
                    {t('classification.ruleSets.save')}
                  </Button>
                </Flex>
              ) : null
            }
          >
            {draft ? (
              <Form layout="vertical" disabled={!canManage}>
                <Form.Item label={t('classification.ruleSets.name')}>
                  <Input
                    value={draft.name}
                    maxLength={60}
                    onChange={(event) => edit({ ...draft, name: event.target.value })}
                  />
                </Form.Item>
                <Typography.Title level={5}>
                  {t('classification.ruleSets.weights')}{' '}
                  <Tag color={sum === 100 ? 'green' : 'red'}>{t('classification.ruleSets.weightSum', { sum })}</Tag>
                </Typography.Title>
                <Row gutter={[12, 0]}>
                  {draft.weights.map((entry, index) => (
                    <Col xs={12} md={6} key={entry.indicator}>
                      <Form.Item label={indicatorLabel(entry.indicator)}>
                        <InputNumber
                          aria-label={`weight-${entry.indicator}`}
                          min={0}
                          max={100}
                          value={entry.weight}
                          style={{ width: '100%' }}
                          onChange={(value) =>
                            edit({
                              ...draft,
                              weights: draft.weights.map((weight, at) =>
                                at === index ? { ...weight, weight: Number(value ?? 0) } : weight,
                              ),
                            })
                          }
                        />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
                <Typography.Paragraph type="secondary">{t('classification.ruleSets.neutralNote')}</Typography.Paragraph>
                <Typography.Title level={5}>{t('classification.ruleSets.thresholds')}</Typography.Title>
                <Row gutter={12}>
                  {(['demonstration', 'growth'] as const).map((name) => (
                    <Col xs={12} key={name}>
                      <Form.Item
                        label={t('classification.ruleSets.thresholdFrom', { label: t(`customers.classes.${name}`) })}
                      >
                        <InputNumber
                          aria-label={`threshold-${name}`}
                          min={0}
                          max={100}
                          step={0.5}
                          value={bounds[name]}
                          style={{ width: '100%' }}
                          onChange={(value) => edit(withLowerBounds(draft, { ...bounds, [name]: Number(value ?? 0) }))}
                        />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
                <Typography.Title level={5}>{t('classification.ruleSets.demoTypeRules')}</Typography.Title>
                {draft.demoTypes.map((rule, ruleIndex) => (
                  <Flex key={rule.demoType} gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                    <Tag color="gold" style={{ minWidth: 84 }}>
                      {t(`customers.demoTypes.${rule.demoType}`)}
                    </Tag>
                    {rule.conditions.map((condition, conditionIndex) => {
                      const setCondition = (changes: Partial<typeof condition>) =>
                        edit({
                          ...draft,
                          demoTypes: draft.demoTypes.map((entry, at) =>
                            at === ruleIndex
                              ? {
                                  ...entry,
                                  conditions: entry.conditions.map((item, index) =>
                                    index === conditionIndex ? { ...item, ...changes } : item,
                                  ),
                                }
                              : entry,
                          ),
                        });
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: conditions are edited in place, never added, removed or reordered
                        <Flex key={conditionIndex} gap={4} align="center">
                          <Select
                            value={condition.indicator}
                            options={indicatorOptions}
                            style={{ width: 190 }}
                            onChange={(indicator: IndicatorKey) => setCondition({ indicator })}
                          />
                          <span>{t('classification.ruleSets.min')}</span>
                          <InputNumber
                            min={0}
                            max={100}
                            value={condition.min}
                            style={{ width: 80 }}
                            onChange={(value) => setCondition({ min: Number(value ?? 0) })}
                          />
                        </Flex>
                      );
                    })}
                  </Flex>
                ))}
              </Form>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('classification.ruleSets.previewTitle')}>
              {preview ? (
                <>
                  <Typography.Paragraph strong data-testid="preview-changed">
                    {t('classification.ruleSets.changed', {
                      count: format.number(preview.changed) as unknown as number,
                    })}
                  </Typography.Paragraph>
                  <DistributionView distribution={preview} height={220} />
                </>
              ) : (
                <Typography.Text type="secondary">{t('classification.ruleSets.preview')}</Typography.Text>
              )}
            </Card>
            <Card title={t('classification.ruleSets.versions')}>
              <Table<RuleSet>
                rowKey="id"
                size="small"
                loading={ruleSets.isLoading}
                dataSource={versions}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                onRow={(entry) => ({ onClick: () => edit(inputOf(entry)) })}
                columns={[
                  { title: t('classification.ruleSets.version'), dataIndex: 'version', width: 70 },
                  { title: t('classification.ruleSets.name'), dataIndex: 'name' },
                  {
                    title: t('customers.classes.demonstration'),
                    key: 'demo',
                    render: (_, entry) => `≥ ${lowerBounds(inputOf(entry)).demonstration}`,
                  },
                  {
                    title: t('classification.ruleSets.createdAt'),
                    dataIndex: 'createdAt',
                    render: (value: string) => format.dateTime(value),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </PageContainer>
  );
}
