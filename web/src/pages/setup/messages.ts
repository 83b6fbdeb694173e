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

// Typed as the Chinese messages: a key missing here, or one Chinese does not have, is a type error.
const en: typeof zhCN = {
  setup: {
    title: 'Set up Kewo',
    description: 'Create the city company and the first administrator. This page can be used only once.',
    password: 'Password',
    submit: 'Create administrator',
    notNeeded: 'The system is already set up.',
    goToLogin: 'Go to sign-in',
  },
};

export const setupMessages: LocaleMessages<typeof zhCN> = { 'zh-CN': zhCN, en };
