import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 资讯 (information): the feed and an article (the home card's words are in ../messages.ts). A
// portal page's own words: they load with the first antd page (../page-messages.ts lists this file).
const zhCN = {
  portalArticles: {
    title: '资讯',
    section: '资讯与小报',
    entry: '全部资讯',
    search: '搜索资讯',
    empty: '暂无资讯',
    noMatch: '没有找到相关资讯',
    more: '加载更多',
    unread: '未读',
    important: '重要',
    acknowledged: '已确认',
    toAcknowledge: '待确认',
    acknowledge: '我已阅读并知悉',
    acknowledgedAt: '您已确认知悉本文',
    acknowledgeHelp: '这是一篇重要资讯，请阅读后点击下方按钮确认。',
    attachments: '附件',
    back: '返回',
    notFoundTitle: '找不到这篇资讯',
    notFoundDetail: '资讯可能已撤回，或未推送给本店。',
  },
};

export const portalArticlesMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./articles.messages.en.ts').then((module) => module.en),
};
