import { LeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalArticlesPath } from '../portal-routes.tsx';
import { useMarkArticle, usePortalArticle } from './articles.api.ts';
import './articles.css';

// An article on the phone: large text, images to the screen's width, attachments; opening it marks
// it read; an important one asks the store to confirm (both idempotent on the server).
export function ArticlePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const article = usePortalArticle(id);
  const mark = useMarkArticle(id);
  const { mutate } = mark;
  const unread = article.data ? !article.data.read : false;

  useEffect(() => {
    if (unread) mutate('read');
  }, [unread, mutate]);

  if (article.isPending) return <FullPageSpin />;
  if (article.error) {
    if (isApiError(article.error) && article.error.problem.status === 404)
      return (
        <Result
          status="404"
          title={t('portalArticles.notFoundTitle')}
          subTitle={t('portalArticles.notFoundDetail')}
          extra={<Button onClick={() => navigate(portalArticlesPath)}>{t('portalArticles.back')}</Button>}
        />
      );
    return <FullPageError error={article.error} onRetry={() => void article.refetch()} />;
  }
  const data = article.data;

  return (
    <div className="portal-page">
      <div className="portal-articles-head">
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('portalArticles.back')}
          onClick={() => navigate(portalArticlesPath)}
        />
        <h2>{t('portalArticles.title')}</h2>
      </div>
      <article className="portal-article">
        <h1>{data.title}</h1>
        <p className="portal-muted">
          {data.category} · {format.dateTime(data.publishedAt)}{' '}
          {data.acknowledgeRequired ? <Tag color="red">{t('portalArticles.important')}</Tag> : null}
        </p>
        {data.cover ? <img className="portal-article-cover" src={data.cover.url} alt="" /> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server before it was stored (article-html.ts) */}
        <div className="portal-article-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
        {data.attachments.length > 0 ? (
          <div className="portal-list">
            <h3>{t('portalArticles.attachments')}</h3>
            {data.attachments.map((file) => (
              <a key={file.id} className="portal-list-row" href={file.url} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> <span>{file.fileName}</span>
              </a>
            ))}
          </div>
        ) : null}
        {data.acknowledgeRequired ? (
          <div className="portal-article-ack">
            {data.acknowledged ? (
              <Alert type="success" showIcon title={t('portalArticles.acknowledgedAt')} />
            ) : (
              <>
                <p className="portal-muted">{t('portalArticles.acknowledgeHelp')}</p>
                <Button
                  type="primary"
                  size="large"
                  block
                  loading={mark.isPending && mark.variables === 'acknowledge'}
                  onClick={() => mark.mutate('acknowledge')}
                  data-testid="portal-article-acknowledge"
                >
                  {t('portalArticles.acknowledge')}
                </Button>
              </>
            )}
            {mark.error ? <Alert type="error" showIcon title={describeError(mark.error, t)} /> : null}
          </div>
        ) : null}
      </article>
    </div>
  );
}
