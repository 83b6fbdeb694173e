import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { createTier, editTier, type Tier, type TierInput, terminalKeys, tierItemCategories } from '../terminals.api.ts';

type FormValues = TierInput;

const blankItem = { name: '', category: 'display', mandatory: false, maxScore: 10 } as const;

// 等级标准: a tier's name, rank, pass mark, funding, fixtures, re-inspection interval and its
// checklist (each item mandatory, scored, or both). The server checks the standard can be met.
export function TierEditor({ tier, onClose }: { tier: Tier | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: (input: TierInput) => (tier ? editTier({ id: tier.id, input }) : createTier(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: terminalKeys.all });
      onClose();
    },
  });
  const initial: FormValues = tier
    ? {
        name: tier.name,
        rank: tier.rank,
        passScore: tier.passScore,
        fundingYuan: tier.fundingYuan,
        fixtures: tier.fixtures,
        reinspectionMonths: tier.reinspectionMonths,
        active: tier.active,
        items: tier.items,
      }
    : {
        name: '',
        rank: 1,
        passScore: 60,
        fundingYuan: 0,
        fixtures: [],
        reinspectionMonths: 12,
        active: true,
        items: [{ ...blankItem }],
      };

  return (
    <Modal
      open
      width={760}
      title={tier ? t('terminals.tiers.editTitle', { name: tier.name }) : t('terminals.tiers.createTitle')}
      okText={t('terminals.save')}
      cancelText={t('terminals.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
    >
      {save.error ? (
        <Alert type="error" showIcon title={describeError(save.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Flex gap={12} wrap>
          <Form.Item name="name" label={t('terminals.tiers.name')} rules={[{ required: true, max: 30 }]}>
            <Input style={{ width: 200 }} maxLength={30} />
          </Form.Item>
          <Form.Item name="rank" label={t('terminals.tiers.rank')} tooltip={t('terminals.tiers.rankHelp')}>
            <InputNumber min={1} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="passScore" label={t('terminals.tiers.passScore')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="reinspectionMonths" label={t('terminals.tiers.reinspectionMonths')}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item name="fundingYuan" label={t('terminals.tiers.fundingYuan')}>
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="active" label={t('terminals.tiers.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="fixtures" label={t('terminals.tiers.fixtures')}>
          <Select mode="tags" maxCount={20} placeholder={t('terminals.tiers.fixturesPlaceholder')} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap data-testid="tier-item-row">
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, max: 60 }]}
                    style={{ flex: 1, minWidth: 220 }}
                  >
                    <Input placeholder={t('terminals.tiers.itemName')} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'category']}>
                    <Select
                      style={{ width: 120 }}
                      aria-label={t('terminals.tiers.category')}
                      options={tierItemCategories.map((value) => ({
                        value,
                        label: t(`terminals.categories.${value}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mandatory']} valuePropName="checked">
                    <Checkbox>{t('terminals.tiers.mandatory')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxScore']}>
                    <InputNumber min={0} max={100} addonBefore={t('terminals.tiers.maxScore')} style={{ width: 150 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('terminals.tiers.removeItem')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...blankItem })} disabled={fields.length >= 50}>
                {t('terminals.tiers.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
