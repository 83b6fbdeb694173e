import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalArticlePath } from '../portal-routes.tsx';
import { usePortalFeed } from './articles.api.ts';
import './articles.css';

// 资讯: the articles sent to the store — unread first, then newest — 20 at a time, and a search.
export function ArticleListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const feed = usePortalFeed(q);
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="portal-page">
      <div className="portal-articles-head">
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('portalArticles.back')}
          onClick={() => navigate('/portal')}
        />
        <h2>{t('portalArticles.title')}</h2>
      </div>
      <Input.Search
        size="large"
        allowClear
        maxLength={50}
        placeholder={t('portalArticles.search')}
        onSearch={(value) => setQ(value.trim())}
        aria-label={t('portalArticles.search')}
      />
      {feed.isPending ? (
        <FullPageSpin />
      ) : feed.error ? (
        <FullPageError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : items.length === 0 ? (
        <section className="portal-card">
          <Empty description={t(q ? 'portalArticles.noMatch' : 'portalArticles.empty')} />
        </section>
      ) : (
        <section className="portal-card portal-list">
          {items.map((item) => (
            <Link
              key={item.id}
              className={`portal-list-row portal-news-row${item.read ? '' : ' is-unread'}`}
              to={portalArticlePath(item.id)}
              data-testid="portal-article-row"
            >
              <span className={`portal-news-dot${item.read ? ' is-read' : ''}`} aria-hidden />
              <span className="portal-news-row-text">
                <span className="portal-news-row-title">{item.title}</span>
                <span className="portal-muted">
                  {item.category} · {format.day(item.publishedAt.slice(0, 10))}
                  {item.read ? '' : ` · ${t('portalArticles.unread')}`}
                </span>
              </span>
              {item.acknowledgeRequired ? (
                <Tag color={item.acknowledged ? 'green' : 'red'}>
                  {t(item.acknowledged ? 'portalArticles.acknowledged' : 'portalArticles.toAcknowledge')}
                </Tag>
              ) : null}
              <RightOutlined />
            </Link>
          ))}
        </section>
      )}
      {feed.hasNextPage ? (
        <Button block size="large" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
          {t('portalArticles.more')}
        </Button>
      ) : null}
    </div>
  );
}
