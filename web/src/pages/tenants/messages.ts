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

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const tenantsMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
