import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    tenants: '市公司',
  },
  tenants: {
    title: '市公司',
    intro: '本系统服务的市公司。新增市公司时会按所选城市建立区县和组织机构，并创建其首位系统管理员。',
    add: '新增市公司',
    create: '创建',
    name: '市公司名称',
    code: '市公司编码',
    codeHelp: '小写字母开头，可含数字和连字符，例如 xiamen；命令行的 --tenant 使用它。',
    codeRule: '请输入 2–32 位小写字母、数字或连字符，以字母开头',
    province: '省份',
    initialPassword: '初始密码',
    firstSignIn: '该管理员首次登录时须修改密码。',
    created: '已创建市公司 {{code}}，管理员 {{username}}。',
  },
};

// Typed as the Chinese messages: a key missing here, or one Chinese does not have, is a type error.
const en: typeof zhCN = {
  menu: {
    tenants: 'City companies',
  },
  tenants: {
    title: 'City companies',
    intro:
      'The city companies this deployment serves. A new one gets the districts and root org unit of its city and its first administrator.',
    add: 'Add a city company',
    create: 'Create',
    name: 'Company name',
    code: 'Company code',
    codeHelp:
      'Starts with a lowercase letter; letters, digits and hyphens, e.g. xiamen. The console commands take it as --tenant.',
    codeRule: 'Use 2–32 lowercase letters, digits or hyphens, starting with a letter',
    province: 'Province',
    initialPassword: 'Initial password',
    firstSignIn: 'The administrator changes this password at first sign-in.',
    created: 'City company {{code}} created, administrator {{username}}.',
  },
};

export const tenantsMessages: LocaleMessages<typeof zhCN> = { 'zh-CN': zhCN, en };
