import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    users: '用户管理',
  },
  users: {
    title: '用户管理',
    searchPlaceholder: '搜索用户名或姓名',
    filterRole: '按角色筛选',
    filterOrgUnit: '按机构筛选',
    scopeKind: '数据范围类型',
    scopeOrg: '所在机构及下级',
    scopeOwn: '本人客户',
    scopeOwnHelp: '“本人客户”仅适用于客户经理。',
    status: '状态',
    enabled: '正常',
    disabled: '已停用',
    disabledSwitch: '停用账号',
    lastLoginAt: '最近登录',
    never: '从未登录',
    create: '新建用户',
    edit: '编辑用户',
    editTitle: '编辑用户：{{name}}',
    initialPassword: '初始密码',
    initialPasswordHelp: '用户首次登录后应修改密码。',
    initialPasswordExtra: '至少 {{count}} 个字符；用户首次登录后应修改密码。',
    resetPassword: '重置密码',
    resetPasswordTitle: '重置密码：{{name}}',
    newPassword: '新密码',
    revokeSessions: '强制下线',
    revokeSessionsConfirm: '确定让 {{name}} 的所有会话下线吗？',
    created: '用户已创建',
    updated: '用户已更新',
    passwordReset: '密码已重置',
    sessionsRevoked: '已强制下线',
    usernameRequired: '请输入用户名',
    usernamePattern: '以字母开头，只能包含字母、数字、点、下划线和连字符',
    usernameLength: '用户名长度为 3–32 个字符',
    displayNameRequired: '请输入姓名',
    roleRequired: '请选择角色',
    orgUnitRequired: '请选择所在机构',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const usersMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
