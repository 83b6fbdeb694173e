import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useLocale } from '../../shared/use-locale.ts';
import {
  type NeedArea,
  type NeedItem,
  type NeedItemPatch,
  needAreas,
  updateNeedItem,
  useNeedItems,
  useServiceItems,
  useSurveysMutation,
} from './surveys.api.ts';

type EditValues = Required<Pick<NeedItemPatch, 'labelZh' | 'labelEn' | 'department' | 'active'>> & {
  serviceItemId: number | null;
};

function EditDrawer({ item, onClose }: { item: NeedItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const builtIn = useBuiltInName();
  const [form] = Form.useForm<EditValues>();
  const services = useServiceItems();
  const save = useSurveysMutation(updateNeedItem);

  const submit = async () => {
    if (!item) return;
    const values = await form.validateFields();
    const saved = await save.mutateAsync({ code: item.code, patch: values }).catch(() => null);
    if (!saved) return;
    message.success(t('surveys.needItems.saved'));
    onClose();
  };

  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      destroyOnHidden
      size={480}
      title={item ? t('surveys.needItems.editTitle', { code: item.code }) : ''}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action="PUT /api/v1/surveys/need-items/:code"
            type="primary"
            loading={save.isPending}
            onClick={submit}
          >
            {t('common.save')}
          </ActionButton>
        </Flex>
      }
    >
      {save.error ? (
        <Alert type="error" showIcon title={describeError(save.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {item ? (
        <Form<EditValues>
          form={form}
          layout="vertical"
          initialValues={{
            labelZh: item.labelZh,
            labelEn: item.labelEn,
            department: item.department,
            serviceItemId: item.serviceItemId,
            active: item.active,
          }}
        >
          <Form.Item
            name="labelZh"
            label={t('surveys.needItems.label')}
            rules={[{ required: true, whitespace: true, message: t('surveys.needItems.labelRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="labelEn" label={t('surveys.needItems.labelEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="department"
            label={t('surveys.needItems.department')}
            rules={[{ required: true, whitespace: true, message: t('surveys.needItems.departmentRequired') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="serviceItemId" label={t('surveys.needItems.serviceItem')}>
            <Select<number | null>
              allowClear
              loading={services.isPending}
              onClear={() => form.setFieldValue('serviceItemId', null)}
              options={(services.data?.items ?? []).map((service) => ({
                value: service.id,
                label: builtIn(service.name),
              }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('surveys.needItems.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      ) : null}
    </Drawer>
  );
}

// 需求调研 › 需求项: what a store may say it needs — the needs questionnaire's choices — each with the
// department responsible for it and the service-menu item that answers it.
export function NeedItemsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const builtIn = useBuiltInName();
  const can = useCan();
  const items = useNeedItems();
  const services = useServiceItems();
  const [editing, setEditing] = useState<NeedItem | null>(null);
  const serviceName = (id: number | null) => {
    if (id === null) return t('surveys.needItems.none');
    const service = (services.data?.items ?? []).find((candidate) => candidate.id === id);
    return service ? builtIn(service.name) : null;
  };

  return (
    <PageContainer title={t('surveys.needItems.title')}>
      {items.error ? (
        <Alert type="error" showIcon title={describeError(items.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<NeedItem>
        rowKey="code"
        size="middle"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('surveys.needItems.code'),
            dataIndex: 'code',
            width: 140,
            render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
          },
          {
            title: t('surveys.needItems.label'),
            key: 'label',
            render: (_: unknown, row) => (locale === 'zh-CN' ? row.labelZh : row.labelEn || row.labelZh),
          },
          {
            title: t('surveys.needItems.area'),
            dataIndex: 'area',
            width: 120,
            render: (area: string) =>
              (needAreas as readonly string[]).includes(area) ? t(`surveys.areas.${area as NeedArea}`) : area,
          },
          { title: t('surveys.needItems.department'), dataIndex: 'department', width: 130 },
          {
            title: t('surveys.needItems.serviceItem'),
            dataIndex: 'serviceItemId',
            width: 180,
            render: (id: number | null, row) => serviceName(id) ?? row.serviceItemName ?? `#${id}`,
          },
          {
            title: t('surveys.needItems.active'),
            dataIndex: 'active',
            width: 80,
            render: (active: boolean) => (active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
          },
          ...(can('PUT /api/v1/surveys/need-items/:code')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, row: NeedItem) => (
                    <ActionButton
                      action="PUT /api/v1/surveys/need-items/:code"
                      type="link"
                      size="small"
                      style={{ paddingInline: 0 }}
                      onClick={() => setEditing(row)}
                    >
                      {t('surveys.needItems.edit')}
                    </ActionButton>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditDrawer item={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
