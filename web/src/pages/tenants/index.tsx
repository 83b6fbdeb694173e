import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyAdminFields } from '../../shared/CompanyAdminFields.tsx';
import { describeError } from '../../shared/error-message.ts';
import { applyFieldErrors } from '../../shared/form-errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { type NewTenant, type TenantList, useCreateTenant, useTenants } from './tenants.api.ts';

type TenantForm = NewTenant & { passwordConfirm: string };

// 市公司: the city companies this deployment serves, and a new one with its first administrator —
// for the operator of the deployment (KEWO_OPERATOR_TENANT), as `kewo tenant create` on the server.
export function TenantsPage() {
  const { t } = useTranslation();
  const tenants = useTenants();
  const [adding, setAdding] = useState(false);
  return (
    <PageContainer
      title={t('tenants.title')}
      extra={
        <Button
          data-action="POST /api/v1/tenants"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
        >
          {t('tenants.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tenants.intro')}</Typography.Paragraph>
      {tenants.error ? <Typography.Text type="danger">{describeError(tenants.error, t)}</Typography.Text> : null}
      <Table<TenantList['items'][number]>
        rowKey="id"
        loading={tenants.isLoading}
        dataSource={tenants.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('tenants.name'), dataIndex: 'name' },
          { title: t('tenants.code'), dataIndex: 'code' },
          { title: t('tenants.province'), dataIndex: 'province' },
        ]}
      />
      <AddTenant open={adding} cities={tenants.data?.cities ?? []} onClose={() => setAdding(false)} />
    </PageContainer>
  );
}

function AddTenant({ open, cities, onClose }: { open: boolean; cities: TenantList['cities']; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TenantForm>();
  const create = useCreateTenant();
  const submit = ({ passwordConfirm: _confirm, ...request }: TenantForm) =>
    create.mutate(request, {
      onSuccess: (created) => {
        message.success(t('tenants.created', { code: created.code, username: created.username }));
        form.resetFields();
        onClose();
      },
      onError: (error) =>
        applyFieldErrors(form, error, ['tenantCode', 'cityCode', 'cityName', 'username', 'displayName', 'password']),
    });
  return (
    <Modal
      open={open}
      title={t('tenants.add')}
      okText={t('tenants.create')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<TenantForm> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <CompanyAdminFields
          cities={cities}
          passwordLabel={t('tenants.initialPassword')}
          afterCompany={
            <Form.Item
              name="tenantCode"
              label={t('tenants.code')}
              extra={t('tenants.codeHelp')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,31}$/, message: t('tenants.codeRule') }]}
            >
              <Input placeholder="xiamen" autoComplete="off" />
            </Form.Item>
          }
        />
        <Typography.Text type="secondary">{t('tenants.firstSignIn')}</Typography.Text>
      </Form>
    </Modal>
  );
}
