import { App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { computeRun, type Run, useClassificationMutation, useRuleSets } from '../classification.api.ts';

// Runs a rule set version on every store.
export function ComputeRunModal({
  isOpen,
  onClose,
  onComputed,
}: {
  isOpen: boolean;
  onClose: () => void;
  onComputed: (run: Run) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ruleSets = useRuleSets();
  const [form] = Form.useForm<{ ruleSetId: number; effectiveOn?: Dayjs }>();
  const mutation = useClassificationMutation(computeRun);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const run = await mutation.mutateAsync({
        ruleSetId: values.ruleSetId,
        effectiveOn: values.effectiveOn ? values.effectiveOn.format('YYYY-MM-DD') : undefined,
      });
      message.success(t('classification.runs.computed', { id: run.id }));
      onComputed(run);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const options = (ruleSets.data?.items ?? []).map((entry) => ({
    value: entry.id,
    label: `${t('classification.ruleSets.version')} ${entry.version} · ${entry.name}`,
  }));
  return (
    <Modal
      open={isOpen}
      title={t('classification.runs.compute')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ ruleSetId: ruleSets.data?.items[0]?.id }}>
        <Form.Item name="ruleSetId" label={t('classification.runs.ruleSet')} rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('classification.runs.effectiveOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
