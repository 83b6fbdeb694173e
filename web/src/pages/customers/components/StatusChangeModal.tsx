import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerStatus, nextStatuses } from '../../../shared/customer-codes.ts';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { type Customer, changeCustomerStatus, customersQueryKey } from '../customers.api.ts';
import { CustomerStatusTag } from './CustomerStatusTag.tsx';

type Values = { status: CustomerStatus; reason: string };

// Changes a customer's status with a required reason; only the allowed transitions are offered.
export function StatusChangeModal({
  customer,
  isOpen,
  onClose,
}: {
  customer: Customer;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('status', form);
  const choices = nextStatuses(customer.status);

  useEffect(() => {
    if (isOpen) form.resetFields();
  }, [isOpen, form]);

  const change = useMutation({
    mutationFn: (values: Values) => changeCustomerStatus(customer.id, values.status, values.reason.trim()),
    onSuccess: () => {
      message.success(t('customers.statusChange.done'));
      void queryClient.invalidateQueries({ queryKey: customersQueryKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, ['status', 'reason'])) message.error(describeError(error, t));
    },
  });

  return (
    <Modal
      open={isOpen}
      title={t('customers.statusChange.title', { name: customer.name })}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: choices.length === 0, danger: chosen === 'cancelled' }}
      confirmLoading={change.isPending}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        name="status"
        layout="vertical"
        onFinish={(values) => change.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item label={t('customers.statusChange.current')}>
          <CustomerStatusTag status={customer.status} reason={customer.statusReason} />
        </Form.Item>
        {choices.length === 0 ? (
          <Alert type="warning" showIcon title={t('customers.statusChange.noTransitions')} />
        ) : (
          <>
            <Form.Item
              name="status"
              label={t('customers.statusChange.next')}
              rules={[{ required: true, message: t('customers.statusChange.nextRequired') }]}
            >
              <Radio.Group
                optionType="button"
                options={choices.map((value) => ({ value, label: t(`customers.statuses.${value}`) }))}
              />
            </Form.Item>
            {chosen === 'cancelled' ? (
              <Alert
                type="error"
                showIcon
                title={t('customers.statusChange.finalWarning')}
                style={{ marginBottom: 16 }}
              />
            ) : null}
            <Form.Item
              name="reason"
              label={t('customers.statusChange.reason')}
              rules={[
                {
                  required: true,
                  validator: async (_rule, value: string | undefined) => {
                    // The server's rule: at least 2 characters once trimmed.
                    if ((value ?? '').trim().length < 2) throw new Error(t('customers.statusChange.reasonRequired'));
                  },
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
