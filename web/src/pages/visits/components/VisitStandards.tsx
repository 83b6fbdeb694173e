import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api-client.ts';
import { useCan } from '../../../shared/auth/use-can.ts';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { maxVisitsPerMonth, visitClasses } from '../visit-record.ts';
import {
  removeStoreOverride,
  type VisitStandards as Standards,
  type StoreOverride,
  saveStandards,
  saveStoreOverride,
  useStandards,
  useStoreOverrides,
  useVisitsMutation,
} from '../visits.api.ts';

// 走访标准: visits a month per class (the marketing centre edits, everyone reads) and the stores
// with a standard of their own (add, edit, remove; a manager for their own stores).
export function VisitStandards() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canEdit = can('PUT /api/v1/visits/standards');
  const canEditStores = can('PUT /api/v1/visits/standards/stores/:customerId');
  const canRemoveStores = can('DELETE /api/v1/visits/standards/stores/:customerId');
  const standards = useStandards();
  const save = useVisitsMutation(saveStandards);
  const [form] = Form.useForm<Standards>();

  useEffect(() => {
    if (standards.data) form.setFieldsValue(standards.data);
  }, [standards.data, form]);

  const submit = async (values: Standards) => {
    try {
      await save.mutateAsync(values);
      message.success(t('visits.standards.saved'));
    } catch (error) {
      if (!applyFieldErrors(form, error, visitClasses)) message.error(describeError(error, t));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title={t('visits.standards.byClass')} size="small" loading={standards.isLoading} style={{ maxWidth: 560 }}>
        <Form form={form} layout="horizontal" labelCol={{ span: 10 }} onFinish={submit} disabled={!canEdit}>
          {visitClasses.map((classCode) => (
            <Form.Item
              key={classCode}
              name={classCode}
              label={t(`visits.classes.${classCode}`)}
              rules={[
                { required: true, message: t('visits.standards.range') },
                { type: 'integer', min: 0, max: maxVisitsPerMonth, message: t('visits.standards.range') },
              ]}
            >
              <InputNumber
                data-testid={`standard-${classCode}`}
                precision={0}
                suffix={t('visits.standards.perMonth')}
                style={{ width: 140 }}
              />
            </Form.Item>
          ))}
          {canEdit ? (
            <Form.Item wrapperCol={{ offset: 10 }} style={{ marginBottom: 0 }}>
              <Button
                data-action="PUT /api/v1/visits/standards"
                type="primary"
                htmlType="submit"
                loading={save.isPending}
              >
                {t('visits.standards.save')}
              </Button>
            </Form.Item>
          ) : (
            <Typography.Text type="secondary">{t('visits.standards.readOnlyNote')}</Typography.Text>
          )}
        </Form>
      </Card>
      <StoreOverrides canEdit={canEditStores} canRemove={canRemoveStores} />
    </Flex>
  );
}

type OverrideForm = { customerId: number; visitsPerMonth: number; reason: string };

function StoreOverrides({ canEdit, canRemove }: { canEdit: boolean; canRemove: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const overrides = useStoreOverrides();
  const save = useVisitsMutation(saveStoreOverride);
  const remove = useVisitsMutation(removeStoreOverride);
  const [editing, setEditing] = useState<StoreOverride | 'new' | null>(null);
  const [form] = Form.useForm<OverrideForm>();

  const open = (row: StoreOverride | 'new') => {
    setEditing(row);
    form.resetFields();
    if (row !== 'new')
      form.setFieldsValue({ customerId: row.customerId, visitsPerMonth: row.visitsPerMonth, reason: row.reason });
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync(values);
      setEditing(null);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['customerId', 'visitsPerMonth', 'reason']))
        message.error(describeError(error, t));
    }
  };

  const columns: TableColumnsType<StoreOverride> = [
    {
      title: t('visits.standards.store'),
      dataIndex: 'customerName',
      render: (name: string, row) => (
        <Flex vertical>
          <a href={`/customers/${row.customerId}?tab=visits`}>{name}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.licenceNo}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('visits.standards.classStandard'),
      key: 'class',
      render: (_, row) =>
        `${t(`visits.classes.${(row.classCode ?? 'ordinary') as 'ordinary'}`)} · ${format.number(row.classStandard)}`,
      responsive: ['md'],
    },
    {
      title: t('visits.standards.own'),
      dataIndex: 'visitsPerMonth',
      align: 'right',
      render: (value: number) => `${format.number(value)} ${t('visits.standards.perMonth')}`,
    },
    { title: t('visits.standards.reason'), dataIndex: 'reason' },
    {
      title: t('visits.standards.updatedAt'),
      dataIndex: 'updatedAt',
      render: (value: string) => format.date(value),
      responsive: ['lg'],
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: StoreOverride) => (
              <Flex gap={4}>
                <Button
                  data-action="PUT /api/v1/visits/standards/stores/:customerId"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => open(row)}
                >
                  {t('visits.standards.edit')}
                </Button>
                {canRemove ? (
                  <Popconfirm
                    title={t('visits.standards.removeConfirm', { name: row.customerName })}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(row.customerId);
                        message.success(t('visits.standards.removed'));
                      } catch (error) {
                        message.error(describeError(error, t));
                      }
                    }}
                  >
                    <Button
                      data-action="DELETE /api/v1/visits/standards/stores/:customerId"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('visits.standards.remove')}
                    />
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" title={t('visits.standards.stores')}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 240px' }}>
          {t('visits.standards.storesHint')}
        </Typography.Text>
        {canEdit ? (
          <Button
            data-action="PUT /api/v1/visits/standards/stores/:customerId"
            icon={<PlusOutlined />}
            onClick={() => open('new')}
          >
            {t('visits.standards.add')}
          </Button>
        ) : null}
      </Flex>
      <Table
        rowKey="customerId"
        size="small"
        loading={overrides.isLoading}
        dataSource={overrides.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('visits.standards.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('visits.standards.add') : editing ? editing.customerName : ''}
        onCancel={() => setEditing(null)}
        onOk={submit}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="customerId"
            label={t('visits.standards.store')}
            rules={[{ required: true, message: t('visits.standards.storeRequired') }]}
            hidden={editing !== 'new'}
          >
            <StoreSelect />
          </Form.Item>
          <Form.Item
            name="visitsPerMonth"
            label={t('visits.standards.own')}
            rules={[
              { required: true, message: t('visits.standards.range') },
              { type: 'integer', min: 0, max: maxVisitsPerMonth, message: t('visits.standards.range') },
            ]}
          >
            <InputNumber precision={0} suffix={t('visits.standards.perMonth')} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('visits.standards.reason')}
            rules={[{ required: true, whitespace: true, message: t('visits.standards.reasonRequired') }]}
          >
            <Input maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

// Pick a store in scope by typing part of its name or licence number (searched on the server).
function StoreSelect({ value, onChange }: { value?: number; onChange?: (value: number | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const stores = useQuery({
    queryKey: ['customers', 'store-options', debounced],
    queryFn: () =>
      api.get<{ items: Array<{ id: number; name: string; licenceNo: string }> }>('/customers', {
        q: debounced || undefined,
        limit: 20,
      }),
    enabled: debounced.length > 0,
    staleTime: 60_000,
  });
  return (
    <Select<number>
      data-testid="standard-store"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      loading={stores.isFetching}
      placeholder={t('visits.standards.storePlaceholder')}
      notFoundContent={null}
      options={(stores.data?.items ?? []).map((store) => ({
        value: store.id,
        label: `${store.name}（${store.licenceNo}）`,
      }))}
    />
  );
}
