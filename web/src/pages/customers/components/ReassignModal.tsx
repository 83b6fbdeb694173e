import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { customersQueryKey, reassignCustomers, useCustomerReference } from '../customers.api.ts';
import { ManagerSelect } from './ManagerSelect.tsx';

// Moves one or many customers (≤ 1,000, all or nothing) to another customer manager.
export function ReassignModal({
  customerIds,
  title,
  onClose,
  onDone,
}: {
  // null: closed
  customerIds: number[] | null;
  title: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const reference = useCustomerReference();
  const [form] = Form.useForm<{ managerId: number }>();
  const isOpen = customerIds !== null;

  useEffect(() => {
    if (isOpen) form.resetFields();
  }, [isOpen, form]);

  const reassign = useMutation({
    mutationFn: ({ managerId }: { managerId: number }) => reassignCustomers(customerIds ?? [], managerId),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: customersQueryKey });
      modal.success({
        title,
        content: t('customers.reassign.result', {
          reassigned: format.number(result.reassigned),
          unchanged: format.number(result.unchanged),
        }),
      });
      onDone?.();
      onClose();
    },
    onError: (error) => message.error(describeError(error, t)),
  });

  return (
    <Modal
      open={isOpen}
      title={title}
      okText={t('customers.reassign.submit')}
      onOk={() => form.submit()}
      confirmLoading={reassign.isPending}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="reassign"
        layout="vertical"
        onFinish={(values) => reassign.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="managerId"
          label={t('customers.reassign.manager')}
          rules={[{ required: true, message: t('customers.reassign.managerRequired') }]}
        >
          <ManagerSelect reference={reference.data} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
