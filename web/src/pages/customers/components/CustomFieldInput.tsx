import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CustomField } from '../customers.api.ts';

type Value = string | number | string[] | null | undefined;

// One custom field's input, by kind. Dates travel as 'YYYY-MM-DD' strings, as the API keeps them.
export function CustomFieldInput({
  field,
  value,
  onChange,
  disabled,
  id,
}: {
  field: CustomField;
  value?: Value;
  onChange?: (value: Value) => void;
  disabled?: boolean;
  id?: string;
}) {
  const options = field.options.map((option) => ({ value: option, label: option }));
  switch (field.kind) {
    case 'number':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : value ? Number(value) : null}
          onChange={(next) => onChange?.(next ?? null)}
          disabled={disabled}
          style={{ width: '100%' }}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(next: Dayjs | null) => onChange?.(next ? next.format('YYYY-MM-DD') : null)}
          disabled={disabled}
          style={{ width: '100%' }}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === 'string' ? value : undefined}
          onChange={(next?: string) => onChange?.(next ?? null)}
          options={options}
          disabled={disabled}
        />
      );
    case 'multiselect':
      return (
        <Select
          id={id}
          mode="multiple"
          allowClear
          value={Array.isArray(value) ? value : []}
          onChange={(next: string[]) => onChange?.(next)}
          options={options}
          disabled={disabled}
        />
      );
    default:
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(event) => onChange?.(event.target.value)}
          maxLength={500}
          disabled={disabled}
        />
      );
  }
}
