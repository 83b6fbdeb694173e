import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    account: '个人设置',
  },
  account: {
    title: '个人设置',
    profile: '基本信息',
    mustChange: '为了账号安全，请先修改初始密码。',
    sessions: '登录会话',
    sessionsHelp: '这些是您当前登录的设备和浏览器。不认识的会话请立即下线。',
    current: '当前会话',
    createdAt: '登录时间',
    lastSeenAt: '最近活动',
    expiresAt: '过期时间',
    ip: 'IP 地址',
    userAgent: '设备 / 浏览器',
    revoke: '下线',
    revokeConfirm: '确定让该会话下线吗？',
    revokeCurrentConfirm: '这是当前会话，下线后需要重新登录。确定吗？',
    revoked: '会话已下线',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const accountMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
