import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { useSignedInUser } from '../../../shared/auth/SignedInUser.tsx';
import { describeError, fieldErrorsOf } from '../../../shared/error-message.ts';
import { useBuiltInName } from '../../../shared/i18n/built-in-names.ts';
import { SegmentFields } from '../../../shared/SegmentFields.tsx';
import { useStaffDirectory } from '../../../shared/staff-directory.ts';
import {
  actionKinds,
  createProgramme,
  type Programme,
  updateProgramme,
  useActiveProducts,
  useBrandMutation,
  useServiceItems,
} from '../brand.api.ts';
import {
  type ActionDraft,
  type DraftIssue,
  draftOf,
  type IssueField,
  issueFieldOfServerField,
  type ProgrammeDraft,
  programmeIssues,
  toProgrammeInput,
} from '../programme-form.ts';
import { StorePicker } from './StorePicker.tsx';

type FormValues = Omit<ProgrammeDraft, 'startDate' | 'endDate' | 'actions'> & {
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  actions?: (Omit<ActionDraft, 'date'> & { date?: Dayjs | null })[];
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

function draftOfValues(values: FormValues): ProgrammeDraft {
  return {
    ...values,
    startDate: day(values.startDate),
    endDate: day(values.endDate),
    actions: (values.actions ?? []).map((action) => ({ ...action, date: day(action.date) })),
  };
}

function valuesOfDraft(draft: ProgrammeDraft): FormValues {
  return {
    ...draft,
    startDate: draft.startDate ? dayjs(draft.startDate) : null,
    endDate: draft.endDate ? dayjs(draft.endDate) : null,
    actions: (draft.actions ?? []).map((action) => ({ ...action, date: action.date ? dayjs(action.date) : null })),
  };
}

// The form's path of an issue's field.
function namePathOf(field: IssueField): (string | number)[] {
  if (field === 'gradeMax') return ['segment', 'gradeMax'];
  const action = /^actions\.(\d+)\.(\w+)$/.exec(field);
  if (action) return ['actions', Number(action[1]), action[2]];
  return [field];
}

const checkedFields: IssueField[] = [
  'name',
  'productIds',
  'startDate',
  'endDate',
  'customerIds',
  'shelvingRate',
  'sellThroughRate',
  'stockMin',
  'stockMax',
  'gradeMax',
];

// 新建 / 编辑培育项目, in a drawer: the checks of programme-form.ts run before anything is sent
// (and again as the user corrects them); what the server still refuses (a segment that matches no
// store, a closed programme) comes back as problem+json and shows at its field or above the form.
export function ProgrammeEditor({
  open,
  programme,
  onClose,
  onSaved,
}: {
  open: boolean;
  programme?: Programme;
  onClose: () => void;
  onSaved: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const { message } = App.useApp();
  const user = useSignedInUser();
  const [form] = Form.useForm<FormValues>();
  const products = useActiveProducts();
  const services = useServiceItems();
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useBrandMutation(createProgramme);
  const update = useBrandMutation(updateProgramme);
  const targetMode = Form.useWatch('targetMode', form);
  const actionsValue = Form.useWatch('actions', form);

  const initialValues = useMemo(
    () => valuesOfDraft(programme ? draftOf(programme) : { targetMode: 'segment', segment: {}, actions: [] }),
    [programme],
  );

  const productOptions = useMemo(() => {
    const byBrand = new Map<string, { value: number; label: string }[]>();
    for (const product of products.data?.items ?? []) {
      const group = byBrand.get(product.brand) ?? [];
      group.push({ value: product.id, label: product.name });
      byBrand.set(product.brand, group);
    }
    // A saved programme's product no longer on sale still shows by name.
    for (const product of programme?.products ?? []) {
      if ((products.data?.items ?? []).some((item) => item.id === product.id)) continue;
      const group = byBrand.get(product.brand) ?? [];
      group.push({ value: product.id, label: product.name });
      byBrand.set(product.brand, group);
    }
    return [...byBrand].map(([brand, options]) => ({ label: brand, title: brand, options }));
  }, [products.data, programme]);

  // The owner: anyone of the staff directory (GET /users/directory, searched on the server as one
  // types), with oneself and the saved owner always offered.
  const [ownerSearch, setOwnerSearch] = useState('');
  const directory = useStaffDirectory(ownerSearch);
  const ownerOptions = useMemo(() => {
    const options = new Map<number, string>([[user.id, t('brand.editor.ownerMe', { name: user.displayName })]]);
    if (programme && !options.has(programme.ownerId)) options.set(programme.ownerId, programme.ownerName);
    for (const entry of directory.data?.items ?? [])
      if (!options.has(entry.id))
        options.set(entry.id, `${entry.name} · ${t(`roles.${entry.role}`)} · ${entry.orgUnitName}`);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [user, programme, directory.data, t]);

  const issueText = (issue: DraftIssue) => t(`brand.editor.issues.${issue.key}`);
  // antd types a field's path by the values' shape; ours are built from strings.
  const setFieldErrors = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(fields as Parameters<typeof form.setFields>[0]);

  // Marks every field with its issues (and clears the rest); true when there are none.
  const showIssues = (values: FormValues): DraftIssue[] => {
    const issues = programmeIssues(draftOfValues(values));
    const fields = [
      ...checkedFields,
      ...(values.actions ?? []).flatMap((_, index) => [
        `actions.${index}.title` as const,
        `actions.${index}.serviceItemId` as const,
      ]),
    ];
    setFieldErrors(
      fields.map((field) => ({
        name: namePathOf(field),
        errors: issues.filter((issue) => issue.field === field).map(issueText),
      })),
    );
    return issues;
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as FormValues;
    setChecked(true);
    setFailure(null);
    if (showIssues(values).length > 0) return;
    const input = toProgrammeInput(draftOfValues(values));
    try {
      // An edit that switches between a segment and a list clears the other (null).
      const saved = programme
        ? await update.mutateAsync({
            id: programme.id,
            input: { ...input, segment: input.segment ?? null, customerIds: input.customerIds ?? null },
          })
        : await create.mutateAsync(input);
      message.success(programme ? t('brand.editor.saved') : t('brand.editor.created'));
      onSaved(saved);
    } catch (error) {
      setFailure(error);
      const fields = fieldErrorsOf(error).flatMap((entry) => {
        const field = issueFieldOfServerField(entry.name);
        return field ? [{ name: namePathOf(field), errors: entry.errors }] : [];
      });
      if (fields.length > 0) setFieldErrors(fields);
    }
  };

  const addBrand = (brand: string) => {
    const current: number[] = form.getFieldValue('productIds') ?? [];
    const ofBrand = (products.data?.items ?? [])
      .filter((product) => product.brand === brand)
      .map((product) => product.id);
    form.setFieldValue('productIds', [...new Set([...current, ...ofBrand])]);
    if (checked) showIssues(form.getFieldsValue(true));
  };

  const brands = [...new Set((products.data?.items ?? []).map((product) => product.brand))];
  const issuesNow = checked ? programmeIssues(draftOfValues(form.getFieldsValue(true))) : [];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={760}
      title={programme ? t('brand.editor.editTitle') : t('brand.editor.createTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action={programme ? 'PATCH /api/v1/brand-programmes/:id' : 'POST /api/v1/brand-programmes'}
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={submit}
          >
            {t('common.save')}
          </ActionButton>
        </Flex>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => {
          if (checked) showIssues(form.getFieldsValue(true));
        }}
      >
        {issuesNow.length > 0 ? (
          <Alert type="error" showIcon title={t('brand.editor.invalid')} style={{ marginBottom: 16 }} />
        ) : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={describeError(failure, t)}
            style={{ marginBottom: 16 }}
            data-testid="programme-editor-problem"
          />
        ) : null}
        <Form.Item name="name" label={t('brand.editor.name')} required>
          <Input maxLength={120} placeholder={t('brand.editor.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('brand.editor.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="productIds" label={t('brand.editor.products')} required>
              <Select<number[]>
                mode="multiple"
                showSearch
                optionFilterProp="label"
                loading={products.isPending}
                placeholder={t('brand.editor.productsPlaceholder')}
                options={productOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('brand.editor.addBrand')}>
              <Select<string>
                showSearch
                value={null}
                placeholder={t('brand.editor.addBrandPlaceholder')}
                aria-label={t('brand.editor.addBrand')}
                options={brands.map((brand) => ({ value: brand, label: brand }))}
                onChange={addBrand}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startDate" label={t('brand.editor.startDate')} required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label={t('brand.editor.endDate')} required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('brand.editor.target')}
        </Divider>
        <Form.Item name="targetMode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'segment', label: t('brand.editor.targetSegment') },
              { value: 'list', label: t('brand.editor.targetList') },
            ]}
          />
        </Form.Item>
        {targetMode === 'list' ? (
          <Form.Item name="customerIds" label={t('brand.editor.customers')} required>
            <StorePicker />
          </Form.Item>
        ) : (
          <SegmentFields />
        )}

        <Divider titlePlacement="start" plain>
          {t('brand.editor.goals')}
        </Divider>
        <Flex gap={12} wrap align="flex-start">
          <Form.Item name="shelvingRate" label={t('brand.editor.shelvingRateGoal')}>
            <InputNumber<number> suffix="%" step={1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="sellThroughRate" label={t('brand.editor.sellThroughRateGoal')}>
            <InputNumber<number> suffix="%" step={1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="stockMin" label={t('brand.editor.stockMin')}>
            <InputNumber<number> step={0.1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="stockMax" label={t('brand.editor.stockMax')}>
            <InputNumber<number> step={0.1} style={{ width: 140 }} />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start" plain>
          {t('brand.editor.actions')}
        </Divider>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="flex-start">
                  <Form.Item name={[field.name, 'kind']} style={{ width: 130, marginBottom: 8 }}>
                    <Select
                      aria-label={t('brand.editor.actionKind')}
                      options={actionKinds.map((kind) => ({ value: kind, label: t(`brand.actionKinds.${kind}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} style={{ flex: 1, minWidth: 180, marginBottom: 8 }}>
                    <Input maxLength={200} placeholder={t('brand.editor.actionTitle')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} style={{ marginBottom: 8 }}>
                    <DatePicker placeholder={t('brand.editor.actionDate')} />
                  </Form.Item>
                  {actionsValue?.[field.name]?.kind === 'service' ? (
                    <Form.Item name={[field.name, 'serviceItemId']} style={{ width: 180, marginBottom: 8 }}>
                      <Select
                        aria-label={t('brand.editor.actionService')}
                        placeholder={t('brand.editor.actionService')}
                        options={(services.data?.items ?? [])
                          .filter((item) => item.active)
                          .map((item) => ({ value: item.id, label: builtIn(item.name) }))}
                      />
                    </Form.Item>
                  ) : null}
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('brand.editor.removeAction')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'classroom', title: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('brand.editor.addAction')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          {t('brand.editor.owner')}
        </Divider>
        <Form.Item name="ownerId">
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={setOwnerSearch}
            onBlur={() => setOwnerSearch('')}
            loading={directory.isFetching}
            aria-label={t('brand.editor.owner')}
            placeholder={t('brand.editor.ownerMe', { name: user.displayName })}
            options={ownerOptions}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
