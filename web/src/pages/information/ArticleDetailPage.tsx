import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Segmented, Space, Spin, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ArticleBody, ArticleStatusTag, ImportantTag, rateText } from './components.tsx';
import {
  groupings,
  publishArticle,
  type ReceiptGrouping,
  type ReceiptRow,
  type UnreadStore,
  useArticle,
  useArticleMutation,
  useReceipts,
  useUnreadStores,
  withdrawArticle,
} from './information.api.ts';
import './information.css';

// 资讯管理 › an article: its figures (stores sent to, read and acknowledged, and the rates), the
// receipts grouped by branch, manager, class or format (the caller's stores), the stores that have
// not read it (or, if important, not acknowledged it), and its body as stores see it.
export function ArticleDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const id = Number(useParams().id);
  const article = useArticle(id);
  const [groupBy, setGroupBy] = useState<ReceiptGrouping>('branch');
  const [page, setPage] = useState(1);
  const publish = useArticleMutation(() => publishArticle(id, null));
  const withdraw = useArticleMutation(() => withdrawArticle(id));

  if (article.error) return <Alert type="error" showIcon title={describeError(article.error, t)} />;
  if (!article.data) return <Spin />;
  const data = article.data;
  const isOut = data.status === 'published' || data.status === 'withdrawn';

  return (
    <PageContainer
      title={
        <Space wrap>
          {data.title}
          <ArticleStatusTag status={data.status} />
          {data.acknowledgeRequired ? <ImportantTag /> : null}
        </Space>
      }
      extra={
        <>
          {data.canEdit ? (
            <ActionButton action="PUT /api/v1/articles/:id" onClick={() => navigate(`/articles/${id}/edit`)}>
              {t('information.detail.edit')}
            </ActionButton>
          ) : null}
          {data.canEdit ? (
            <ActionButton
              action="POST /api/v1/articles/:id/publish"
              type="primary"
              loading={publish.isPending}
              onClick={() => publish.mutate(undefined)}
            >
              {t('information.detail.publish')}
            </ActionButton>
          ) : null}
          {data.status === 'published' ? (
            <ActionButton
              action="POST /api/v1/articles/:id/withdraw"
              danger
              onClick={() =>
                modal.confirm({
                  content: t('information.detail.withdrawConfirm'),
                  onOk: () => withdraw.mutateAsync(undefined),
                })
              }
            >
              {t('information.detail.withdraw')}
            </ActionButton>
          ) : null}
        </>
      }
    >
      {publish.error || withdraw.error ? (
        <Alert type="error" showIcon title={describeError(publish.error ?? withdraw.error, t)} />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'category', label: t('information.list.columns.category'), children: data.category },
          {
            key: 'time',
            label: t('information.list.columns.time'),
            children: format.dateTime(data.publishedAt ?? data.publishAt),
          },
          { key: 'author', label: t('information.detail.author'), children: data.authorName },
          { key: 'target', label: t('information.detail.target'), children: data.targetLabel, span: 3 },
        ]}
      />
      <Row gutter={16} style={{ margin: '16px 0' }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('information.detail.targeted')} value={data.targeted} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('information.detail.read')} value={data.read} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('information.detail.readRate')}
              value={isOut ? rateText(data.read, data.targeted) : '–'}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('information.detail.ackRate')}
              value={isOut && data.acknowledgeRequired ? rateText(data.acknowledged, data.targeted) : '–'}
            />
          </Card>
        </Col>
      </Row>
      {isOut ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('information.detail.receipts')}
              extra={
                <Segmented<ReceiptGrouping>
                  size="small"
                  value={groupBy}
                  onChange={setGroupBy}
                  options={groupings.map((value) => ({ value, label: t(`information.detail.groupBy.${value}`) }))}
                />
              }
            >
              <Receipts id={id} groupBy={groupBy} acknowledgeRequired={data.acknowledgeRequired} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t(data.acknowledgeRequired ? 'information.detail.unacknowledged' : 'information.detail.unread')}
            >
              <UnreadStores id={id} page={page} onPage={setPage} />
            </Card>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon title={t('information.detail.notPublished')} />
      )}
      <Card size="small" style={{ marginTop: 16 }} title={t('information.detail.content')}>
        {data.cover ? <img className="article-cover" src={data.cover.url} alt="" /> : null}
        <ArticleBody html={data.bodyHtml} style={{ maxWidth: 720 }} />
        {data.attachments.length > 0 ? (
          <Space orientation="vertical" style={{ marginTop: 12 }}>
            <strong>{t('information.detail.attachments')}</strong>
            {data.attachments.map((file) => (
              <Button key={file.id} type="link" icon={<PaperClipOutlined />} href={file.url} target="_blank">
                {file.fileName}
              </Button>
            ))}
          </Space>
        ) : null}
      </Card>
    </PageContainer>
  );
}

function Receipts({
  id,
  groupBy,
  acknowledgeRequired,
}: {
  id: number;
  groupBy: ReceiptGrouping;
  acknowledgeRequired: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipts = useReceipts(id, groupBy);
  return (
    <Table<ReceiptRow>
      rowKey="key"
      size="small"
      loading={receipts.isFetching}
      dataSource={receipts.data?.rows ?? []}
      pagination={false}
      scroll={{ y: 360 }}
      columns={[
        { title: t('information.detail.columns.label'), dataIndex: 'label' },
        {
          title: t('information.detail.columns.targeted'),
          dataIndex: 'targeted',
          align: 'right',
          width: 80,
          render: (v: number) => format.number(v),
        },
        {
          title: t('information.detail.columns.read'),
          dataIndex: 'read',
          align: 'right',
          width: 80,
          render: (v: number) => format.number(v),
        },
        {
          title: t('information.detail.columns.readRate'),
          key: 'readRate',
          align: 'right',
          width: 90,
          render: (_, row) => rateText(row.read, row.targeted),
        },
        ...(acknowledgeRequired
          ? [
              {
                title: t('information.detail.columns.ackRate'),
                key: 'ackRate',
                align: 'right' as const,
                width: 90,
                render: (_: unknown, row: ReceiptRow) => rateText(row.acknowledged, row.targeted),
              },
            ]
          : []),
      ]}
    />
  );
}

function UnreadStores({ id, page, onPage }: { id: number; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stores = useUnreadStores(id, page);
  return (
    <Table<UnreadStore>
      rowKey="customerId"
      size="small"
      loading={stores.isFetching}
      dataSource={stores.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 20,
        total: stores.data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPage,
        size: 'small',
      }}
      columns={[
        { title: t('information.detail.unreadColumns.store'), dataIndex: 'customerName' },
        { title: t('information.detail.unreadColumns.branch'), dataIndex: 'branchName', width: 120 },
        { title: t('information.detail.unreadColumns.manager'), dataIndex: 'managerName', width: 100 },
        {
          title: t('information.detail.unreadColumns.readAt'),
          dataIndex: 'readAt',
          width: 140,
          render: (v: string | null) => (v ? format.dateTime(v) : '–'),
        },
      ]}
    />
  );
}
