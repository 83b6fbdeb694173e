import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { SegmentFields } from '../../../shared/SegmentFields.tsx';
import { useStaffDirectory } from '../../../shared/staff-directory.ts';
import { type SessionValues, sessionInputOf, valuesOfSession } from '../session-form.ts';
import {
  createSession,
  type Session,
  sessionKinds,
  updateSession,
  useTrainers,
  useTrainingMutation,
} from '../training.api.ts';

// 新建/修改培训: topic and kind, the trainer (a staff member or an active 内训师), place and time,
// seats and the two deadlines, the stores it is for (the shared segment fields), and the post-test.
export function SessionEditor({
  session,
  onClose,
  onSaved,
}: {
  session?: Session;
  onClose: () => void;
  onSaved: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const create = useTrainingMutation(createSession);
  const update = useTrainingMutation(updateSession);
  const [staffSearch, setStaffSearch] = useState('');
  const directory = useStaffDirectory(staffSearch);
  const trainers = useTrainers();
  const trainerKind = Form.useWatch('trainerKind', form) ?? 'staff';

  const staffOptions = useMemo(() => {
    const options = new Map<number, string>();
    if (session?.trainer.kind === 'staff') options.set(session.trainer.id, session.trainer.name);
    for (const entry of directory.data?.items ?? [])
      options.set(entry.id, `${entry.name} · ${t(`roles.${entry.role}`)} · ${entry.orgUnitName}`);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [directory.data, session, t]);
  const storeOptions = (trainers.data?.items ?? [])
    .filter((trainer) => trainer.active)
    .map((trainer) => ({
      value: trainer.customerId,
      label: `${trainer.customerName}${trainer.topics.length > 0 ? ` · ${trainer.topics.join('、')}` : ''}`,
    }));

  const initialValues: SessionValues = useMemo(() => {
    if (session) return valuesOfSession(session, (iso) => dayjs(iso));
    const start = dayjs().add(7, 'day').hour(14).minute(30).second(0);
    return {
      kind: 'brand_classroom',
      trainerKind: 'staff',
      time: [start, start.add(2, 'hour')],
      capacity: 30,
      signupDeadline: start.subtract(2, 'day').hour(17).minute(0),
      cancelDeadline: start.subtract(1, 'day').hour(17).minute(0),
      questions: [],
      passPercent: 60,
      segment: {},
    };
  }, [session]);

  const required = (field: string) => [{ required: true, message: t('training.editor.required', { field }) }];
  const busy = create.isPending || update.isPending;

  const submit = async (values: SessionValues) => {
    setFailure(null);
    const input = sessionInputOf(values);
    try {
      const saved = session ? await update.mutateAsync({ id: session.id, input }) : await create.mutateAsync(input);
      message.success(t('training.editor.saved'));
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['title', 'place', 'capacity', 'signupDeadline', 'cancelDeadline']))
        setFailure(error);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      destroyOnHidden
      size={760}
      title={session ? t('training.editor.editTitle') : t('training.editor.newTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('training.editor.cancel')}</Button>
          <ActionButton
            action={session ? 'PUT /api/v1/trainings/:id' : 'POST /api/v1/trainings'}
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
          >
            {t('training.editor.save')}
          </ActionButton>
        </Flex>
      }
    >
      <Form<SessionValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={describeError(failure, t)}
            style={{ marginBottom: 16 }}
            data-testid="session-editor-problem"
          />
        ) : null}
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('training.editor.name')} rules={required(t('training.editor.name'))}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('training.editor.kind')} rules={required(t('training.editor.kind'))}>
              <Select options={sessionKinds.map((kind) => ({ value: kind, label: t(`training.kinds.${kind}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('training.editor.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="trainerKind" label={t('training.editor.trainerKind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'staff', label: t('training.editor.staffTrainer') },
                  { value: 'store', label: t('training.editor.storeTrainer') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            {trainerKind === 'staff' ? (
              <Form.Item
                name="trainerUserId"
                label={t('training.editor.staffTrainer')}
                rules={required(t('training.editor.staffTrainer'))}
              >
                <Select<number>
                  showSearch
                  filterOption={false}
                  onSearch={setStaffSearch}
                  placeholder={t('training.editor.chooseStaff')}
                  options={staffOptions}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="trainerCustomerId"
                label={t('training.editor.storeTrainer')}
                rules={required(t('training.editor.storeTrainer'))}
              >
                <Select<number>
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('training.editor.chooseStore')}
                  options={storeOptions}
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="place" label={t('training.editor.place')} rules={required(t('training.editor.place'))}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="time" label={t('training.editor.time')} rules={required(t('training.editor.time'))}>
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item
              name="capacity"
              label={t('training.editor.capacity')}
              rules={required(t('training.editor.capacity'))}
            >
              <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="signupDeadline"
              label={t('training.editor.signupDeadline')}
              extra={t('training.editor.deadlineHelp')}
              rules={required(t('training.editor.signupDeadline'))}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="cancelDeadline"
              label={t('training.editor.cancelDeadline')}
              extra={t('training.editor.deadlineHelp')}
              rules={required(t('training.editor.cancelDeadline'))}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('training.editor.target')}
        </Divider>
        <SegmentFields />
        <Divider titlePlacement="start" plain>
          {t('training.editor.test')}
        </Divider>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={`${t('training.editor.question')} ${index + 1}`}
                    style={{ flex: '1 1 260px' }}
                    rules={required(t('training.editor.question'))}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'options']}
                    label={t('training.editor.options')}
                    style={{ flex: '1 1 220px' }}
                    rules={required(t('training.editor.options'))}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'answer']} label={t('training.editor.answer')}>
                    <InputNumber min={1} max={6} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`${t('training.editor.question')} ${index + 1}`}
                    style={{ marginTop: 30 }}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              {fields.length < 20 ? (
                <Button icon={<PlusOutlined />} onClick={() => add({ text: '', options: '', answer: 1 })}>
                  {t('training.editor.addQuestion')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item name="passPercent" label={t('training.editor.passPercent')} style={{ marginTop: 16 }}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
