import type { LocaleMessages } from '../shared/i18n/locale.ts';

// The console shell's own messages: its layout, the 系统管理 menu group that several folders share,
// and what the session gate tells a retailer who signed in here.
const zhCN = {
  menu: {
    adminGroup: '系统管理',
  },
  layout: {
    collapse: '收起菜单',
    expand: '展开菜单',
    account: '个人设置',
    logout: '退出登录',
    loggedOut: '已退出登录',
    footer: '客我 Kewo · 开源卷烟零售客户服务系统',
    loading: '加载中…',
  },
  auth: {
    retailerOnly: '您登录的是零售客户账号，正在前往零售客户服务平台…',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const consoleMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./console-messages.en.ts').then((module) => module.en),
};
