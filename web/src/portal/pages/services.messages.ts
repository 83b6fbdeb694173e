import type { LocaleMessages } from '../../shared/i18n/locale.ts';

// 菜单式服务 (the 服务 tab): my menu and my requests.
// A portal page's own words: not in the first screens' bundle; they load with the first antd
// page (../page-messages.ts lists this file).
const zhCN = {
  portal: {
    services: {
      title: '我的服务菜单',
      myClass: '本店类别：{{class}}',
      unclassified: '本店尚未分类，按普通客户提供服务。',
      request: '申请',
      requested: '已申请',
      sent: '申请已提交，客户经理将在走访时为您服务',
      myRequests: '我的申请',
      none: '暂无申请',
      status: { open: '待处理', fulfilled: '已完成', cancelled: '已取消' },
    },
  },
};

export const portalServicesMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./services.messages.en.ts').then((module) => module.en),
};
