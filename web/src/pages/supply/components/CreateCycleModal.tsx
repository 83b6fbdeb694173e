import { App, DatePicker, Form, Input, Modal, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError, fieldErrorsOf } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { cutoffPattern, cycleCodeOf, isMonday, newCycleRequest, nextMonday } from '../cycle-form.ts';
import { createCycle, useSupplyMutation } from '../supply.api.ts';

type Values = { weekStart: Dayjs | null; orderDayOnly: boolean; dailyCutoff: string };

export function CreateCycleModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const weekStart = Form.useWatch('weekStart', form);
  const create = useSupplyMutation(createCycle);
  const today = dayjs().format('YYYY-MM-DD');

  const submit = async (values: Values) => {
    if (!values.weekStart) return;
    try {
      const cycle = await create.mutateAsync(
        newCycleRequest({
          weekStart: values.weekStart.format('YYYY-MM-DD'),
          orderDayOnly: values.orderDayOnly,
          dailyCutoff: values.dailyCutoff,
        }),
      );
      message.success(t('supply.cycles.created', { code: cycle.code }));
      onClose();
      navigate(`/supply/cycles/${cycle.id}`);
    } catch (error) {
      const fields = fieldErrorsOf(error).filter((field) => ['weekStart', 'dailyCutoff'].includes(field.name));
      if (fields.length > 0) form.setFields(fields as never);
      else message.error(describeError(error, t));
    }
  };

  return (
    <Modal
      open={isOpen}
      title={t('supply.cycles.createTitle')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ weekStart: dayjs(nextMonday(today)), orderDayOnly: true, dailyCutoff: '17:00' }}
        onFinish={submit}
      >
        <Form.Item
          name="weekStart"
          label={t('supply.cycles.weekStart')}
          rules={[{ required: true, message: t('supply.cycles.weekStartRequired') }]}
          extra={
            weekStart ? (
              <Typography.Text type="secondary">
                {t('supply.cycles.codePreview', { code: cycleCodeOf(weekStart.format('YYYY-MM-DD')) })} ·{' '}
                {format.cycleWeek(weekStart.format('YYYY-MM-DD'))}
              </Typography.Text>
            ) : null
          }
        >
          <DatePicker disabledDate={(day) => !isMonday(day.format('YYYY-MM-DD'))} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="orderDayOnly"
          label={t('supply.cycles.orderDayOnly')}
          valuePropName="checked"
          extra={t('supply.cycles.orderDayOnlyHelp')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="dailyCutoff"
          label={t('supply.cycles.dailyCutoff')}
          rules={[{ pattern: cutoffPattern, required: true, message: t('supply.cycles.dailyCutoffInvalid') }]}
        >
          <Input style={{ width: 120 }} placeholder="17:00" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
