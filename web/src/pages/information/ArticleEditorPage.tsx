import { EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { SegmentFields } from '../../shared/SegmentFields.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ArticleBody } from './components.tsx';
import {
  type Article,
  type ArticleFile,
  type ArticleInput,
  createArticle,
  previewBody,
  publishArticle,
  updateArticle,
  uploadAttachment,
  uploadImage,
  useArticle,
  useArticleMutation,
  useCategories,
} from './information.api.ts';
import { RichTextEditor } from './RichTextEditor.tsx';

type Segment = NonNullable<ArticleInput['target']>;

type Draft = {
  title?: string;
  categoryId?: number;
  summary?: string;
  bodyHtml?: string;
  acknowledgeRequired?: boolean;
  targetMode: 'everyone' | 'segment';
  segment?: Segment;
};

// Keeps only the conditions the user set (an empty list or an unset grade does not narrow).
export function compactSegment(segment: Segment | undefined): Segment {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(segment ?? {})) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null) result[key] = value;
  }
  return result as Segment;
}

export function toArticleInput(draft: Draft, cover: ArticleFile | null, attachments: ArticleFile[]): ArticleInput {
  return {
    categoryId: draft.categoryId ?? 0,
    title: draft.title?.trim() ?? '',
    ...(draft.summary?.trim() ? { summary: draft.summary.trim() } : {}),
    bodyHtml: draft.bodyHtml ?? '',
    acknowledgeRequired: draft.acknowledgeRequired ?? false,
    target: draft.targetMode === 'everyone' ? null : compactSegment(draft.segment),
    coverFileId: cover?.id ?? null,
    attachmentIds: attachments.map((file) => file.id),
  };
}

// 资讯管理 › 写资讯 / 修改资讯: title, category, summary, body (sanitised by the server; a preview shows
// what it will store), important, target (every store or a segment: a branch's writer only its own
// stores), cover and attachments; saved as a draft, published now or scheduled.
export function ArticleEditorPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const existing = useArticle(id);
  const categories = useCategories();
  const [form] = Form.useForm<Draft>();
  const [cover, setCover] = useState<ArticleFile | null>(null);
  const [attachments, setAttachments] = useState<ArticleFile[]>([]);
  const [preview, setPreview] = useState<{ html: string; removed: boolean } | null>(null);
  const [scheduling, setScheduling] = useState<Dayjs | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const targetMode = Form.useWatch('targetMode', form);
  const save = useArticleMutation((input: ArticleInput) => (id ? updateArticle(id, input) : createArticle(input)));
  const [loaded, setLoaded] = useState(id === undefined);

  useEffect(() => {
    const article: Article | undefined = existing.data;
    if (!article || loaded) return;
    form.setFieldsValue({
      title: article.title,
      categoryId: article.categoryId,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      acknowledgeRequired: article.acknowledgeRequired,
      targetMode: article.target ? 'segment' : 'everyone',
      segment: (article.target ?? {}) as Segment,
    });
    setCover(article.cover);
    setAttachments(article.attachments);
    setLoaded(true);
  }, [existing.data, form, loaded]);

  const submit = async (then: 'draft' | 'now' | Dayjs) => {
    setError(null);
    const draft = await form.validateFields();
    try {
      const saved = await save.mutateAsync(toArticleInput(draft, cover, attachments));
      if (then === 'draft') {
        message.success(t('information.editor.saved'));
      } else {
        const published = await publishArticle(saved.id, then === 'now' ? null : then.toISOString());
        message.success(
          published.status === 'scheduled'
            ? t('information.editor.scheduled', { time: format.dateTime(published.publishAt) })
            : t('information.editor.published', { count: published.targeted }),
        );
      }
      navigate(`/articles/${saved.id}`);
    } catch (caught) {
      setError(caught);
    }
  };

  if (id !== undefined && !loaded)
    return existing.error ? <Alert type="error" title={describeError(existing.error, t)} /> : <Spin />;

  return (
    <PageContainer
      title={t(id ? 'information.editor.editTitle' : 'information.editor.newTitle')}
      extra={
        <>
          <Button
            icon={<EyeOutlined />}
            onClick={async () => setPreview(await previewBody(form.getFieldValue('bodyHtml') ?? ''))}
          >
            {t('information.editor.preview')}
          </Button>
          <Button loading={save.isPending} onClick={() => submit('draft')}>
            {t('information.editor.saveDraft')}
          </Button>
          <Button onClick={() => setScheduling(null)}>{t('information.editor.schedule')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => submit('now')}>
            {t('information.editor.publishNow')}
          </Button>
        </>
      }
    >
      {error ? <Alert style={{ marginBottom: 12 }} type="error" showIcon title={describeError(error, t)} /> : null}
      <Form<Draft>
        form={form}
        name="article"
        layout="vertical"
        initialValues={{ targetMode: 'everyone', acknowledgeRequired: false, segment: {} }}
        style={{ maxWidth: 960 }}
      >
        <Card>
          <Form.Item
            name="title"
            label={t('information.editor.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('information.editor.required', { field: t('information.editor.title') }),
              },
            ]}
          >
            <Input maxLength={100} showCount />
          </Form.Item>
          <Space size={24} wrap align="start">
            <Form.Item
              name="categoryId"
              label={t('information.editor.category')}
              rules={[
                {
                  required: true,
                  message: t('information.editor.required', { field: t('information.editor.category') }),
                },
              ]}
            >
              <Select
                style={{ width: 200 }}
                options={(categories.data?.items ?? [])
                  .filter((category) => !category.archived)
                  .map((category) => ({ value: category.id, label: category.name }))}
              />
            </Form.Item>
            <Form.Item name="acknowledgeRequired" label={t('information.editor.important')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label={t('information.editor.summary')} extra={t('information.editor.summaryHelp')}>
            <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item
            name="bodyHtml"
            label={t('information.editor.body')}
            extra={t('information.editor.bodyHelp')}
            rules={[
              { required: true, message: t('information.editor.required', { field: t('information.editor.body') }) },
            ]}
          >
            <RichTextEditor />
          </Form.Item>
          <Form.Item label={t('information.editor.cover')}>
            <Space align="start">
              {cover ? <img className="article-cover" src={`/api/v1/article-files/${cover.id}`} alt="" /> : null}
              <Upload
                accept="image/jpeg,image/png,image/webp"
                showUploadList={false}
                customRequest={async ({ file }) => {
                  try {
                    setCover(await uploadImage(file as File));
                  } catch (caught) {
                    message.error(describeError(caught, t));
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>{t('information.editor.uploadCover')}</Button>
              </Upload>
              {cover ? <Button onClick={() => setCover(null)}>{t('information.editor.remove')}</Button> : null}
            </Space>
          </Form.Item>
          <Form.Item label={t('information.editor.attachments')}>
            <Space orientation="vertical">
              {attachments.map((file) => (
                <Space key={file.id}>
                  <PaperClipOutlined />
                  <Typography.Text>{file.fileName}</Typography.Text>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setAttachments(attachments.filter((other) => other.id !== file.id))}
                  >
                    {t('information.editor.remove')}
                  </Button>
                </Space>
              ))}
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  try {
                    const uploaded = await uploadAttachment(file as File);
                    setAttachments((list) => [...list, uploaded]);
                  } catch (caught) {
                    message.error(describeError(caught, t));
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>{t('information.editor.uploadAttachment')}</Button>
              </Upload>
            </Space>
          </Form.Item>
        </Card>
        <Card style={{ marginTop: 16 }} title={t('information.editor.target')}>
          <Form.Item name="targetMode">
            <Radio.Group
              options={[
                { value: 'everyone', label: t('information.editor.everyone') },
                { value: 'segment', label: t('information.editor.segment') },
              ]}
            />
          </Form.Item>
          {targetMode === 'segment' ? <SegmentFields /> : null}
        </Card>
      </Form>
      <Modal
        open={preview !== null}
        title={t('information.editor.previewTitle')}
        footer={null}
        width={480}
        onCancel={() => setPreview(null)}
      >
        {preview?.removed ? <Alert type="warning" showIcon title={t('information.editor.previewRemoved')} /> : null}
        <ArticleBody html={preview?.html ?? ''} />
      </Modal>
      <Modal
        open={scheduling !== undefined}
        title={t('information.editor.schedule')}
        okText={t('information.editor.scheduleConfirm')}
        okButtonProps={{ disabled: !scheduling }}
        onCancel={() => setScheduling(undefined)}
        onOk={() => {
          if (scheduling) void submit(scheduling);
          setScheduling(undefined);
        }}
      >
        <Form.Item label={t('information.editor.scheduleAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={scheduling}
            onChange={setScheduling}
          />
        </Form.Item>
      </Modal>
    </PageContainer>
  );
}
