import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 问卷调查 (surveys): the list under 我的 and answering one (the home card's words are in ../messages.ts).
// A portal page's own words: not in the first screens' bundle; they load with the first antd
// page (../page-messages.ts lists this file).
const zhCN = {
  portalSurveys: {
    section: '问卷调查',
    list: '我的问卷',
    title: '问卷调查',
    empty: '目前没有需要填写的问卷。',
    status: { todo: '待填写', answered: '已提交', closed: '已结束' },
    resumed: '已恢复上次填写的内容，可继续作答',
    draftFailed: '草稿未能保存，提交前请勿关闭页面',
    thanksTitle: '提交成功，感谢您的参与！',
    thanksDetail: '您的意见将用于改进我们的服务。',
    answeredTitle: '您已经提交过这份问卷',
    answeredDetail: '每家门店只需填写一次，感谢您的参与。',
    closedTitle: '本次调查已结束',
    closedDetail: '这份问卷已停止收集答卷。',
    notFoundTitle: '找不到这份问卷',
    notFoundDetail: '问卷可能未发给本店，或链接有误。',
    backToList: '返回我的问卷',
    back: '返回',
    myAnswers: '我的答卷',
  },
};

export const portalSurveysMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./surveys.messages.en.ts').then((module) => module.en),
};
