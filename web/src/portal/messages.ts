import type { LocaleMessages } from '../shared/i18n/locale.ts';

// What the portal's first screens say (sign-in, shell and tabs, home and its cards): in the portal's
// entry. Every other page's words are in pages/<feature>.messages.ts (see portal-messages.ts).
const zhCN = {
  portal: {
    title: '零售客户服务平台',
    licenceNo: '专卖许可证号',
    licenceNoPlaceholder: '12 位许可证号',
    licenceNoInvalid: '请输入 12 位数字的许可证号',
    password: '密码',
    passwordRequired: '请输入密码',
    showPassword: '显示输入内容',
    loading: '加载中…',
    login: '登录',
    loginHelp: '首次登录请联系您的客户经理获取密码。',
    staffLink: '员工登录',
    goOrder: '去订货',
    goOrders: '我的订单',
    goReportPrice: '报价格',
    welcome: '欢迎回来',
    licence: '许可证号',
    logout: '退出登录',
    logoutConfirm: '确定退出登录吗？',
    notRetailer: '当前登录的是员工账号，请使用零售客户账号登录。',
    goToConsole: '前往员工工作台',
    tabs: {
      services: '服务',
      home: '首页',
      mine: '我的',
      order: '订货',
      orders: '我的订单',
      tickets: '投诉建议',
    },
  },
  // 我的信用 on the home (the credit page's own words are in pages/credit/messages.ts).
  portalCredit: {
    homeTitle: '我的信用',
    homeLevel: '{{level}} 级',
    homeScore: '{{score}} 分',
    homeAppeal: '申诉处理中',
    homeAction: '查看',
  },
  // 资讯 (information): the home's card (the pages' words are in pages/articles.messages.ts).
  portalNews: {
    homeTitle: '最新资讯',
    homeAction: '查看资讯（{{count}} 篇未读）',
    remind: '重要资讯待确认：{{title}}',
  },
  // 问卷调查 (surveys): the home's card (the pages' words are in pages/surveys.messages.ts).
  portalSurveys: {
    homeTitle: '有一份问卷邀请您填写',
    homeMore: '另有 {{count}} 份问卷待填写',
    homeAction: '去填写',
    closesOn: '{{date}} 截止',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const portalMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
