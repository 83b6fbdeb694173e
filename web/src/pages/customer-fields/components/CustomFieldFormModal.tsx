import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormRule, Input, Modal, Select, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import {
  type CustomFieldFormValues,
  changedFieldValues,
  checkFieldKey,
  checkFieldLabel,
  checkFieldOptions,
  customFieldFormFields,
  customFieldLimits,
  hasOptions,
  toNewFieldRequest,
  valuesOfField,
} from '../customer-field-form.ts';
import {
  type CustomField,
  createCustomField,
  customFieldKinds,
  customFieldsQueryKey,
  updateCustomField,
} from '../customer-fields.api.ts';

// Form rules that say in words what checkFieldKey/Label/Options found.
function fieldRules(t: TFunction) {
  const keyRule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      const problem = checkFieldKey(value);
      if (problem === 'required') throw new Error(t('customerFields.keyRequired'));
      if (problem === 'pattern') throw new Error(t('customerFields.keyPattern'));
    },
  };
  const labelRule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      const problem = checkFieldLabel(value);
      if (problem === 'required') throw new Error(t('customerFields.labelRequired'));
      if (problem === 'tooLong') throw new Error(t('customerFields.labelTooLong', { max: customFieldLimits.label }));
    },
  };
  const optionsRule = (kind: CustomFieldFormValues['kind'] | undefined): FormRule => ({
    validator: async (_rule, value: string[] | undefined) => {
      const found = checkFieldOptions(kind, value);
      if (!found) return;
      if (found.problem === 'required') throw new Error(t('customerFields.optionsRequired'));
      if (found.problem === 'tooMany') throw new Error(t('customerFields.optionsTooMany', { max: found.max }));
      if (found.problem === 'invalid') {
        throw new Error(t('customerFields.optionInvalid', { option: found.option, max: found.max }));
      }
      throw new Error(t('customerFields.optionDuplicate', { option: found.option }));
    },
  });
  return { keyRule, labelRule, optionsRule };
}

export function CustomFieldFormModal({
  field,
  isOpen,
  onClose,
}: {
  // null: define a new field
  field: CustomField | null;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomFieldFormValues>();
  const watchedKind = Form.useWatch('kind', form);
  const isCreating = field === null;
  const kind = field?.kind ?? watchedKind;
  const rules = fieldRules(t);

  // Filled when the dialog opens, or opens on another field — not when the list is fetched again
  // while it is open: that hands in a new copy of the same field, and must not wipe what the user
  // has changed (seen in a browser test: the 启用 switch turned off, then reset before 保存).
  const fieldId = field?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the field's id, not its copy
  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    form.setFieldsValue(
      field ? valuesOfField(field) : { key: '', label: '', kind: 'text', options: [], required: false, active: true },
    );
  }, [isOpen, fieldId, form]);

  const save = useMutation({
    mutationFn: async (values: CustomFieldFormValues) => {
      if (isCreating) return createCustomField(toNewFieldRequest(values));
      const changes = changedFieldValues(field, values);
      return Object.keys(changes).length > 0 ? updateCustomField(field.id, changes) : field;
    },
    onSuccess: () => {
      message.success(isCreating ? t('customerFields.created') : t('customerFields.updated'));
      void queryClient.invalidateQueries({ queryKey: customFieldsQueryKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, customFieldFormFields)) message.error(describeError(error, t));
    },
  });

  return (
    <Modal
      open={isOpen}
      title={isCreating ? t('customerFields.createTitle') : t('customerFields.editTitle', { label: field.label })}
      okText={isCreating ? t('common.create') : t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      forceRender
    >
      <Form<CustomFieldFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          save.mutate({ ...values, key: values.key ?? field?.key ?? '', options: values.options ?? [] })
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="label"
          label={t('customerFields.label')}
          extra={t('customerFields.labelHelp', { max: customFieldLimits.label })}
          rules={[rules.labelRule]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('customerFields.key')}
          extra={isCreating ? t('customerFields.keyHelp') : undefined}
          rules={isCreating ? [rules.keyRule] : []}
        >
          <Input autoComplete="off" disabled={!isCreating} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('customerFields.kind')}
          extra={isCreating ? undefined : t('customerFields.kindFixed')}
        >
          <Select
            disabled={!isCreating}
            options={customFieldKinds.map((value) => ({ value, label: t(`customerFields.kinds.${value}`) }))}
          />
        </Form.Item>
        {hasOptions(kind) ? (
          <Form.Item
            name="options"
            label={t('customerFields.options')}
            extra={t('customerFields.optionsHelp', { max: customFieldLimits.options })}
            rules={[rules.optionsRule(kind)]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={['、', ',', '，', ';', '；']}
              aria-label={t('customerFields.options')}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="required"
          label={t('customerFields.required')}
          extra={t('customerFields.requiredHelp')}
          valuePropName="checked"
        >
          <Switch aria-label={t('customerFields.required')} />
        </Form.Item>
        {isCreating ? null : (
          <Form.Item name="active" label={t('customerFields.active')} valuePropName="checked">
            <Switch aria-label={t('customerFields.active')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
