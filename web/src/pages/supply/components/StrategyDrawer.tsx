import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerFormats, demoTypes, urbanRuralKinds } from '../../../shared/customer-codes.ts';
import { useCustomerReference } from '../../../shared/customer-reference.ts';
import {
  type BaseKind,
  checkGradeTable,
  draftOf,
  maxGrade,
  maxMultiplier,
  minGrade,
  type RegionKind,
  type StrategyDraft,
  type StrategyIssue,
  type StrategyLink,
  toStrategy,
  uncoveredGrades,
  withRegionPreset,
} from '../strategy-form.ts';
import { type AllocationStrategy, type CycleProduct, creditLevels, customerClasses } from '../supply.api.ts';

const baseKinds: BaseKind[] = ['grade_table', 'proportional', 'unlimited'];

const regionKinds: RegionKind[] = ['district', 'branch'];

type Props = {
  product: CycleProduct | null;
  isReadOnly: boolean;
  isSaving: boolean;
  onSave: (supply: number | null, strategy: AllocationStrategy) => void;
  onClose: () => void;
  // Opened from a link (a price warning's 限点限量): its regions are preset with its factor, unsaved.
  link?: StrategyLink | null;
};

// The strategy of one product in a cycle. Opened per product; the parent keys it by product so
// each opening starts from the saved strategy (with a link's regions preset, when it came with one).
export function StrategyDrawer({ product, isReadOnly, isSaving, onSave, onClose, link = null }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={product !== null}
      size={760}
      title={product ? t('supply.strategy.title', { name: product.name }) : null}
      onClose={onClose}
      destroyOnHidden
    >
      {product ? (
        <StrategyEditor
          key={product.productId}
          product={product}
          isReadOnly={isReadOnly}
          isSaving={isSaving}
          onSave={onSave}
          onClose={onClose}
          link={link?.productId === product.productId ? link : null}
        />
      ) : null}
    </Drawer>
  );
}

function StrategyEditor({
  product,
  isReadOnly,
  isSaving,
  onSave,
  onClose,
  link = null,
}: Props & { product: CycleProduct }) {
  const { t } = useTranslation();
  const reference = useCustomerReference();
  // A link presets its regions only for someone who may save them; the others see the strategy in force.
  const [draft, setDraft] = useState<StrategyDraft>(() => {
    const saved = draftOf(product.supply, product.strategy);
    return link && !isReadOnly ? withRegionPreset(saved, link) : saved;
  });
  // Opened from a link, the 区域系数 rows it preset are what to check: scrolled into view (their end).
  const regionSection = useRef<HTMLDivElement>(null);
  const cameFromLink = link !== null;
  useEffect(() => {
    if (cameFromLink) regionSection.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cameFromLink]);
  const regionOptions = (kind: RegionKind) =>
    kind === 'district'
      ? (reference.data?.districts ?? []).map((district) => ({ value: district.code, label: district.name }))
      : (reference.data?.branches ?? []).map((branch) => ({ value: String(branch.id), label: branch.name }));
  const regionName = (kind: RegionKind, key: string) =>
    regionOptions(kind).find((option) => option.value === key)?.label ?? key;
  const setRegionRow = (index: number, patch: Partial<StrategyDraft['regionRows'][number]>) =>
    change({ regionRows: draft.regionRows.map((row, at) => (at === index ? { ...row, ...patch } : row)) });
  const [issues, setIssues] = useState<StrategyIssue[]>([]);
  const change = (patch: Partial<StrategyDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setIssues([]);
  };
  const issueText = (issue: StrategyIssue) => t(`supply.strategy.errors.${issue.key}`, issue.values);
  const issuesOf = (prefix: string) =>
    issues.filter((issue) => issue.field === prefix || issue.field.startsWith(`${prefix}.`));
  const statusOf = (prefix: string) => (issuesOf(prefix).length > 0 ? 'error' : undefined);

  const tableIsValid = draft.baseKind === 'grade_table' && checkGradeTable(draft.gradeTable).length === 0;
  const gaps = tableIsValid
    ? uncoveredGrades(
        draft.gradeTable.map((row) => ({ fromGrade: row.fromGrade ?? 0, toGrade: row.toGrade ?? 0, qty: 0 })),
      )
    : [];

  const save = () => {
    const result = toStrategy(draft);
    if (!result.isValid) {
      setIssues(result.issues);
      return;
    }
    onSave(result.supply, result.strategy);
  };

  const setRow = (index: number, patch: Partial<StrategyDraft['gradeTable'][number]>) =>
    change({ gradeTable: draft.gradeTable.map((row, at) => (at === index ? { ...row, ...patch } : row)) });

  const addRow = () => {
    const last = draft.gradeTable.at(-1);
    const from = last?.toGrade ? Math.min(maxGrade, last.toGrade + 1) : minGrade;
    change({ gradeTable: [...draft.gradeTable, { fromGrade: from, toGrade: maxGrade, qty: null }] });
  };

  return (
    <Form layout="vertical" disabled={isReadOnly}>
      {link ? <LinkBanner link={link} isReadOnly={isReadOnly} regionName={regionName} /> : null}
      {isReadOnly ? (
        <Alert type="info" showIcon title={t('supply.detail.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t('supply.strategy.supply')}
        extra={t('supply.strategy.supplyHelp')}
        validateStatus={statusOf('supply')}
        help={issuesOf('supply').map(issueText).join('；') || undefined}
      >
        <Flex gap={16} align="center">
          <InputNumber<number>
            aria-label={t('supply.strategy.supply')}
            min={0}
            precision={0}
            value={draft.supply}
            disabled={isReadOnly || draft.supply === null}
            onChange={(value) => change({ supply: value })}
            style={{ width: 180 }}
          />
          <Checkbox
            checked={draft.supply === null}
            onChange={(event) => change({ supply: event.target.checked ? null : 0 })}
          >
            {t('supply.strategy.supplyUnlimited')}
          </Checkbox>
        </Flex>
      </Form.Item>

      <Form.Item label={t('supply.strategy.base')} extra={t(`supply.strategy.baseHelp.${draft.baseKind}`)}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={draft.baseKind}
          onChange={(event) => change({ baseKind: event.target.value as BaseKind })}
          options={baseKinds.map((kind) => ({ value: kind, label: t(`supply.strategy.baseKinds.${kind}`) }))}
        />
      </Form.Item>

      {draft.baseKind === 'grade_table' ? (
        <Form.Item label={t('supply.strategy.gradeTable')} validateStatus={statusOf('gradeTable')}>
          <Flex vertical gap={8}>
            <Row gutter={8}>
              <Col span={6}>
                <Typography.Text type="secondary">{t('supply.strategy.fromGrade')}</Typography.Text>
              </Col>
              <Col span={6}>
                <Typography.Text type="secondary">{t('supply.strategy.toGrade')}</Typography.Text>
              </Col>
              <Col span={6}>
                <Typography.Text type="secondary">{t('supply.strategy.qty')}</Typography.Text>
              </Col>
            </Row>
            {draft.gradeTable.map((row, index) => {
              const status = statusOf(`gradeTable.${index}`);
              return (
                // Rows have no identity of their own; their position is what the messages name.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
                <Row gutter={8} key={index} align="middle">
                  <Col span={6}>
                    <InputNumber<number>
                      aria-label={`${t('supply.strategy.fromGrade')} ${index + 1}`}
                      status={status}
                      min={minGrade}
                      max={maxGrade}
                      precision={0}
                      value={row.fromGrade}
                      onChange={(value) => setRow(index, { fromGrade: value })}
                      style={{ width: '100%' }}
                    />
                  </Col>
                  <Col span={6}>
                    <InputNumber<number>
                      aria-label={`${t('supply.strategy.toGrade')} ${index + 1}`}
                      status={status}
                      min={minGrade}
                      max={maxGrade}
                      precision={0}
                      value={row.toGrade}
                      onChange={(value) => setRow(index, { toGrade: value })}
                      style={{ width: '100%' }}
                    />
                  </Col>
                  <Col span={6}>
                    <InputNumber<number>
                      aria-label={`${t('supply.strategy.qty')} ${index + 1}`}
                      status={status}
                      min={0}
                      precision={0}
                      value={row.qty}
                      onChange={(value) => setRow(index, { qty: value })}
                      style={{ width: '100%' }}
                    />
                  </Col>
                  <Col span={6}>
                    {isReadOnly ? null : (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('supply.strategy.removeRow')} ${index + 1}`}
                        onClick={() => change({ gradeTable: draft.gradeTable.filter((_, at) => at !== index) })}
                      />
                    )}
                  </Col>
                </Row>
              );
            })}
            {isReadOnly ? null : (
              <Button icon={<PlusOutlined />} onClick={addRow} style={{ alignSelf: 'flex-start' }}>
                {t('supply.strategy.addRow')}
              </Button>
            )}
            {issuesOf('gradeTable').map((issue) => (
              <Typography.Text key={`${issue.field}-${issue.key}`} type="danger">
                {issueText(issue)}
              </Typography.Text>
            ))}
            {gaps.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('supply.strategy.uncovered', {
                  ranges: gaps
                    .map((gap) => (gap.fromGrade === gap.toGrade ? gap.fromGrade : `${gap.fromGrade}–${gap.toGrade}`))
                    .join('、'),
                })}
              />
            ) : null}
          </Flex>
        </Form.Item>
      ) : null}

      <Divider titlePlacement="start" plain>
        {t('supply.strategy.regionMultipliers')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('supply.strategy.regionHelp')}</Typography.Paragraph>
      <Form.Item validateStatus={statusOf('regionRows')}>
        <Flex vertical gap={8}>
          {draft.regionRows.length === 0 ? (
            <Typography.Text type="secondary">{t('supply.strategy.noRegions')}</Typography.Text>
          ) : null}
          {draft.regionRows.map((row, index) => {
            const status = statusOf(`regionRows.${index}`);
            const line = index + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
              <Row gutter={8} key={index} align="middle" data-region-row={`${row.kind}:${row.key ?? ''}`}>
                <Col span={5}>
                  <Select<RegionKind>
                    aria-label={`${t('supply.strategy.regionKind')} ${line}`}
                    value={row.kind}
                    onChange={(kind) => setRegionRow(index, { kind, key: null })}
                    options={regionKinds.map((kind) => ({
                      value: kind,
                      label: t(`supply.strategy.regionKinds.${kind}`),
                    }))}
                    style={{ width: '100%' }}
                  />
                </Col>
                <Col span={10}>
                  <Select<string>
                    aria-label={`${t('supply.strategy.region')} ${line}`}
                    status={status}
                    showSearch
                    optionFilterProp="label"
                    value={row.key ?? undefined}
                    onChange={(key) => setRegionRow(index, { key })}
                    options={
                      row.key !== null && !regionOptions(row.kind).some((option) => option.value === row.key)
                        ? [...regionOptions(row.kind), { value: row.key, label: row.key }]
                        : regionOptions(row.kind)
                    }
                    style={{ width: '100%' }}
                  />
                </Col>
                <Col span={6}>
                  <InputNumber<number>
                    aria-label={`${t('supply.strategy.regionFactor')} ${line}`}
                    status={status}
                    min={0}
                    max={maxMultiplier}
                    step={0.1}
                    prefix="×"
                    value={row.factor}
                    onChange={(factor) => setRegionRow(index, { factor })}
                    style={{ width: '100%' }}
                  />
                </Col>
                <Col span={3}>
                  {isReadOnly ? null : (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('supply.strategy.removeRegion')} ${line}`}
                      onClick={() => change({ regionRows: draft.regionRows.filter((_, at) => at !== index) })}
                    />
                  )}
                </Col>
              </Row>
            );
          })}
          {isReadOnly ? null : (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                change({ regionRows: [...draft.regionRows, { kind: 'district', key: null, factor: null }] })
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('supply.strategy.addRegion')}
            </Button>
          )}
          {issuesOf('regionRows').map((issue) => (
            <Typography.Text key={`${issue.field}-${issue.key}`} type="danger">
              {issueText(issue)}
            </Typography.Text>
          ))}
        </Flex>
      </Form.Item>

      <div ref={regionSection} />
      <Divider titlePlacement="start" plain>
        {t('supply.strategy.classMultipliers')}
      </Divider>
      <Form.Item extra={t('supply.strategy.multiplierHelp')} validateStatus={statusOf('classMultipliers')}>
        <Row gutter={12}>
          {customerClasses.map((customerClass) => (
            <Col span={6} key={customerClass}>
              <Typography.Text type="secondary">
                {t(`supply.strategy.customerClasses.${customerClass}`)}
              </Typography.Text>
              <InputNumber<number>
                aria-label={`${t('supply.strategy.classMultipliers')} ${t(`supply.strategy.customerClasses.${customerClass}`)}`}
                status={statusOf(`classMultipliers.${customerClass}`)}
                min={0}
                max={maxMultiplier}
                step={0.1}
                placeholder="1"
                prefix="×"
                value={draft.classMultipliers[customerClass]}
                onChange={(value) =>
                  change({ classMultipliers: { ...draft.classMultipliers, [customerClass]: value } })
                }
                style={{ width: '100%' }}
              />
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('supply.strategy.creditMultipliers')}
      </Divider>
      <Form.Item validateStatus={statusOf('creditMultipliers')}>
        <Flex gap={12}>
          {creditLevels.map((level) => (
            <div key={level} style={{ flex: 1 }}>
              <Typography.Text type="secondary">{level}</Typography.Text>
              <InputNumber<number>
                aria-label={`${t('supply.strategy.creditMultipliers')} ${level}`}
                status={statusOf(`creditMultipliers.${level}`)}
                min={0}
                max={maxMultiplier}
                step={0.1}
                placeholder="1"
                prefix="×"
                value={draft.creditMultipliers[level] ?? null}
                onChange={(value) => change({ creditMultipliers: { ...draft.creditMultipliers, [level]: value } })}
                style={{ width: '100%' }}
              />
            </div>
          ))}
        </Flex>
      </Form.Item>
      {[...issuesOf('classMultipliers'), ...issuesOf('creditMultipliers')].slice(0, 1).map((issue) => (
        <Typography.Paragraph key="multiplier" type="danger">
          {issueText(issue)}
        </Typography.Paragraph>
      ))}

      <Divider titlePlacement="start" plain>
        {t('supply.strategy.eligibility')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('supply.strategy.eligibilityHelp')}</Typography.Paragraph>
      <Form.Item label={t('supply.strategy.classes')}>
        <Checkbox.Group
          value={draft.classes}
          onChange={(values) => change({ classes: values })}
          options={customerClasses.map((customerClass) => ({
            value: customerClass,
            label: t(`supply.strategy.customerClasses.${customerClass}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('supply.strategy.demoTypes')}>
        <Checkbox.Group
          value={draft.demoTypes}
          onChange={(values) => change({ demoTypes: values })}
          options={demoTypes.map((demoType) => ({ value: demoType, label: t(`customers.demoTypes.${demoType}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('supply.strategy.formats')}>
            <Select
              mode="multiple"
              allowClear
              aria-label={t('supply.strategy.formats')}
              value={draft.formats}
              onChange={(values: StrategyDraft['formats']) => change({ formats: values })}
              options={customerFormats.map((format) => ({ value: format, label: t(`customers.formats.${format}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('supply.strategy.branches')}>
            <Select
              mode="multiple"
              allowClear
              aria-label={t('supply.strategy.branches')}
              value={draft.branchIds}
              onChange={(values: number[]) => change({ branchIds: values })}
              options={(reference.data?.branches ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
              optionFilterProp="label"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('supply.strategy.districts')}>
            <Select
              mode="multiple"
              allowClear
              aria-label={t('supply.strategy.districts')}
              value={draft.districtCodes}
              onChange={(values: string[]) => change({ districtCodes: values })}
              options={(reference.data?.districts ?? []).map((district) => ({
                value: district.code,
                label: district.name,
              }))}
              optionFilterProp="label"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('supply.strategy.urbanRural')}>
            <Checkbox.Group
              value={draft.urbanRural}
              onChange={(values) => change({ urbanRural: values })}
              options={urbanRuralKinds.map((kind) => ({ value: kind, label: t(`customers.urbanRuralKinds.${kind}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('supply.strategy.gradeRange')}
            validateStatus={statusOf('gradeRange')}
            help={issuesOf('gradeRange').map(issueText).join('；') || undefined}
          >
            <Flex gap={8} align="center">
              <InputNumber<number>
                aria-label={t('supply.strategy.gradeMin')}
                placeholder={String(minGrade)}
                min={minGrade}
                max={maxGrade}
                precision={0}
                value={draft.gradeMin}
                onChange={(value) => change({ gradeMin: value })}
              />
              –
              <InputNumber<number>
                aria-label={t('supply.strategy.gradeMax')}
                placeholder={String(maxGrade)}
                min={minGrade}
                max={maxGrade}
                precision={0}
                value={draft.gradeMax}
                onChange={(value) => change({ gradeMax: value })}
              />
            </Flex>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('supply.strategy.cap')}
        validateStatus={statusOf('cap')}
        help={issuesOf('cap').map(issueText).join('；') || undefined}
      >
        <InputNumber<number>
          aria-label={t('supply.strategy.cap')}
          placeholder={t('supply.strategy.capPlaceholder')}
          min={1}
          precision={0}
          value={draft.cap}
          onChange={(value) => change({ cap: value })}
          style={{ width: 180 }}
        />
      </Form.Item>

      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('supply.strategy.invalid')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((issue) => (
                <li key={`${issue.field}-${issue.key}`}>{issueText(issue)}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        {isReadOnly ? null : (
          <Button type="primary" loading={isSaving} onClick={save}>
            {t('common.save')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

// 「来自价格预警 #id：建议对该区域调减投放」 and what was preset (or why nothing was).
function LinkBanner({
  link,
  isReadOnly,
  regionName,
}: {
  link: StrategyLink;
  isReadOnly: boolean;
  regionName: (kind: RegionKind, key: string) => string;
}) {
  const { t } = useTranslation();
  const regions = [
    ...link.districts.map((key) => regionName('district', key)),
    ...link.branches.map((key) => regionName('branch', key)),
  ].join('、');
  const description = isReadOnly
    ? t('supply.detail.fromWarningReadOnly')
    : link.factor === null
      ? t('supply.detail.fromWarningNoFactor', { regions })
      : t('supply.detail.fromWarningPreset', { factor: link.factor, regions });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="strategy-link-banner"
      title={link.warningId ? t('supply.detail.fromWarning', { id: link.warningId }) : t('supply.detail.fromLink')}
      description={regions || isReadOnly ? description : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
