import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    home: '工作台',
  },
  home: {
    greeting: '{{name}}，您好',
    role: '角色',
    orgUnit: '所在机构',
    dataScope: '数据范围',
    usersTotal: '用户总数',
    orgUnitsTotal: '组织机构数',
    usersByRole: '各角色用户数',
    shortcuts: '常用功能',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const homeMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
