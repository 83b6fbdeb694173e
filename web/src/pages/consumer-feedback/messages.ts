import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 消费者意见: the queue and the monthly summary (the portal's page has its own words:
// portal/pages/consumer-feedback.messages.ts).
const zhCN = {
  menu: {
    consumerFeedback: '消费者意见',
    consumerFeedbackSummary: '意见月度汇总',
  },
  consumerFeedback: {
    title: '消费者意见',
    summaryTitle: '消费者意见月度汇总',
    topics: { price: '价格', quality: '质量', availability: '货源', packaging: '包装', other: '其他' },
    states: { open: '待答复', overdue: '已超时', answered: '已答复' },
    filters: {
      state: '全部状态',
      topic: '全部主题',
      product: '全部规格',
      branch: '全部分公司',
      overdue: '只看超时',
    },
    columns: {
      store: '零售户',
      branch: '分公司',
      product: '卷烟规格',
      topic: '主题',
      text: '消费者意见',
      createdAt: '反馈时间',
      due: '答复时限',
      state: '状态',
      answer: '答复',
      actions: '操作',
    },
    noProduct: '未指明规格',
    photo: '照片',
    answer: '答复',
    categorise: '归类',
    answerTitle: '答复门店',
    answerPlaceholder: '写给门店的答复，门店在门户中可见',
    answerRequired: '请填写答复',
    answered: '已答复，门店可在门户中看到',
    categorised: '已归类',
    categoriseTitle: '归类',
    answeredBy: '{{name}} 答复于 {{at}}',
    inTime: '时限内',
    late: '超时答复',
    dueAt: '{{at}} 前',
    ticket: '工单 #{{id}}',
    save: '保存',
    cancel: '取消',
    empty: '暂无消费者意见',
    month: '月份',
    export: '导出 Excel',
    total: '意见条数',
    answeredCount: '已答复',
    answeredInTime: '时限内答复',
    overdueCount: '超时未答复',
    byTopic: '按主题',
    byProduct: '按规格（前 10）',
    totalColumn: '合计',
    summaryEmpty: '本月暂无消费者意见',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const consumerFeedbackMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
