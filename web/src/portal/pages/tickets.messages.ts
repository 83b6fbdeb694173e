import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 投诉建议 (tickets): the list, a new complaint and one complaint.
// A portal page's own words: not in the first screens' bundle; they load with the first antd
// page (../page-messages.ts lists this file).
const zhCN = {
  portalTickets: {
    title: '投诉建议',
    detailTitle: '投诉建议 #{{id}}',
    back: '返回投诉建议',
    new: '我要投诉/建议',
    empty: '您还没有提交过投诉或建议。',
    type: '类型',
    category: '问题分类',
    description: '请描述您遇到的问题',
    submit: '提交',
    submitted: '已提交，我们将在 24 小时内答复。',
    progress: '处理进度',
    dueBy: '预计 {{time}} 前答复',
    confirmTitle: '处理结果满意吗？',
    rating: '评分',
    accept: '满意，确认办结',
    reject: '不满意，继续处理',
    thanks: '感谢您的评价！',
    staff: '客服人员',
    you: '我',
    addNote: '补充说明',
  },
};

export const portalTicketsMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./tickets.messages.en.ts').then((module) => module.en),
};
