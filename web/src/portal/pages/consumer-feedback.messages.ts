import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 消费者意见 (portal): relaying what a consumer said, and the answers.
// A portal page's own words: not in the first screens' bundle; they load with the first antd
// page (../page-messages.ts lists this file).
const zhCN = {
  consumerFeedbackPortal: {
    section: '消费者意见',
    entry: '反馈消费者意见',
    title: '消费者意见',
    back: '返回',
    intro: '把顾客对卷烟的意见告诉我们，服务中心会在时限内答复。',
    product: '卷烟规格（可不选）',
    productPlaceholder: '选择或搜索规格',
    topic: '意见主题',
    topicRequired: '请选择主题',
    text: '顾客怎么说',
    textRequired: '请填写顾客的意见',
    textPlaceholder: '例如：顾客反映这款烟最近买不到',
    photo: '照片（可选）',
    submit: '提交',
    submitted: '已提交，请在 {{due}} 前留意答复',
    mine: '我的反馈',
    empty: '还没有反馈过消费者意见',
    answer: '答复',
    waiting: '等待答复，{{due}} 前',
    noProduct: '未指明规格',
    topics: { price: '价格', quality: '质量', availability: '货源', packaging: '包装', other: '其他' },
    states: { open: '待答复', overdue: '答复超时', answered: '已答复' },
  },
};

export const portalConsumerFeedbackMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./consumer-feedback.messages.en.ts').then((module) => module.en),
};
