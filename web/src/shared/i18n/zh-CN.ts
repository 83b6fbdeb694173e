import type { CustomTypeOptions } from 'i18next';

// The messages the folders share: the app's name, common words, roles, what shared components say,
// and labels that more than one folder shows (customer codes, ticket types, …). Each page folder
// keeps its own in its messages.ts; app/messages.ts merges them all.
// Chinese is the source language: en.ts must have exactly these keys (see `SharedMessages`).
export const zhCN = {
  app: {
    name: '客我 Kewo',
    tagline: '卷烟零售客户服务系统',
    portalTagline: '零售客户服务平台',
  },
  common: {
    cancel: '取消',
    save: '保存',
    create: '新建',
    edit: '编辑',
    search: '搜索',
    reset: '重置',
    actions: '操作',
    retry: '重试',
    refresh: '刷新',
    total: '共 {{total}} 条',
    previousPage: '上一页',
    nextPage: '下一页',
    page: '页',
    pageNumber: '第 {{page}} 页',
    backHome: '返回工作台',
    notSet: '未设置',
    export: '导出',
    exportXlsx: '导出 Excel（.xlsx）',
    exportCsv: '导出 CSV（.csv）',
  },
  roles: {
    admin: '系统管理员',
    marketing: '营销中心',
    service: '客服中心',
    inspector: '督察考评',
    manager: '客户经理',
    retailer: '零售客户',
  },
  language: {
    label: '语言',
    zhCN: '中文',
    en: 'English',
  },
  auth: {
    tooManyAttempts: '尝试次数过多',
    tryAgainIn: '请在 {{seconds}} 秒后重试。',
  },
  setup: {
    cityCode: '所在地级市',
    cityCodePlaceholder: '输入城市名搜索，例如：漳州',
    cityCodeHelp: '该市的区县（GB/T 2260）将自动建立，许可证号前 6 位须属于这些区县。',
    cityCodeRequired: '请选择所在地级市',
    cityNameSuggestion: '{{city}}烟草公司',
    cityName: '市公司名称',
    cityNamePlaceholder: '例如：某市烟草公司',
    cityNameRequired: '请输入市公司名称',
    username: '管理员用户名',
    usernameRequired: '请输入用户名',
    displayName: '姓名',
    displayNameRequired: '请输入姓名',
    passwordConfirm: '确认密码',
    passwordMismatch: '两次输入的密码不一致',
    done: '初始化完成，请使用新账号登录。',
  },
  password: {
    minLength: '密码至少 {{count}} 个字符',
    required: '请输入密码',
  },
  home: {
    tenant: '所属单位',
    scopeOwn: '本人客户',
    scopeCustomer: '本店',
  },
  customers: {
    fields: {
      licenceNo: '许可证号',
      class: '客户分类',
    },
    formats: {
      convenience: '便利店',
      supermarket: '超市',
      grocery: '食杂店',
      tobacco_liquor: '烟酒商店',
      entertainment: '娱乐服务',
      mall: '商场',
      other: '其他',
    },
    classes: {
      demonstration: '示范客户',
      growth: '成长客户',
      ordinary: '普通客户',
      special: '特殊客户',
      none: '未分类',
    },
    demoTypes: {
      brand: '品牌示范型',
      terminal: '终端示范型',
      information: '信息示范型',
    },
    urbanRuralKinds: {
      urban: '城镇',
      rural: '乡村',
    },
  },
  users: {
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    orgUnit: '所在机构',
    scope: '数据范围',
  },
  audit: {
    at: '时间',
    actor: '操作人',
    action: '操作',
    empty: '（空）',
    system: '系统',
  },
  account: {
    changePassword: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmNewPassword: '确认新密码',
    passwordMismatch: '两次输入的新密码不一致',
    passwordChanged: '密码已修改',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    unknown: '出现了意外错误，请稍后重试。',
    notFound: '页面不存在',
    notFoundDescription: '您访问的页面不存在或已被移动。',
    forbidden: '无权访问',
    forbiddenDescription: '您的角色无权访问此页面。',
    loadFailed: '加载失败',
  },
  visits: {
    classes: { demonstration: '示范客户', growth: '成长客户', ordinary: '普通客户', special: '特殊客户' },
  },
  services: {
    categories: {
      brand: '品牌培育',
      guidance: '经营指导',
      image: '终端形象',
      information: '信息服务',
      convenience: '便利服务',
    },
  },
  tickets: {
    types: { complaint: '投诉', suggestion: '建议', consultation: '咨询', praise: '表扬' },
    statuses: {
      new: '新建',
      assigned: '已分派',
      in_progress: '处理中',
      resolved: '已办结',
      confirmed: '已确认',
      closed: '已关闭',
    },
    groups: { service: '服务类', product: '产品类', monopoly: '专卖类', other: '其他类' },
    send: '发送',
  },
  portalTickets: {
    descriptionRequired: '请填写问题描述',
    photos: '上传图片（最多 5 张）',
    yourRating: '您的评分：{{rating}} 星',
  },
  notifications: {
    title: '消息',
    empty: '暂无消息',
  },
  // Which stores a figure counts: every page that counts stores says it in these words.
  stores: {
    active: '在营客户 {{count}} 户',
    all: '全部档案 {{count}} 户',
    others: '（含暂停 {{suspended}}、歇业 {{closed}}、注销 {{cancelled}} 户）',
    activeHelp:
      '在营客户：状态为“正常”的客户。客户分类、档位、货源投放与网上订货率、投诉分析都按在营客户统计；客户档案还保留暂停、歇业和注销的客户。',
  },
  // 客户范围 (the segment vocabulary): shared/SegmentFields.tsx, in the brand programme and survey wave forms.
  segment: {
    help: '未选的条件不限；同一条件内为“或”，不同条件之间为“且”。',
    classes: '客户分类',
    demoTypes: '示范类型',
    formats: '业态',
    branches: '分公司',
    districts: '区县',
    urbanRural: '城乡',
    gradeMin: '最低档位',
    gradeMax: '最高档位',
  },
};

// The shape en.ts must match: same keys, string leaves.
export type SharedMessages = typeof zhCN;

// Every folder's messages together, as app/messages.ts assembles them and declares them to
// i18next. shared/ does not import the page folders, so it reads the assembled type from there.
export type Messages = CustomTypeOptions['resources']['translation'];
