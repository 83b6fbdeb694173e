import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { ArticleStatusTag, ImportantTag, rateText } from './components.tsx';
import {
  type ArticleFilter,
  type ArticleStatus,
  type ArticleSummary,
  articlePageSize,
  articleStatuses,
  newsletterUrl,
  useArticles,
  useCategories,
} from './information.api.ts';

// 信息服务 › 资讯管理: the articles the caller sees, newest first, filtered by status, category and
// title, with their read and acknowledgement rates; writers start one here; anyone exports a month's
// newsletter (信息小报, .docx) of the articles that reached their stores.
export function ArticlesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ArticleFilter>({ page: 1 });
  const [month, setMonth] = useState(dayjs());
  const articles = useArticles(filter);
  const categories = useCategories();

  return (
    <PageContainer
      title={t('information.title')}
      extra={
        <>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(value) => value && setMonth(value)}
            aria-label={t('information.list.newsletterMonth')}
          />
          <Button icon={<DownloadOutlined />} href={newsletterUrl(month.format('YYYY-MM'))} download>
            {t('information.list.newsletter')}
          </Button>
          <ActionButton
            action="POST /api/v1/articles"
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate('/articles/new')}
          >
            {t('information.list.new')}
          </ActionButton>
        </>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<ArticleStatus | undefined>
          style={{ width: 140 }}
          allowClear
          placeholder={t('information.list.allStatuses')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          options={articleStatuses.map((value) => ({ value, label: t(`information.statuses.${value}`) }))}
        />
        <Select<number | undefined>
          style={{ width: 160 }}
          allowClear
          placeholder={t('information.list.allCategories')}
          value={filter.categoryId}
          onChange={(categoryId) => setFilter({ ...filter, categoryId, page: 1 })}
          options={(categories.data?.items ?? []).map((category) => ({ value: category.id, label: category.name }))}
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('information.list.search')}
          onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })}
        />
      </Space>
      {articles.error ? <Alert type="error" showIcon title={describeError(articles.error, t)} /> : null}
      <Table<ArticleSummary>
        rowKey="id"
        size="middle"
        loading={articles.isFetching}
        dataSource={articles.data?.items ?? []}
        locale={{ emptyText: t('information.list.empty') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: filter.page,
          pageSize: articlePageSize,
          total: articles.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setFilter({ ...filter, page }),
        }}
        columns={[
          {
            title: t('information.list.columns.title'),
            dataIndex: 'title',
            width: 320,
            render: (title: string, row) => (
              <Space size={4} wrap>
                <Link to={`/articles/${row.id}`}>{title}</Link>
                {row.acknowledgeRequired ? <ImportantTag /> : null}
              </Space>
            ),
          },
          { title: t('information.list.columns.category'), dataIndex: 'category', width: 110 },
          {
            title: t('information.list.columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: ArticleStatus) => <ArticleStatusTag status={status} />,
          },
          {
            title: t('information.list.columns.time'),
            key: 'time',
            width: 160,
            render: (_, row) => format.dateTime(row.publishedAt ?? row.publishAt),
          },
          {
            title: t('information.list.columns.targeted'),
            dataIndex: 'targeted',
            width: 100,
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('information.list.columns.readRate'),
            key: 'read',
            width: 90,
            align: 'right',
            render: (_, row) =>
              row.status === 'draft' || row.status === 'scheduled' ? '–' : rateText(row.read, row.targeted),
          },
          {
            title: t('information.list.columns.ackRate'),
            key: 'ack',
            width: 90,
            align: 'right',
            render: (_, row) =>
              row.acknowledgeRequired && row.publishedAt ? rateText(row.acknowledged, row.targeted) : '–',
          },
          { title: t('information.list.columns.author'), dataIndex: 'authorName', width: 120 },
        ]}
      />
    </PageContainer>
  );
}
