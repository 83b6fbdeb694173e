import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  createRule,
  deleteRule,
  updateRule,
  useActiveProducts,
  usePricesMutation,
  useWarningRules,
  type WarningRule,
  type WarningRuleInput,
} from './prices.api.ts';
import { classNumeral, formatIndex } from './prices-format.ts';
import { checkRule, type RuleDraft, type RuleIssue } from './rule-form.ts';

type Editing = { rule: WarningRule | null };
type Target = { scope: WarningRule['scope']; priceClass: number | null; productId: number | null };

// 价格监管 › 预警规则: the bands (index points) per product, price class or by default, the
// week-on-week drop and the observations a figure needs. The marketing centre edits them.
export function WarningRulesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const can = useCan();
  const rules = useWarningRules();
  const products = useActiveProducts();
  const [editing, setEditing] = useState<Editing | null>(null);
  const remove = usePricesMutation(deleteRule);

  const items = rules.data?.items ?? [];
  // The built-in default shows while no default rule is set; editing it sets one.
  const rows = rules.data && !items.some((rule) => rule.scope === 'default') ? [...items, rules.data.builtIn] : items;

  const targetOf = (rule: WarningRule) =>
    rule.scope === 'default'
      ? rule.id === null
        ? `${t('prices.rules.scopes.default')} · ${t('prices.rules.builtIn')}`
        : t('prices.rules.scopes.default')
      : rule.scope === 'price_class'
        ? t('prices.priceClass', { class: classNumeral(rule.priceClass, format.locale) })
        : (rule.productName ??
          products.data?.items.find((product) => product.id === rule.productId)?.name ??
          `#${rule.productId}`);

  const band = (floor: number, ceiling: number) =>
    `${formatIndex(floor, format.locale)} – ${formatIndex(ceiling, format.locale)}`;

  return (
    <PageContainer
      title={t('prices.rules.title')}
      extra={
        <ActionButton
          action="POST /api/v1/prices/warning-rules"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ rule: null })}
        >
          {t('prices.rules.add')}
        </ActionButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('prices.rules.help')}</Typography.Paragraph>
      {rules.error ? <Alert type="error" showIcon title={describeError(rules.error, t)} /> : null}
      <Table<WarningRule>
        rowKey={(rule) => rule.id ?? 'built-in'}
        size="middle"
        loading={rules.isFetching}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('prices.rules.scope'), key: 'scope', render: (_, rule) => targetOf(rule) },
          {
            title: t('prices.rules.yellowBand'),
            key: 'yellow',
            render: (_, rule) => band(rule.yellowFloor, rule.yellowCeiling),
          },
          { title: t('prices.rules.redBand'), key: 'red', render: (_, rule) => band(rule.redFloor, rule.redCeiling) },
          {
            title: t('prices.rules.dropPoints'),
            dataIndex: 'dropPoints',
            align: 'right',
            render: (value: number | null) =>
              value === null ? t('prices.rules.noDrop') : formatIndex(value, format.locale),
          },
          { title: t('prices.rules.minObservations'), dataIndex: 'minObservations', align: 'right' },
          {
            title: t('prices.rules.updatedAt'),
            dataIndex: 'updatedAt',
            render: (value: string | null) => format.dateTime(value),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, rule) => (
              <Flex gap={4}>
                <ActionButton
                  action={
                    rule.id === null ? 'POST /api/v1/prices/warning-rules' : 'PATCH /api/v1/prices/warning-rules/:id'
                  }
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ rule })}
                >
                  {t('prices.rules.edit')}
                </ActionButton>
                {rule.id !== null && can('DELETE /api/v1/prices/warning-rules/:id') ? (
                  <Popconfirm
                    title={t('prices.rules.removeConfirm')}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(rule.id as number);
                        message.success(t('prices.rules.removed'));
                      } catch (error) {
                        message.error(describeError(error, t));
                      }
                    }}
                  >
                    <Button
                      data-action="DELETE /api/v1/prices/warning-rules/:id"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                    >
                      {t('prices.rules.remove')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {editing ? (
        <RuleEditor
          rule={editing.rule}
          taken={items.map((rule) => ({ scope: rule.scope, priceClass: rule.priceClass, productId: rule.productId }))}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </PageContainer>
  );
}

const draftOf = (rule: WarningRule | null): RuleDraft => ({
  yellowFloor: rule?.yellowFloor ?? 95,
  yellowCeiling: rule?.yellowCeiling ?? 105,
  redFloor: rule?.redFloor ?? 90,
  redCeiling: rule?.redCeiling ?? 110,
  dropPoints: rule ? rule.dropPoints : 5,
  minObservations: rule?.minObservations ?? 5,
});

export function RuleEditor({
  rule,
  taken,
  onClose,
}: {
  rule: WarningRule | null;
  taken: Target[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const products = useActiveProducts();
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [target, setTarget] = useState<Target>(() =>
    rule
      ? { scope: rule.scope, priceClass: rule.priceClass, productId: rule.productId }
      : { scope: 'price_class', priceClass: null, productId: null },
  );
  const [issues, setIssues] = useState<RuleIssue[]>([]);
  const [targetMissing, setTargetMissing] = useState(false);
  // An existing rule is patched; a new one (or the built-in default, once edited) is created.
  const save = usePricesMutation((input: WarningRuleInput) => {
    if (rule?.id == null) return createRule(input);
    const { scope: _scope, priceClass: _class, productId: _product, ...patch } = input;
    return updateRule({ id: rule.id, patch });
  });
  const change = (patch: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setIssues([]);
  };
  const issueOf = (field: keyof RuleDraft) => issues.find((issue) => issue.field === field);
  const isTaken = (candidate: Target) =>
    taken.some(
      (other) =>
        other.scope === candidate.scope &&
        other.priceClass === candidate.priceClass &&
        other.productId === candidate.productId,
    );

  const submit = async () => {
    const found = checkRule(draft);
    const needsTarget =
      rule === null &&
      ((target.scope === 'price_class' && !target.priceClass) || (target.scope === 'product' && !target.productId));
    setIssues(found);
    setTargetMissing(needsTarget);
    if (found.length > 0 || needsTarget) return;
    try {
      await save.mutateAsync({
        ...target,
        yellowFloor: draft.yellowFloor as number,
        yellowCeiling: draft.yellowCeiling as number,
        redFloor: draft.redFloor as number,
        redCeiling: draft.redCeiling as number,
        dropPoints: draft.dropPoints,
        minObservations: draft.minObservations as number,
      });
      message.success(t('prices.rules.saved'));
      onClose();
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const numberField = (
    field: keyof RuleDraft,
    props: { precision?: number; min?: number; max?: number; placeholder?: string } = {},
  ) => {
    const issue = issueOf(field);
    return (
      <Form.Item
        label={t(`prices.rules.${field}`)}
        validateStatus={issue ? 'error' : undefined}
        help={issue ? t(`prices.rules.errors.${issue.key}`) : undefined}
      >
        <InputNumber<number>
          aria-label={t(`prices.rules.${field}`)}
          style={{ width: '100%' }}
          precision={props.precision ?? 1}
          min={props.min ?? 0}
          max={props.max ?? 300}
          placeholder={props.placeholder}
          value={draft[field]}
          onChange={(value) => change({ [field]: value })}
        />
      </Form.Item>
    );
  };

  return (
    <Modal
      open
      width={640}
      title={rule !== null ? t('prices.rules.editTitle') : t('prices.rules.addTitle')}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        {rule !== null ? null : (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label={t('prices.rules.scope')}>
                <Select
                  aria-label={t('prices.rules.scope')}
                  value={target.scope}
                  onChange={(scope: Target['scope']) => setTarget({ scope, priceClass: null, productId: null })}
                  options={(['price_class', 'product', 'default'] as const).map((scope) => ({
                    value: scope,
                    label: t(`prices.rules.scopes.${scope}`),
                    disabled: scope === 'default' && isTaken({ scope, priceClass: null, productId: null }),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={14}>
              {target.scope === 'price_class' ? (
                <Form.Item
                  label={t('prices.rules.priceClass')}
                  validateStatus={targetMissing ? 'error' : undefined}
                  help={targetMissing ? t('prices.rules.errors.required') : undefined}
                >
                  <Select
                    aria-label={t('prices.rules.priceClass')}
                    value={target.priceClass ?? undefined}
                    onChange={(priceClass: number) => setTarget({ ...target, priceClass })}
                    options={[1, 2, 3, 4, 5].map((value) => ({
                      value,
                      label: t('prices.priceClass', { class: classNumeral(value, format.locale) }),
                      disabled: isTaken({ scope: 'price_class', priceClass: value, productId: null }),
                    }))}
                  />
                </Form.Item>
              ) : null}
              {target.scope === 'product' ? (
                <Form.Item
                  label={t('prices.rules.product')}
                  validateStatus={targetMissing ? 'error' : undefined}
                  help={targetMissing ? t('prices.rules.errors.required') : undefined}
                >
                  <Select
                    showSearch
                    aria-label={t('prices.rules.product')}
                    optionFilterProp="label"
                    value={target.productId ?? undefined}
                    onChange={(productId: number) => setTarget({ ...target, productId })}
                    options={(products.data?.items ?? []).map((product) => ({
                      value: product.id,
                      label: product.name,
                      disabled: isTaken({ scope: 'product', priceClass: null, productId: product.id }),
                    }))}
                  />
                </Form.Item>
              ) : null}
            </Col>
          </Row>
        )}
        <Typography.Text strong>{t('prices.rules.yellowBand')}</Typography.Text>
        <Row gutter={12}>
          <Col span={12}>{numberField('yellowFloor')}</Col>
          <Col span={12}>{numberField('yellowCeiling')}</Col>
        </Row>
        <Typography.Text strong>{t('prices.rules.redBand')}</Typography.Text>
        <Row gutter={12}>
          <Col span={12}>{numberField('redFloor')}</Col>
          <Col span={12}>{numberField('redCeiling')}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>{numberField('dropPoints', { max: 100, placeholder: t('prices.rules.noDrop') })}</Col>
          <Col span={12}>{numberField('minObservations', { precision: 0, min: 1, max: 1000 })}</Col>
        </Row>
      </Form>
    </Modal>
  );
}
