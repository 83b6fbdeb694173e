import { Alert, App, Checkbox, Flex, Form, Image, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { useOrgUnits } from '../../shared/org-units.api.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type FeedbackItem,
  type FeedbackQuery,
  type FeedbackState,
  type FeedbackTopic,
  feedbackPhotoUrl,
  feedbackTopics,
  useAnswerFeedback,
  useCategoriseFeedback,
  useFeedbackQueue,
} from './consumer-feedback.api.ts';
import { useFeedbackProducts } from './feedback-products.ts';

const pageSize = 20;
const stateColours: Record<FeedbackState, string> = { open: 'processing', overdue: 'error', answered: 'success' };

export function FeedbackStateTag({ state }: { state: FeedbackState }) {
  const { t } = useTranslation();
  return <Tag color={stateColours[state]}>{t(`consumerFeedback.states.${state}`)}</Tag>;
}

// 信息服务 › 消费者意见: what stores relayed from consumers, in the caller's scope, unanswered first
// and the earliest due first. The due time is the complaints' clock (the item's ticket). Answer
// (the store sees it in the portal) and categorise from the row.
export function FeedbackQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<Omit<FeedbackQuery, 'limit' | 'offset'>>({ state: 'open' });
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<FeedbackItem | null>(null);
  const [categorising, setCategorising] = useState<FeedbackItem | null>(null);
  const queue = useFeedbackQueue({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const orgUnits = useOrgUnits();
  const products = useFeedbackProducts();
  const branches = (orgUnits.data ?? []).filter((unit) => unit.kind === 'branch');
  const filter = (change: Partial<typeof filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(1);
  };

  return (
    <PageContainer title={t('consumerFeedback.title')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('consumerFeedback.columns.state')}
          placeholder={t('consumerFeedback.filters.state')}
          value={filters.state}
          onChange={(state) => filter({ state })}
          options={(['open', 'answered'] as const).map((value) => ({
            value,
            label: t(`consumerFeedback.states.${value}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('consumerFeedback.columns.topic')}
          placeholder={t('consumerFeedback.filters.topic')}
          value={filters.topic}
          onChange={(topic) => filter({ topic })}
          options={feedbackTopics.map((value) => ({ value, label: t(`consumerFeedback.topics.${value}`) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          aria-label={t('consumerFeedback.columns.product')}
          placeholder={t('consumerFeedback.filters.product')}
          value={filters.productId}
          onChange={(productId) => filter({ productId })}
          options={(products.data ?? []).map((product) => ({ value: product.id, label: product.name }))}
        />
        {branches.length > 1 ? (
          <Select
            allowClear
            style={{ width: 180 }}
            aria-label={t('consumerFeedback.columns.branch')}
            placeholder={t('consumerFeedback.filters.branch')}
            value={filters.branchId}
            onChange={(branchId) => filter({ branchId })}
            options={branches.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        ) : null}
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => filter({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('consumerFeedback.filters.overdue')}
        </Checkbox>
      </Flex>
      {queue.error ? <Alert type="error" showIcon title={describeError(queue.error, t)} /> : null}
      <Table<FeedbackItem>
        rowKey="id"
        size="middle"
        loading={queue.isFetching}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('consumerFeedback.empty') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: queue.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('consumerFeedback.columns.store'),
            key: 'store',
            width: 170,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Link to={`/customers/${row.customerId}`}>{row.storeName}</Link>
                <Typography.Text type="secondary">{row.branchName}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('consumerFeedback.columns.topic'),
            key: 'topic',
            width: 140,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Tag>{t(`consumerFeedback.topics.${row.topic}`)}</Tag>
                <Typography.Text type="secondary">{row.productName ?? t('consumerFeedback.noProduct')}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('consumerFeedback.columns.text'),
            key: 'text',
            render: (_, row) => (
              <Space direction="vertical" size={4}>
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                  {row.text}
                </Typography.Paragraph>
                {row.hasPhoto ? (
                  <Image width={48} height={48} src={feedbackPhotoUrl(row.id)} alt={t('consumerFeedback.photo')} />
                ) : null}
                {row.answer ? (
                  <Typography.Text type="secondary">
                    {t('consumerFeedback.answer')}：{row.answer}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('consumerFeedback.columns.createdAt'),
            key: 'createdAt',
            width: 140,
            render: (_, row) => format.dateTime(row.createdAt),
          },
          {
            title: t('consumerFeedback.columns.due'),
            key: 'due',
            width: 150,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>{format.dateTime(row.responseDueAt)}</span>
                {row.answeredInTime === null ? null : (
                  <Typography.Text type={row.answeredInTime ? 'success' : 'danger'}>
                    {t(row.answeredInTime ? 'consumerFeedback.inTime' : 'consumerFeedback.late')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('consumerFeedback.columns.state'),
            key: 'state',
            width: 100,
            render: (_, row) => <FeedbackStateTag state={row.state} />,
          },
          {
            title: t('consumerFeedback.columns.actions'),
            key: 'actions',
            width: 140,
            fixed: 'right',
            render: (_, row) => (
              <Space>
                {row.state === 'answered' ? null : (
                  <ActionButton
                    size="small"
                    type="primary"
                    action="POST /api/v1/consumer-feedback/:id/answer"
                    onClick={() => setAnswering(row)}
                  >
                    {t('consumerFeedback.answer')}
                  </ActionButton>
                )}
                <ActionButton
                  size="small"
                  action="PUT /api/v1/consumer-feedback/:id/category"
                  onClick={() => setCategorising(row)}
                >
                  {t('consumerFeedback.categorise')}
                </ActionButton>
              </Space>
            ),
          },
        ]}
      />
      {answering ? <AnswerDialog item={answering} onClose={() => setAnswering(null)} /> : null}
      {categorising ? <CategoriseDialog item={categorising} onClose={() => setCategorising(null)} /> : null}
    </PageContainer>
  );
}

function AnswerDialog({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerFeedback();
  const [form] = Form.useForm<{ answer: string }>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const done = await answer.mutateAsync({ id: item.id, answer: values.answer }).catch(() => null);
    if (!done) return;
    message.success(t('consumerFeedback.answered'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('consumerFeedback.answerTitle')}
      okText={t('consumerFeedback.answer')}
      cancelText={t('consumerFeedback.cancel')}
      confirmLoading={answer.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {item.storeName} · {t(`consumerFeedback.topics.${item.topic}`)} ·{' '}
        {t('consumerFeedback.ticket', { id: item.ticketId })}
      </Typography.Paragraph>
      <Typography.Paragraph>{item.text}</Typography.Paragraph>
      {answer.error ? <Alert type="error" showIcon title={describeError(answer.error, t)} /> : null}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="answer"
          label={t('consumerFeedback.answer')}
          rules={[{ required: true, whitespace: true, message: t('consumerFeedback.answerRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('consumerFeedback.answerPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CategoriseDialog({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categorise = useCategoriseFeedback();
  const products = useFeedbackProducts();
  const [form] = Form.useForm<{ topic: FeedbackTopic; productId?: number | null }>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const done = await categorise
      .mutateAsync({ id: item.id, topic: values.topic, productId: values.productId ?? null })
      .catch(() => null);
    if (!done) return;
    message.success(t('consumerFeedback.categorised'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('consumerFeedback.categoriseTitle')}
      okText={t('consumerFeedback.save')}
      cancelText={t('consumerFeedback.cancel')}
      confirmLoading={categorise.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {categorise.error ? <Alert type="error" showIcon title={describeError(categorise.error, t)} /> : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ topic: item.topic, productId: item.productId }}
      >
        <Form.Item name="topic" label={t('consumerFeedback.columns.topic')} rules={[{ required: true }]}>
          <Select options={feedbackTopics.map((value) => ({ value, label: t(`consumerFeedback.topics.${value}`) }))} />
        </Form.Item>
        <Form.Item name="productId" label={t('consumerFeedback.columns.product')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('consumerFeedback.noProduct')}
            options={(products.data ?? []).map((product) => ({ value: product.id, label: product.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
