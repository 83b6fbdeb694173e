import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 我的 and 修改密码: the store's account.
// A portal page's own words: not in the first screens' bundle; they load with the first antd
// page (../page-messages.ts lists this file).
const zhCN = {
  portal: {
    storeName: '店铺名称',
    account: '账号信息',
    changePassword: '修改密码',
    mustChangePassword: '您正在使用客户经理提供的初始密码，请先设置自己的新密码。',
  },
};

export const portalMineMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./mine.messages.en.ts').then((module) => module.en),
};
