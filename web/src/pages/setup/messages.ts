import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  setup: {
    title: '初始化系统',
    description: '创建市公司和第一个系统管理员账号。此页面只能使用一次。',
    password: '密码',
    submit: '创建管理员',
    notNeeded: '系统已初始化，无需重复操作。',
    goToLogin: '前往登录',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const setupMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
