import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    audit: '审计日志',
  },
  audit: {
    title: '审计日志',
    entity: '对象类型',
    entityId: '对象编号',
    ip: 'IP 地址',
    startDate: '开始日期',
    endDate: '结束日期',
    before: '修改前',
    after: '修改后',
    field: '字段',
    changed: '已修改',
    noChanges: '没有字段变化',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const auditMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
