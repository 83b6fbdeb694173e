import { App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/auth/use-can.ts';
import { type CustomerClass, customerClasses, type DemoType, demoTypes } from '../../../shared/customer-codes.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  type CustomerClassification as Classification,
  setClassByHand,
  useClassificationMutation,
  useCustomerClassification,
} from '../classification.api.ts';
import { ClassLabel } from './ClassLabel.tsx';
import { WhyTable } from './WhyTable.tsx';

const day = (value: string) => `${value}T12:00:00+08:00`;

// The 360° view's 客户分类 tab: the current class, why (the run that set it, indicator by
// indicator), the history, and (the centre) the class set by hand with a reason.
export function CustomerClassification({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const canSet = useCan()('PUT /api/v1/classification/customers/:id/class');
  const classification = useCustomerClassification(customerId);
  const [isSetting, setSetting] = useState(false);
  const [form] = Form.useForm<{ class: CustomerClass; demoType?: DemoType; reason: string }>();
  const chosen = Form.useWatch('class', form);
  const mutation = useClassificationMutation(setClassByHand);
  const data = classification.data;
  if (!data)
    return (
      <Card loading={classification.isLoading}>
        {classification.error ? describeError(classification.error, t) : null}
      </Card>
    );

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        customerId,
        class: values.class,
        demoType: values.class === 'demonstration' ? (values.demoType ?? null) : null,
        reason: values.reason,
      });
      message.success(t('classification.customer.saved'));
      setSetting(false);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('classification.customer.current')}
        extra={
          canSet ? (
            <Button data-action="PUT /api/v1/classification/customers/:id/class" onClick={() => setSetting(true)}>
              {t('classification.customer.setClass')}
            </Button>
          ) : null
        }
      >
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <span data-testid="current-class">
            <ClassLabel value={data.class} demoType={data.demoType} />
          </span>
        </Flex>
        {data.why ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('classification.customer.why', {
                runId: data.why.runId,
                version: data.why.ruleSetVersion,
                date: format.date(day(data.why.effectiveOn)),
              })}
            </Typography.Paragraph>
            {data.why.override ? (
              <Typography.Paragraph>
                {t('classification.customer.overrideBy', { reason: data.why.override.reason })}
              </Typography.Paragraph>
            ) : null}
            <WhyTable why={data.why} />
          </>
        ) : (
          <Typography.Text type="secondary">{t('classification.customer.noWhy')}</Typography.Text>
        )}
      </Card>
      <Card title={t('classification.customer.history')}>
        {data.history.length === 0 ? (
          <Empty />
        ) : (
          <Table<Classification['history'][number]>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.history}
            columns={[
              {
                title: t('classification.customer.effectiveOn'),
                dataIndex: 'effectiveOn',
                render: (value: string, row) => (
                  <Flex gap={4} align="center">
                    {format.date(day(value))}
                    {row.pending ? <Tag color="gold">{t('classification.customer.pending')}</Tag> : null}
                  </Flex>
                ),
              },
              {
                title: t('classification.customer.change'),
                key: 'change',
                render: (_, row) => (
                  <Flex gap={4} align="center">
                    <ClassLabel value={row.fromClass} demoType={row.fromDemoType} />→
                    <ClassLabel value={row.toClass} demoType={row.toDemoType} />
                  </Flex>
                ),
              },
              {
                title: '',
                key: 'by',
                render: (_, row) =>
                  row.runId
                    ? t('classification.customer.byRun', { runId: row.runId })
                    : t('classification.customer.byHand'),
              },
              { title: t('classification.customer.reason'), dataIndex: 'reason' },
              { title: t('classification.customer.changedBy'), dataIndex: 'changedBy' },
              {
                title: t('classification.customer.changedAt'),
                dataIndex: 'changedAt',
                render: (value: string) => format.dateTime(value),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={isSetting}
        title={t('classification.customer.setClassTitle')}
        onCancel={() => setSetting(false)}
        onOk={submit}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ class: 'special' }}>
          <Form.Item name="class" label={t('customers.fields.class')} rules={[{ required: true }]}>
            <Select options={customerClasses.map((value) => ({ value, label: t(`customers.classes.${value}`) }))} />
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
            label={t('classification.customer.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('classification.runs.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
