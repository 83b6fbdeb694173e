import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Card, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { CustomFieldFormModal } from './components/CustomFieldFormModal.tsx';
import { movePositions } from './customer-field-form.ts';
import { type CustomField, customFieldsQueryKey, updateCustomField, useCustomFields } from './customer-fields.api.ts';

// 自定义字段: the administrator defines the extra facts kept about each store.
export function CustomerFieldsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fields = useCustomFields();
  // The field in the dialog stays while it closes, so its title does not turn to 新建 as it fades.
  const [editing, setEditing] = useState<{ field: CustomField | null; isOpen: boolean }>({
    field: null,
    isOpen: false,
  });
  const items = fields.data ?? [];

  const move = useMutation({
    mutationFn: async ({ id, direction }: { id: number; direction: 'up' | 'down' }) => {
      // One PATCH per field whose position changes; usually two.
      for (const change of movePositions(items, id, direction)) {
        await updateCustomField(change.id, { position: change.position });
      }
    },
    onSuccess: () => message.success(t('customerFields.moved')),
    onError: (error) => message.error(describeError(error, t)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });

  const columns: TableColumnsType<CustomField> = [
    {
      title: t('customerFields.position'),
      key: 'position',
      width: 110,
      render: (_value, field, index) => (
        <Space size={4}>
          <Typography.Text type="secondary" style={{ width: 20, display: 'inline-block' }}>
            {index + 1}
          </Typography.Text>
          <ActionButton
            action="PATCH /api/v1/customer-fields/:id"
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={`${t('customerFields.moveUp')} ${field.label}`}
            title={t('customerFields.moveUp')}
            disabled={index === 0 || move.isPending}
            onClick={() => move.mutate({ id: field.id, direction: 'up' })}
          />
          <ActionButton
            action="PATCH /api/v1/customer-fields/:id"
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={`${t('customerFields.moveDown')} ${field.label}`}
            title={t('customerFields.moveDown')}
            disabled={index === items.length - 1 || move.isPending}
            onClick={() => move.mutate({ id: field.id, direction: 'down' })}
          />
        </Space>
      ),
    },
    {
      title: t('customerFields.label'),
      dataIndex: 'label',
      render: (label: string) => <Typography.Text strong>{label}</Typography.Text>,
    },
    {
      title: t('customerFields.key'),
      dataIndex: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t('customerFields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: CustomField['kind']) => t(`customerFields.kinds.${kind}`),
    },
    {
      title: t('customerFields.options'),
      dataIndex: 'options',
      render: (options: string[]) =>
        options.length === 0 ? (
          <Typography.Text type="secondary">{t('customerFields.noOptions')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {options.map((option) => (
              <Tag key={option}>{option}</Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('customerFields.required'),
      dataIndex: 'required',
      width: 80,
      render: (required: boolean) => (required ? t('customerFields.yes') : t('customerFields.no')),
    },
    {
      title: t('customerFields.active'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) =>
        active ? (
          <Badge status="success" text={t('customerFields.active')} />
        ) : (
          <Badge status="default" text={t('customerFields.inactive')} />
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_value, field) => (
        <ActionButton
          action="PATCH /api/v1/customer-fields/:id"
          type="link"
          size="small"
          onClick={() => setEditing({ field, isOpen: true })}
        >
          {t('common.edit')}
        </ActionButton>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('customerFields.title')}
      extra={
        <ActionButton
          action="POST /api/v1/customer-fields"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ field: null, isOpen: true })}
        >
          {t('customerFields.create')}
        </ActionButton>
      }
    >
      <Card>
        <Typography.Paragraph type="secondary">{t('customerFields.help')}</Typography.Paragraph>
        {fields.error ? (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>
            {describeError(fields.error, t)}
          </Typography.Text>
        ) : null}
        <Table<CustomField>
          rowKey="id"
          size="middle"
          scroll={{ x: 900 }}
          columns={columns}
          dataSource={items}
          loading={fields.isFetching}
          pagination={false}
          rowClassName={(field) => (field.active ? '' : 'kewo-row-muted')}
          locale={{ emptyText: t('customerFields.empty') }}
        />
      </Card>
      <CustomFieldFormModal
        field={editing.field}
        isOpen={editing.isOpen}
        onClose={() => setEditing((current) => ({ ...current, isOpen: false }))}
      />
    </PageContainer>
  );
}
