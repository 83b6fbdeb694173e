import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CustomerClass,
  type CustomerFormat,
  type CustomerStatus,
  customerClasses,
  customerFormats,
  customerStatuses,
  type UrbanRural,
  urbanRuralKinds,
} from '../../../shared/customer-codes.ts';
import type { CustomerListView } from '../customer-list-query.ts';
import type { CustomerReference, CustomField } from '../customers.api.ts';

type FilterChanges = Partial<Omit<CustomerListView, 'custom'>> & { custom?: Record<string, string> };

const selectStyle = { width: 150 };

// The list's filters. Options come from what the caller's scope holds (GET /customers/reference).
export function CustomerFilters({
  view,
  reference,
  fields,
  onChange,
}: {
  view: CustomerListView;
  reference: CustomerReference | undefined;
  fields: readonly CustomField[];
  onChange: (changes: FilterChanges) => void;
}) {
  const { t } = useTranslation();
  const managers = reference?.managers ?? [];
  // With a branch chosen, only that branch's managers are offered.
  const managerOptions = managers
    .filter((manager) => view.branchId === undefined || manager.branchId === view.branchId)
    .map((manager) => ({ value: manager.id, label: `${manager.name}（${manager.username}）` }));
  const setCustom = (key: string, value: string | undefined) => {
    const custom = { ...view.custom };
    if (value === undefined || value.trim() === '') delete custom[key];
    else custom[key] = value.trim();
    onChange({ custom });
  };

  return (
    <>
      {(reference?.branches.length ?? 0) > 1 ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customers.fields.branch')}
          aria-label={t('customers.fields.branch')}
          value={view.branchId}
          onChange={(branchId: number | undefined) => onChange({ branchId, managerId: undefined })}
          options={reference?.branches.map((branch) => ({ value: branch.id, label: branch.name }))}
          style={selectStyle}
        />
      ) : null}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customers.fields.district')}
        aria-label={t('customers.fields.district')}
        value={view.districtCode}
        onChange={(districtCode: string | undefined) => onChange({ districtCode })}
        options={reference?.districts.map((district) => ({ value: district.code, label: district.name }))}
        style={{ width: 130 }}
      />
      {managers.length > 1 ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customers.fields.manager')}
          aria-label={t('customers.fields.manager')}
          value={view.managerId}
          onChange={(managerId: number | undefined) => onChange({ managerId })}
          options={managerOptions}
          style={{ width: 190 }}
        />
      ) : null}
      <Select
        allowClear
        placeholder={t('customers.fields.format')}
        aria-label={t('customers.fields.format')}
        value={view.format}
        onChange={(format: CustomerFormat | undefined) => onChange({ format })}
        options={customerFormats.map((value) => ({ value, label: t(`customers.formats.${value}`) }))}
        style={{ width: 120 }}
      />
      <Select
        allowClear
        placeholder={t('customers.fields.urbanRural')}
        aria-label={t('customers.fields.urbanRural')}
        value={view.urbanRural}
        onChange={(urbanRural: UrbanRural | undefined) => onChange({ urbanRural })}
        options={urbanRuralKinds.map((value) => ({ value, label: t(`customers.urbanRuralKinds.${value}`) }))}
        style={{ width: 100 }}
      />
      <Select
        allowClear
        placeholder={t('customers.fields.class')}
        aria-label={t('customers.fields.class')}
        value={view.class}
        onChange={(value: CustomerClass | undefined) => onChange({ class: value })}
        options={customerClasses.map((value) => ({ value, label: t(`customers.classes.${value}`) }))}
        style={{ width: 110 }}
      />
      <Select
        allowClear
        placeholder={t('customers.fields.status')}
        aria-label={t('customers.fields.status')}
        value={view.status}
        onChange={(status: CustomerStatus | undefined) => onChange({ status })}
        options={customerStatuses.map((value) => ({ value, label: t(`customers.statuses.${value}`) }))}
        style={{ width: 100 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customers.fields.tags')}
        aria-label={t('customers.fields.tags')}
        value={view.tag}
        onChange={(tag: string | undefined) => onChange({ tag })}
        options={reference?.tags.map((tag) => ({ value: tag, label: tag }))}
        style={{ width: 120 }}
      />
      {fields.map((field) =>
        field.kind === 'select' || field.kind === 'multiselect' ? (
          <Select
            key={field.key}
            allowClear
            placeholder={field.label}
            aria-label={field.label}
            value={view.custom[field.key]}
            onChange={(value: string | undefined) => setCustom(field.key, value)}
            options={field.options.map((option) => ({ value: option, label: option }))}
            // A chosen option alone ("B") would not say which field it filters.
            labelRender={({ label }) => `${field.label}：${String(label)}`}
            style={{ width: 160 }}
          />
        ) : (
          <CustomFieldFilterInput
            key={`${field.key}:${view.custom[field.key] ?? ''}`}
            field={field}
            value={view.custom[field.key]}
            onChange={(value) => setCustom(field.key, value)}
          />
        ),
      )}
    </>
  );
}

// Text filters apply on Enter or when the box loses focus, not on every keystroke.
function CustomFieldFilterInput({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const isRange = field.kind === 'number' || field.kind === 'date';
  const placeholder = isRange ? t('customers.customFieldRange', { label: field.label }) : field.label;
  return (
    <Input
      allowClear
      defaultValue={value}
      placeholder={placeholder}
      aria-label={field.label}
      onPressEnter={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        if ((event.currentTarget.value.trim() || undefined) !== value) onChange(event.currentTarget.value);
      }}
      onClear={() => onChange(undefined)}
      style={{ width: isRange ? 200 : 140 }}
    />
  );
}
