import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { draftsOf } from './question-model.ts';
import {
  createQuestionnaire,
  type QuestionnaireKind,
  type QuestionnaireSummary,
  questionnaireKinds,
  type TemplateKind,
  useQuestionnaires,
  useSurveysMutation,
  useTemplates,
} from './surveys.api.ts';

type CreateValues = {
  templateKind?: TemplateKind;
  from: 'template' | 'blank';
  title?: string;
  kind?: QuestionnaireKind;
};

// 新建问卷: from a template (the annual needs questionnaire, the SERVQUAL satisfaction survey) or blank.
function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const from = Form.useWatch('from', form);
  const templates = useTemplates(open);
  const create = useSurveysMutation(createQuestionnaire);

  const submit = async () => {
    const values = await form.validateFields();
    const input =
      values.from === 'template'
        ? { templateKind: values.templateKind as TemplateKind, ...(values.title ? { title: values.title } : {}) }
        : {
            title: values.title ?? '',
            kind: values.kind ?? 'other',
            definition: { pages: [{ name: 'page1', elements: [] }] },
          };
    const created = await create.mutateAsync(input).catch(() => null);
    if (!created) return;
    message.success(t('surveys.questionnaires.created'));
    onClose();
    navigate(`/surveys/questionnaires/${created.id}`);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={520}
      title={t('surveys.questionnaires.createTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action="POST /api/v1/surveys/questionnaires"
            type="primary"
            loading={create.isPending}
            onClick={submit}
          >
            {t('common.create')}
          </ActionButton>
        </Flex>
      }
    >
      {create.error ? (
        <Alert type="error" showIcon title={describeError(create.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues> form={form} layout="vertical" initialValues={{ from: 'template', kind: 'other' }}>
        <Form.Item name="from" label={t('surveys.questionnaires.from')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'template', label: t('surveys.questionnaires.fromTemplate') },
              { value: 'blank', label: t('surveys.questionnaires.fromBlank') },
            ]}
          />
        </Form.Item>
        {from === 'blank' ? (
          <Form.Item name="kind" label={t('surveys.questionnaires.kind')}>
            <Select options={questionnaireKinds.map((kind) => ({ value: kind, label: t(`surveys.kinds.${kind}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item
            name="templateKind"
            label={t('surveys.questionnaires.template')}
            rules={[{ required: true, message: t('surveys.questionnaires.template') }]}
          >
            <Radio.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {(templates.data ?? []).map((template) => (
                  <Radio key={template.templateKind} value={template.templateKind}>
                    <Typography.Text strong>
                      {t(`surveys.questionnaires.templateNames.${template.templateKind}`)}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {t(`surveys.kinds.${template.kind}`)} ·{' '}
                      {t('surveys.questionnaires.templateQuestions', { count: draftsOf(template.definition).length })}
                    </Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('surveys.questionnaires.name')}
          rules={
            from === 'blank'
              ? [{ required: true, whitespace: true, message: t('surveys.questionnaires.titleRequired') }]
              : []
          }
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

// 需求调研 › 问卷: the tenant's questionnaires, each with its kind, version, whether answers lock it
// and how many waves use it.
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuestionnaires();
  const [isCreating, setCreating] = useState(false);

  return (
    <PageContainer
      title={t('surveys.questionnaires.title')}
      extra={
        <ActionButton
          action="POST /api/v1/surveys/questionnaires"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('surveys.questionnaires.create')}
        </ActionButton>
      }
    >
      {list.error ? (
        <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<QuestionnaireSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('surveys.questionnaires.empty') }}
        columns={[
          {
            title: t('surveys.questionnaires.name'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/surveys/questionnaires/${row.id}`}>{title}</Link>,
          },
          {
            title: t('surveys.questionnaires.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (kind: QuestionnaireKind) => t(`surveys.kinds.${kind}`),
          },
          {
            title: t('surveys.questionnaires.version'),
            dataIndex: 'version',
            width: 90,
            render: (version: number) => t('surveys.questionnaires.versionValue', { version }),
          },
          {
            title: t('surveys.questionnaires.locked'),
            dataIndex: 'locked',
            width: 170,
            render: (locked: boolean) =>
              locked ? (
                <Tag icon={<LockOutlined />} color="default">
                  {t('surveys.questionnaires.lockedYes')}
                </Tag>
              ) : (
                <Tag color="green">{t('surveys.questionnaires.lockedNo')}</Tag>
              ),
          },
          {
            title: t('surveys.questionnaires.waves'),
            dataIndex: 'waves',
            width: 90,
            align: 'right',
            render: (waves: number) => format.number(waves),
          },
          {
            title: t('surveys.questionnaires.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (at: string) => format.dateTime(at),
          },
        ]}
      />
      <CreateDrawer open={isCreating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
