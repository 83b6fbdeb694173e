import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from './information.api.ts';

const colours: Record<ArticleStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  published: 'green',
  withdrawn: 'orange',
};

export function ArticleStatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`information.statuses.${status}`)}</Tag>;
}

export function ImportantTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('information.important')}</Tag>;
}

// A share in percent with one decimal; "–" when nothing was sent.
export function rateText(part: number, whole: number): string {
  return whole === 0 ? '–' : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

// An article's body as the server stored it: sanitised there (article-html.ts — an allow-list of
// text tags, no script, style or handler, images only our own files), so it is shown as HTML.
export function ArticleBody({ html, style }: { html: string; style?: CSSProperties }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitised HTML (article-html.ts)
  return <div className="article-body" style={style} dangerouslySetInnerHTML={{ __html: html }} />;
}
