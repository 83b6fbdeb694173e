import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { type Customer, customersQueryKey, issuePortalPassword } from '../customers.api.ts';

// Issues the store's one-time portal password and shows it once, to be read out to the store.
export function PortalPasswordModal({
  customer,
  isOpen,
  onClose,
}: {
  customer: Customer;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: () => issuePortalPassword(customer.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...customersQueryKey, 'history'] }),
  });
  const close = () => {
    issue.reset();
    onClose();
  };

  return (
    <Modal
      open={isOpen}
      title={t('customers.portalPassword.title', { name: customer.name })}
      okText={issue.data ? t('customers.portalPassword.done') : t('customers.portalPassword.issue')}
      cancelButtonProps={{ style: issue.data ? { display: 'none' } : undefined }}
      confirmLoading={issue.isPending}
      onOk={() => (issue.data ? close() : issue.mutate())}
      onCancel={close}
      destroyOnHidden
    >
      {issue.data ? (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'username', label: t('customers.portalPassword.username'), children: issue.data.username },
              {
                key: 'password',
                label: t('customers.portalPassword.password'),
                children: (
                  <Typography.Text copyable code strong style={{ fontSize: 18 }}>
                    {issue.data.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('customers.portalPassword.shownOnce')} />
        </>
      ) : (
        <Typography.Paragraph>{t('customers.portalPassword.explain')}</Typography.Paragraph>
      )}
      {issue.error ? <Alert type="error" showIcon title={describeError(issue.error, t)} /> : null}
    </Modal>
  );
}
