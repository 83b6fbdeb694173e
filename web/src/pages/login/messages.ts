import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  auth: {
    title: '登录',
    subtitle: '员工工作台',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    failed: '登录失败',
    setupNeeded: '系统尚未初始化，还没有任何用户。',
    setupLink: '初始化系统',
    retailerHint: '零售客户请使用',
    retailerLink: '零售客户服务平台',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const loginMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
