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

// Typed as the Chinese messages: a key missing here, or one Chinese does not have, is a type error.
const en: typeof zhCN = {
  menu: {
    home: 'Dashboard',
  },
  home: {
    greeting: 'Hello, {{name}}',
    role: 'Role',
    orgUnit: 'Organisation unit',
    dataScope: 'Data scope',
    usersTotal: 'Users',
    orgUnitsTotal: 'Organisation units',
    usersByRole: 'Users by role',
    shortcuts: 'Shortcuts',
  },
};

export const homeMessages: LocaleMessages<typeof zhCN> = { 'zh-CN': zhCN, en };
