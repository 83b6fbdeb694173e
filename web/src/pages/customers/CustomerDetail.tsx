import { ArrowLeftOutlined, EditOutlined, KeyOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { canAccess } from '../../app/access.ts';
import { isApiError } from '../../shared/api-client.ts';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { CustomerFormDrawer } from './components/CustomerFormDrawer.tsx';
import { CustomerStatusTag } from './components/CustomerStatusTag.tsx';
import { PortalPasswordModal } from './components/PortalPasswordModal.tsx';
import { ReassignModal } from './components/ReassignModal.tsx';
import { StatusChangeModal } from './components/StatusChangeModal.tsx';
import { customerTabs } from './customer-tabs.tsx';
import { useCustomer, useCustomerFields } from './customers.api.ts';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Link to="/customers">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('customers.detail.back')}
      </Button>
    </Link>
  );
}

// The customer's 360° view: who the store is, where it is, what changed, and (in the tabs other
// page folders bring) its orders, grades, class, visits, service requests and complaints.
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const customer = useCustomer(id);
  // Fetched alongside the customer, so the profile tab has the custom fields when it opens.
  useCustomerFields();
  const [searchParams, setSearchParams] = useSearchParams();
  const [action, setAction] = useState<'edit' | 'status' | 'reassign' | 'portalPassword' | null>(null);

  const can = useCan();
  const canEdit = can('PATCH /api/v1/customers/:id');
  const canChangeStatus = can('POST /api/v1/customers/:id/status');
  const canReassign = can('POST /api/v1/customers/reassign');
  const canIssuePassword = can('POST /api/v1/customers/:id/portal-password');
  const tabs = customerTabs.filter((tab) => !tab.access || canAccess(user, { access: tab.access }));
  const tabKey = tabs.some((tab) => tab.key === searchParams.get('tab'))
    ? (searchParams.get('tab') as string)
    : tabs[0].key;
  // The open tab's code loads while the customer does, not after it.
  const openTab = tabs.find((tab) => tab.key === tabKey)?.component;
  useEffect(() => {
    void openTab?.preload?.();
  }, [openTab]);

  if (id === 0 || (customer.error && isApiError(customer.error) && customer.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('errors.notFound')}
        subTitle={t('customers.detail.notFound')}
        extra={<BackToList />}
      />
    );
  }
  if (customer.error) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={describeError(customer.error, t)}
        extra={<BackToList />}
      />
    );
  }
  if (!customer.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = customer.data;

  return (
    <div>
      <BackToList />
      <Card style={{ marginBottom: 16, marginTop: 4 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex vertical gap={4}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {data.name}
              </Typography.Title>
              <CustomerStatusTag status={data.status} reason={data.statusReason} />
            </Flex>
            <Typography.Text type="secondary">
              {t('customers.fields.licenceNo')}：
              <Typography.Text copyable style={{ fontVariantNumeric: 'tabular-nums' }}>
                {data.licenceNo}
              </Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">
              {data.district.name} · {data.branchName} · {t('customers.fields.manager')}：{data.managerName}
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            <ActionButton
              action="PATCH /api/v1/customers/:id"
              icon={<EditOutlined />}
              onClick={() => setAction('edit')}
            >
              {t('customers.detail.edit')}
            </ActionButton>
            <ActionButton
              action="POST /api/v1/customers/:id/status"
              icon={<SwapOutlined />}
              onClick={() => setAction('status')}
            >
              {t('customers.detail.changeStatus')}
            </ActionButton>
            <ActionButton
              action="POST /api/v1/customers/reassign"
              icon={<UserSwitchOutlined />}
              onClick={() => setAction('reassign')}
            >
              {t('customers.detail.reassign')}
            </ActionButton>
            {data.status !== 'cancelled' ? (
              <ActionButton
                action="POST /api/v1/customers/:id/portal-password"
                icon={<KeyOutlined />}
                onClick={() => setAction('portalPassword')}
              >
                {t('customers.portalPassword.button')}
              </ActionButton>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tabKey}
          onChange={(key) => setSearchParams(key === tabs[0].key ? {} : { tab: key }, { replace: true })}
          items={tabs.map(({ key, labelKey, component: TabContent }) => ({
            key,
            label: t(labelKey),
            children: (
              <Suspense fallback={<Skeleton active />}>
                <TabContent customerId={data.id} />
              </Suspense>
            ),
          }))}
          destroyOnHidden
        />
      </Card>
      {canEdit ? (
        <CustomerFormDrawer customer={data} isOpen={action === 'edit'} onClose={() => setAction(null)} />
      ) : null}
      {canIssuePassword ? (
        <PortalPasswordModal customer={data} isOpen={action === 'portalPassword'} onClose={() => setAction(null)} />
      ) : null}
      {canChangeStatus ? (
        <StatusChangeModal customer={data} isOpen={action === 'status'} onClose={() => setAction(null)} />
      ) : null}
      {canReassign ? (
        <ReassignModal
          customerIds={action === 'reassign' ? [data.id] : null}
          title={t('customers.reassign.title', { name: data.name })}
          onClose={() => setAction(null)}
        />
      ) : null}
    </div>
  );
}
