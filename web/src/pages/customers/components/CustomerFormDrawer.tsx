import { useMutation, useQueryClient } from '@tanstack/react-query';
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
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../../shared/auth/SignedInUser.tsx';
import { customerFormats, orderChannels, orderDays, urbanRuralKinds } from '../../../shared/customer-codes.ts';
import { describeError } from '../../../shared/error-message.ts';
import type { Messages } from '../../../shared/i18n/zh-CN.ts';
import { isStaffRole } from '../../../shared/roles.ts';
import {
  applyCustomerFieldErrors,
  type CustomerFormValues,
  canEditField,
  customerChanges,
  districtOfLicence,
  emptyFormValues,
  formValuesOf,
  licenceNoPattern,
  maxLengths,
  maxTags,
  phonePattern,
  toNewCustomerRequest,
} from '../customer-form.ts';
import { orderDayLabel } from '../customer-history.ts';
import {
  type Customer,
  createCustomer,
  customersQueryKey,
  updateCustomer,
  useCustomerFields,
  useCustomerReference,
} from '../customers.api.ts';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { ManagerSelect } from './ManagerSelect.tsx';

const topLevelFields = [
  'licenceNo',
  'name',
  'owner',
  'phone',
  'address',
  'urbanRural',
  'format',
  'orderDay',
  'orderChannel',
  'managerId',
  'latitude',
  'longitude',
  'licenceValidUntil',
  'tags',
];

// Create (customer = null) or edit a customer. The service centre edits contact details only.
export function CustomerFormDrawer({
  customer,
  isOpen,
  onClose,
  onSaved,
}: {
  customer: Customer | null;
  isOpen: boolean;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const reference = useCustomerReference();
  const fields = useCustomerFields().data ?? [];
  const [form] = Form.useForm<CustomerFormValues>();
  const licenceNo = Form.useWatch('licenceNo', form) ?? '';
  const isCreating = customer === null;
  const canEdit = (field: string) => isCreating || (isStaffRole(user.role) && canEditField(user.role, field));
  const district = districtOfLicence(licenceNo, reference.data?.districts ?? []);

  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    form.setFieldsValue(customer ? formValuesOf(customer) : emptyFormValues());
  }, [isOpen, customer, form]);

  const save = useMutation({
    mutationFn: async (values: CustomerFormValues) => {
      if (isCreating) return { customer: await createCustomer(toNewCustomerRequest(values, fields)), changed: true };
      if (!isStaffRole(user.role)) throw new Error('only staff edit customers');
      const changes = customerChanges(customer, values, fields, user.role);
      if (Object.keys(changes).length === 0) return { customer, changed: false };
      return { customer: await updateCustomer(customer.id, changes), changed: true };
    },
    onSuccess: (result) => {
      if (!result.changed) message.info(t('customers.form.noChanges'));
      else message.success(isCreating ? t('customers.form.created') : t('customers.form.updated'));
      void queryClient.invalidateQueries({ queryKey: customersQueryKey });
      onClose();
      onSaved?.(result.customer);
    },
    onError: (error) => {
      const isFormField = (path: string | [string, string]) =>
        Array.isArray(path) ? fields.some((field) => field.key === path[1]) : topLevelFields.includes(path);
      if (!applyCustomerFieldErrors(form, error, isFormField)) message.error(describeError(error, t));
    },
  });

  // `whitespace` is for text: on a chosen number (order day, manager) it fails as "empty".
  const required = (label: string, choice = false) =>
    choice
      ? { required: true, message: t('customers.form.requiredChoice', { label }) }
      : { required: true, whitespace: true, message: t('customers.form.required', { label }) };
  const maxLength = (label: string, count: number) => ({
    max: count,
    message: t('customers.form.maxLength', { label, count }),
  });
  const label = (key: Parameters<typeof fieldLabel>[1]) => fieldLabel(t, key);

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      size={720}
      title={isCreating ? t('customers.form.createTitle') : t('customers.form.editTitle', { name: customer.name })}
      forceRender
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            data-action={isCreating ? 'POST /api/v1/customers' : 'PATCH /api/v1/customers/:id'}
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
          >
            {isCreating ? t('common.create') : t('common.save')}
          </Button>
        </Flex>
      }
    >
      {!isCreating && user.role === 'service' ? (
        <Alert type="info" showIcon title={t('customers.form.serviceOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CustomerFormValues>
        form={form}
        name="customer"
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        <Divider titlePlacement="start" plain>
          {t('customers.form.basics')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="licenceNo"
              label={label('licenceNo')}
              extra={
                district.state === 'known'
                  ? t('customers.form.districtFromLicence', { name: district.name })
                  : isCreating
                    ? undefined
                    : t('customers.form.editorManaged')
              }
              rules={
                isCreating
                  ? [
                      required(label('licenceNo')),
                      { pattern: licenceNoPattern, message: t('customers.form.licenceNoPattern') },
                      {
                        validator: async () => {
                          if (district.state === 'unknown' && (reference.data?.districts.length ?? 0) > 0)
                            throw new Error(t('customers.form.districtUnknown', { code: district.code }));
                        },
                      },
                    ]
                  : []
              }
            >
              <Input
                disabled={!isCreating}
                inputMode="numeric"
                maxLength={12}
                placeholder={t('customers.form.licenceNoPlaceholder')}
                autoComplete="off"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={label('name')}
              rules={[required(label('name')), maxLength(label('name'), maxLengths.name)]}
            >
              <Input disabled={!canEdit('name')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="owner"
              label={label('owner')}
              rules={[required(label('owner')), maxLength(label('owner'), maxLengths.owner)]}
            >
              <Input disabled={!canEdit('owner')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={label('phone')}
              rules={[required(label('phone')), { pattern: phonePattern, message: t('customers.form.phonePattern') }]}
            >
              <Input disabled={!canEdit('phone')} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="address"
              label={label('address')}
              rules={[required(label('address')), maxLength(label('address'), maxLengths.address)]}
            >
              <Input disabled={!canEdit('address')} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('customers.form.business')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="format" label={label('format')} rules={[required(label('format'), true)]}>
              <Select
                disabled={!canEdit('format')}
                options={customerFormats.map((value) => ({ value, label: t(`customers.formats.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="urbanRural" label={label('urbanRural')} rules={[required(label('urbanRural'), true)]}>
              <Radio.Group
                disabled={!canEdit('urbanRural')}
                options={urbanRuralKinds.map((value) => ({ value, label: t(`customers.urbanRuralKinds.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="orderDay" label={label('orderDay')} rules={[required(label('orderDay'), true)]}>
              <Select
                disabled={!canEdit('orderDay')}
                options={orderDays.map((value) => ({ value, label: orderDayLabel(value, t) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="orderChannel"
              label={label('orderChannel')}
              rules={[required(label('orderChannel'), true)]}
            >
              <Radio.Group
                disabled={!canEdit('orderChannel')}
                options={orderChannels.map((value) => ({ value, label: t(`customers.orderChannels.${value}`) }))}
              />
            </Form.Item>
          </Col>
          {isCreating ? (
            <Col xs={24} sm={12}>
              <Form.Item name="managerId" label={label('manager')} rules={[required(label('manager'), true)]}>
                <ManagerSelect reference={reference.data} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item
              name="licenceValidUntil"
              label={label('licenceValidUntil')}
              getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
              normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
            >
              <DatePicker disabled={!canEdit('licenceValidUntil')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="tags"
              label={label('tags')}
              extra={t('customers.form.tagsHelp')}
              rules={[
                {
                  validator: async (_rule, tags: string[] | undefined) => {
                    const list = tags ?? [];
                    if (list.length > maxTags || list.some((tag) => !tag.trim() || tag.trim().length > maxLengths.tag))
                      throw new Error(t('customers.form.tagsInvalid'));
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                disabled={!canEdit('tags')}
                tokenSeparators={[',', '，', '、']}
                options={(reference.data?.tags ?? []).map((tag) => ({ value: tag, label: tag }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('customers.form.location')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="longitude"
              label={label('longitude')}
              dependencies={['latitude']}
              rules={[
                { type: 'number', min: -180, max: 180, message: t('customers.form.longitudeRange') },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: number | null) => {
                    if (((value ?? null) === null) !== ((getFieldValue('latitude') ?? null) === null))
                      throw new Error(t('customers.form.coordinatesBoth'));
                  },
                }),
              ]}
            >
              <InputNumber disabled={!canEdit('longitude')} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="latitude"
              label={label('latitude')}
              dependencies={['longitude']}
              rules={[{ type: 'number', min: -90, max: 90, message: t('customers.form.latitudeRange') }]}
            >
              <InputNumber disabled={!canEdit('latitude')} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {fields.length > 0 ? (
          <>
            <Divider titlePlacement="start" plain>
              {t('customers.detail.customFields')}
            </Divider>
            <Row gutter={16}>
              {fields.map((field) => (
                <Col xs={24} sm={12} key={field.key}>
                  <Form.Item
                    name={['customFields', field.key]}
                    label={field.label}
                    rules={
                      field.required
                        ? [
                            {
                              validator: async (_rule, value: unknown) => {
                                const isEmpty =
                                  value === null ||
                                  value === undefined ||
                                  (typeof value === 'string' && value.trim() === '') ||
                                  (Array.isArray(value) && value.length === 0);
                                if (isEmpty)
                                  throw new Error(
                                    t(
                                      field.kind === 'select' || field.kind === 'multiselect'
                                        ? 'customers.form.requiredChoice'
                                        : 'customers.form.required',
                                      { label: field.label },
                                    ),
                                  );
                              },
                            },
                          ]
                        : []
                    }
                    required={field.required}
                  >
                    <CustomFieldInput field={field} disabled={!canEdit('customFields')} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        ) : null}
      </Form>
    </Drawer>
  );
}

type FieldKey = keyof Messages['customers']['fields'];

// The key is checked by FieldKey; t's own check of a template key over the whole message tree
// exceeds TypeScript's instantiation depth once the messages grow (supply, products).
function fieldLabel(t: ReturnType<typeof useTranslation>['t'], key: FieldKey): string {
  const translate = t as (key: `customers.fields.${FieldKey}`) => string;
  return translate(`customers.fields.${key}`);
}
