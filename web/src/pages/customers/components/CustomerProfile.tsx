import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, type DescriptionsProps, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../shared/i18n/zh-CN.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { orderDayLabel } from '../customer-history.ts';
import type { Customer, CustomField } from '../customers.api.ts';
import { licenceValidity } from '../licence-validity.ts';
import { CustomerStatusTag } from './CustomerStatusTag.tsx';
import { PositionMap } from './PositionMap.tsx';

function LicenceValidUntil({ value, now }: { value: string | null; now: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const validity = licenceValidity(value, now);
  if (validity.state === 'unknown') return <>{value ?? '—'}</>;
  const date = format.date(`${value}T00:00:00+08:00`);
  if (validity.state === 'valid') return <>{date}</>;
  const warning =
    validity.state === 'expired'
      ? t('customers.licence.expired', { count: validity.daysAgo })
      : validity.daysLeft === 0
        ? t('customers.licence.expiringToday')
        : t('customers.licence.expiring', { count: validity.daysLeft });
  return (
    <>
      {date}
      <Tag
        color={validity.state === 'expired' ? 'red' : 'orange'}
        icon={<WarningOutlined />}
        style={{ marginInlineStart: 8 }}
      >
        {warning}
      </Tag>
    </>
  );
}

type FieldLabelKey = keyof Messages['customers']['fields'];

function customFieldText(field: CustomField, value: unknown, formatNumber: (value: number) => string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join('、');
  if (field.kind === 'number' && typeof value === 'number') return formatNumber(value);
  return String(value);
}

// The 基本信息 tab: every field with its Chinese label, the custom fields, the map position.
export function CustomerProfile({ customer, fields }: { customer: Customer; fields: readonly CustomField[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // One "now" per render of the profile: the licence warning is a daily matter.
  const now = useMemo(() => new Date(), []);
  const label = (key: FieldLabelKey) => t(`customers.fields.${key}`);

  const items: DescriptionsProps['items'] = [
    { key: 'licenceNo', label: label('licenceNo'), children: customer.licenceNo },
    { key: 'name', label: label('name'), children: customer.name },
    { key: 'owner', label: label('owner'), children: customer.owner },
    {
      key: 'phone',
      label: label('phone'),
      children: <Typography.Link href={`tel:${customer.phone}`}>{customer.phone}</Typography.Link>,
    },
    { key: 'address', label: label('address'), children: customer.address, span: 2 },
    {
      key: 'district',
      label: label('district'),
      children: `${customer.district.name}（${customer.district.code}）`,
    },
    {
      key: 'urbanRural',
      label: label('urbanRural'),
      children: t(`customers.urbanRuralKinds.${customer.urbanRural}`),
    },
    { key: 'format', label: label('format'), children: t(`customers.formats.${customer.format}`) },
    {
      key: 'status',
      label: label('status'),
      children: (
        <>
          <CustomerStatusTag status={customer.status} />
          {customer.statusReason ? <Typography.Text type="secondary">{customer.statusReason}</Typography.Text> : null}
        </>
      ),
    },
    { key: 'branch', label: label('branch'), children: customer.branchName },
    { key: 'manager', label: label('manager'), children: customer.managerName },
    { key: 'orderDay', label: label('orderDay'), children: orderDayLabel(customer.orderDay, t) },
    {
      key: 'orderChannel',
      label: label('orderChannel'),
      children: t(`customers.orderChannels.${customer.orderChannel}`),
    },
    {
      key: 'licenceValidUntil',
      label: label('licenceValidUntil'),
      children: <LicenceValidUntil value={customer.licenceValidUntil} now={now} />,
    },
    {
      key: 'coordinates',
      label: label('coordinates'),
      children:
        customer.latitude !== null && customer.longitude !== null
          ? `${customer.latitude.toFixed(6)}, ${customer.longitude.toFixed(6)}`
          : '—',
    },
    {
      key: 'tags',
      label: label('tags'),
      span: 2,
      children: customer.tags.length === 0 ? '—' : customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    { key: 'createdAt', label: label('createdAt'), children: format.dateTime(customer.createdAt) },
    { key: 'updatedAt', label: label('updatedAt'), children: format.dateTime(customer.updatedAt) },
  ];

  const customItems: DescriptionsProps['items'] = fields.map((field) => ({
    key: field.key,
    label: field.label,
    children: customFieldText(field, customer.customFields?.[field.key], (value) => format.number(value)),
  }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t('customers.detail.profile')} size="small">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
        </Card>
        {customItems.length > 0 ? (
          <Card title={t('customers.detail.customFields')} size="small" style={{ marginTop: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={customItems} />
          </Card>
        ) : null}
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('customers.detail.position')} size="small">
          <PositionMap name={customer.name} latitude={customer.latitude} longitude={customer.longitude} />
        </Card>
      </Col>
    </Row>
  );
}
