import type { TableColumnsType } from 'antd';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { type CustomerSort, type CustomerSortField, classColors } from '../../../shared/customer-codes.ts';
import type { useFormat } from '../../../shared/use-locale.ts';
import { type BuiltInColumn, builtInColumns, customColumnKey } from '../column-choice.ts';
import { orderDayLabel } from '../customer-history.ts';
import type { Customer, CustomField } from '../customers.api.ts';
import { CustomerStatusTag } from './CustomerStatusTag.tsx';

type Format = ReturnType<typeof useFormat>;
type SortOrder = 'ascend' | 'descend' | null;

export type ColumnOption = { key: string; label: string };

// Every column the chooser offers, built-in first, then the custom fields.
export function columnOptions(t: TFunction, fields: readonly CustomField[]): ColumnOption[] {
  return [
    ...builtInColumns.map((key) => ({ key, label: builtInLabel(key, t) })),
    ...fields.map((field) => ({ key: customColumnKey(field.key), label: field.label })),
  ];
}

function builtInLabel(key: BuiltInColumn, t: TFunction): string {
  return t(`customers.fields.${key}`);
}

function sortOrderOf(sort: CustomerSort, field: CustomerSortField): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

function customValueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return Array.isArray(value) ? value.join('、') : String(value);
}

// The list's columns, in chooser order, restricted to `visible`.
export function customerColumns({
  visible,
  fields,
  sort,
  t,
  format,
}: {
  visible: readonly string[];
  fields: readonly CustomField[];
  sort: CustomerSort;
  t: TFunction;
  format: Format;
}): TableColumnsType<Customer> {
  const builtIn: Record<BuiltInColumn, TableColumnsType<Customer>[number]> = {
    licenceNo: {
      title: t('customers.fields.licenceNo'),
      dataIndex: 'licenceNo',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'licenceNo'),
      render: (value: string) => (
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Typography.Text>
      ),
    },
    name: {
      title: t('customers.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (name: string, customer) => <Link to={`/customers/${customer.id}`}>{name}</Link>,
    },
    owner: { title: t('customers.fields.owner'), dataIndex: 'owner', width: 90 },
    phone: { title: t('customers.fields.phone'), dataIndex: 'phone', width: 130 },
    address: { title: t('customers.fields.address'), dataIndex: 'address', ellipsis: true },
    district: {
      title: t('customers.fields.district'),
      key: 'district',
      width: 90,
      render: (_value, customer) => customer.district.name,
    },
    branch: { title: t('customers.fields.branch'), dataIndex: 'branchName', width: 120 },
    manager: { title: t('customers.fields.manager'), dataIndex: 'managerName', width: 100 },
    format: {
      title: t('customers.fields.format'),
      dataIndex: 'format',
      width: 100,
      render: (value: Customer['format']) => t(`customers.formats.${value}`),
    },
    urbanRural: {
      title: t('customers.fields.urbanRural'),
      dataIndex: 'urbanRural',
      width: 70,
      render: (value: Customer['urbanRural']) => t(`customers.urbanRuralKinds.${value}`),
    },
    class: {
      title: t('customers.fields.class'),
      dataIndex: 'class',
      width: 110,
      render: (value: Customer['class'], customer) =>
        value ? (
          <Tag color={classColors[value]}>
            {t(`customers.classes.${value}`)}
            {customer.demoType ? ` · ${t(`customers.demoTypes.${customer.demoType}`)}` : ''}
          </Tag>
        ) : (
          t('customers.classes.none')
        ),
    },
    status: {
      title: t('customers.fields.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: Customer['status'], customer) => (
        <CustomerStatusTag status={status} reason={customer.statusReason} />
      ),
    },
    orderDay: {
      title: t('customers.fields.orderDay'),
      dataIndex: 'orderDay',
      width: 80,
      render: (day: number) => orderDayLabel(day, t),
    },
    orderChannel: {
      title: t('customers.fields.orderChannel'),
      dataIndex: 'orderChannel',
      width: 90,
      render: (value: Customer['orderChannel']) => t(`customers.orderChannels.${value}`),
    },
    licenceValidUntil: {
      title: t('customers.fields.licenceValidUntil'),
      dataIndex: 'licenceValidUntil',
      width: 130,
      render: (value: string | null) => value ?? '—',
    },
    tags: {
      title: t('customers.fields.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) =>
        tags.length === 0
          ? '—'
          : tags.map((tag) => (
              <Tag key={tag} style={{ marginInlineEnd: 4 }}>
                {tag}
              </Tag>
            )),
    },
    updatedAt: {
      title: t('customers.fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'updatedAt'),
      render: (value: string) => format.dateTime(value),
    },
  };
  const custom = new Map(
    fields.map((field) => [
      customColumnKey(field.key),
      {
        title: field.label,
        key: customColumnKey(field.key),
        width: 120,
        render: (_value: unknown, customer: Customer) =>
          field.kind === 'number' && typeof customer.customFields?.[field.key] === 'number'
            ? format.number(customer.customFields?.[field.key] as number)
            : customValueText(customer.customFields?.[field.key]),
      },
    ]),
  );
  return visible.flatMap((key) => {
    const column = (builtIn as Record<string, TableColumnsType<Customer>[number]>)[key] ?? custom.get(key);
    return column ? [{ ...column, key }] : [];
  });
}
