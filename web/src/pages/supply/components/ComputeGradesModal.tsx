import { App, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { checkWeights, defaultWeights } from '../grade-weights.ts';
import { computeGradeRun, type GradeRunDetail, useSupplyMutation } from '../supply.api.ts';

type Values = { amount: number | null; quantity: number | null; effectiveOn: Dayjs | null };

export function ComputeGradesModal({
  isOpen,
  onClose,
  onComputed,
}: {
  isOpen: boolean;
  onClose: () => void;
  onComputed: (run: GradeRunDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const compute = useSupplyMutation(computeGradeRun);

  const submit = async (values: Values) => {
    if (!values.effectiveOn || values.amount === null || values.quantity === null) return;
    try {
      const run = await compute.mutateAsync({
        weights: { amount: values.amount, quantity: values.quantity },
        effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
      });
      message.success(t('supply.grades.computed'));
      onComputed(run);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  // Both weights are checked together: the rule is their sum.
  const weightsRule = {
    validator: () => {
      const problem = checkWeights({ amount: form.getFieldValue('amount'), quantity: form.getFieldValue('quantity') });
      return problem ? Promise.reject(new Error(t(`supply.grades.weightsProblems.${problem}`))) : Promise.resolve();
    },
  };

  return (
    <Modal
      open={isOpen}
      title={t('supply.grades.computeTitle')}
      okText={t('supply.grades.compute')}
      onOk={() => form.submit()}
      confirmLoading={compute.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('supply.grades.computeHelp')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ ...defaultWeights, effectiveOn: dayjs().add(1, 'day') }}
        onFinish={submit}
      >
        <Form.Item
          name="amount"
          label={t('supply.grades.weightAmount')}
          rules={[weightsRule]}
          dependencies={['quantity']}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('supply.grades.weightQuantity')}
          rules={[weightsRule]}
          dependencies={['amount']}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={t('supply.grades.effectiveOn')}
          rules={[{ required: true, message: t('supply.grades.effectiveOnRequired') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
