import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { useStaffDirectory } from '../../../shared/staff-directory.ts';
import { contestInputOf, deadlineIssue } from '../contest-form.ts';
import { type Contest, createContest, useContestMutation } from '../contests.api.ts';

type Values = {
  title?: string;
  rules?: string;
  period?: [Dayjs, Dayjs] | null;
  entryDeadline?: Dayjs | null;
  criteria?: { label?: string; weight?: number | null; maxScore?: number | null }[];
  judgeIds?: number[];
  winnerCount?: number | null;
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

// 新建陈列大赛: the period and entry deadline, the rules the stores read, the weighted criteria
// (the 五度-like defaults to start from) and the judges, from the staff directory.
export function ContestEditor({ onClose, onSaved }: { onClose: () => void; onSaved: (contest: Contest) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const create = useContestMutation(createContest);
  const [judgeSearch, setJudgeSearch] = useState('');
  const directory = useStaffDirectory(judgeSearch);
  const [known, setKnown] = useState(new Map<number, string>());
  const judgeOptions = useMemo(() => {
    const options = new Map(known);
    for (const entry of directory.data?.items ?? [])
      options.set(entry.id, `${entry.name} · ${t(`roles.${entry.role}`)} · ${entry.orgUnitName}`);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [known, directory.data, t]);

  const initialValues: Values = useMemo(
    () => ({
      criteria: [
        { label: t('contests.editor.defaultCriteria.creativity'), weight: 40, maxScore: 10 },
        { label: t('contests.editor.defaultCriteria.tidiness'), weight: 30, maxScore: 10 },
        { label: t('contests.editor.defaultCriteria.richness'), weight: 30, maxScore: 10 },
      ],
      judgeIds: [],
      winnerCount: 10,
    }),
    [t],
  );

  const required = (field: string) => [{ required: true, message: t('contests.editor.required', { field }) }];

  const submit = async (values: Values) => {
    setFailure(null);
    const input = contestInputOf({
      ...values,
      startsOn: day(values.period?.[0]),
      endsOn: day(values.period?.[1]),
      entryDeadline: day(values.entryDeadline),
    });
    try {
      const contest = await create.mutateAsync(input);
      message.success(t('contests.editor.created'));
      onSaved(contest);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['title', 'rules', 'judgeIds', 'winnerCount'])) setFailure(error);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      destroyOnHidden
      size={720}
      title={t('contests.editor.title')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('contests.editor.cancel')}</Button>
          <ActionButton
            action="POST /api/v1/contests"
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
          >
            {t('contests.editor.submit')}
          </ActionButton>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={describeError(failure, t)}
            style={{ marginBottom: 16 }}
            data-testid="contest-editor-problem"
          />
        ) : null}
        <Form.Item name="title" label={t('contests.editor.name')} rules={required(t('contests.editor.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="rules" label={t('contests.editor.rules')} rules={required(t('contests.editor.rules'))}>
          <Input.TextArea
            maxLength={4000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('contests.editor.rulesPlaceholder')}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="period" label={t('contests.editor.period')} rules={required(t('contests.editor.period'))}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="entryDeadline"
              label={t('contests.editor.deadline')}
              extra={t('contests.editor.deadlineHelp')}
              dependencies={['period']}
              rules={[
                ...required(t('contests.editor.deadline')),
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const period = getFieldValue('period') as [Dayjs, Dayjs] | null;
                    const issue = deadlineIssue({
                      startsOn: day(period?.[0]),
                      endsOn: day(period?.[1]),
                      entryDeadline: day(value),
                    });
                    return issue ? Promise.reject(new Error(t('contests.editor.deadlineOutside'))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('contests.editor.criteria')} required>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'label']}
                      style={{ flex: 1 }}
                      rules={required(t('contests.editor.criterionLabel'))}
                    >
                      <Input maxLength={40} placeholder={t('contests.editor.criterionLabel')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} rules={required(t('contests.editor.weight'))}>
                      <InputNumber
                        min={1}
                        max={100}
                        prefix={t('contests.editor.weight')}
                        aria-label={t('contests.editor.weight')}
                        style={{ width: 130 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'maxScore']} rules={required(t('contests.editor.maxScore'))}>
                      <InputNumber
                        min={1}
                        max={100}
                        precision={0}
                        prefix={t('contests.editor.maxScore')}
                        aria-label={t('contests.editor.maxScore')}
                        style={{ width: 130 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('contests.editor.removeCriterion')}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                {fields.length < 10 ? (
                  <Button icon={<PlusOutlined />} onClick={() => add({ label: '', weight: 10, maxScore: 10 })}>
                    {t('contests.editor.addCriterion')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={18}>
            <Form.Item
              name="judgeIds"
              label={t('contests.editor.judges')}
              rules={required(t('contests.editor.judges'))}
            >
              <Select<number[]>
                mode="multiple"
                showSearch
                filterOption={false}
                onSearch={setJudgeSearch}
                placeholder={t('contests.editor.judgesPlaceholder')}
                options={judgeOptions}
                onChange={(ids, options) => {
                  const next = new Map(known);
                  for (const option of [options].flat())
                    if (option && ids.includes(Number(option.value)))
                      next.set(Number(option.value), String(option.label));
                  setKnown(next);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="winnerCount"
              label={t('contests.editor.winnerCount')}
              rules={required(t('contests.editor.winnerCount'))}
            >
              <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
