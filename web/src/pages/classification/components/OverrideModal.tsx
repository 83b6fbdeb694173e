import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerClass, type DemoType, demoTypes } from '../../../shared/customer-codes.ts';
import { describeError } from '../../../shared/error-message.ts';
import { overrideProposal, type Proposal, useClassificationMutation } from '../classification.api.ts';

type Values = { class: CustomerClass; demoType?: DemoType; reason: string };

// A manager (own stores) or the centre proposes another class with a reason.
export function OverrideModal({
  runId,
  proposal,
  onClose,
}: {
  runId: number;
  proposal: Proposal | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('class', form);
  const mutation = useClassificationMutation(overrideProposal);
  useEffect(() => {
    if (proposal) {
      form.setFieldsValue({
        class: proposal.override?.class ?? (proposal.proposedClass === 'special' ? 'ordinary' : proposal.proposedClass),
        demoType: proposal.override?.demoType ?? proposal.proposedDemoType ?? undefined,
        reason: proposal.override?.reason ?? '',
      });
    }
  }, [proposal, form]);
  const submit = async () => {
    if (!proposal) return;
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        runId,
        customerId: proposal.customerId,
        class: values.class,
        demoType: values.class === 'demonstration' ? (values.demoType ?? null) : null,
        reason: values.reason,
      });
      message.success(t('classification.runs.overridden'));
      onClose();
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  return (
    <Modal
      open={proposal !== null}
      title={proposal ? t('classification.runs.overrideTitle', { name: proposal.name }) : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="class" label={t('classification.runs.overrideClass')} rules={[{ required: true }]}>
          <Select
            options={(['demonstration', 'growth', 'ordinary'] as const).map((value) => ({
              value,
              label: t(`customers.classes.${value}`),
            }))}
          />
        </Form.Item>
        {chosen === 'demonstration' ? (
          <Form.Item name="demoType" label={t('classification.runs.overrideDemoType')}>
            <Select
              allowClear
              options={demoTypes.map((value) => ({ value, label: t(`customers.demoTypes.${value}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('classification.runs.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('classification.runs.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
