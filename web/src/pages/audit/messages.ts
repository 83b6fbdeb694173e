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
    actions: {
      create: '新建',
      update: '修改',
      delete: '删除',
      sign_in: '登录',
      sign_out: '退出登录',
      change_password: '修改密码',
      reset_password: '重置密码',
      revoke: '会话下线',
      revoke_sessions: '强制下线',
    },
    entities: {
      user: '用户',
      org_unit: '组织机构',
      session: '会话',
      tenant: '市公司',
    },
    before: '修改前',
    after: '修改后',
    field: '字段',
    changed: '已修改',
    noChanges: '没有字段变化',
  },
};

// Typed as the Chinese messages: a key missing here, or one Chinese does not have, is a type error.
const en: typeof zhCN = {
  menu: {
    audit: 'Audit log',
  },
  audit: {
    title: 'Audit log',
    entity: 'Entity type',
    entityId: 'Entity ID',
    ip: 'IP address',
    startDate: 'Start date',
    endDate: 'End date',
    actions: {
      create: 'Create',
      update: 'Update',
      delete: 'Delete',
      sign_in: 'Sign in',
      sign_out: 'Sign out',
      change_password: 'Change password',
      reset_password: 'Reset password',
      revoke: 'End session',
      revoke_sessions: 'Force sign-out',
    },
    entities: {
      user: 'User',
      org_unit: 'Organisation unit',
      session: 'Session',
      tenant: 'City company',
    },
    before: 'Before',
    after: 'After',
    field: 'Field',
    changed: 'Changed',
    noChanges: 'No field changed',
  },
};

export const auditMessages: LocaleMessages<typeof zhCN> = { 'zh-CN': zhCN, en };
