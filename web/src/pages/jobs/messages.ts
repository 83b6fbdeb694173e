import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    jobs: '后台任务',
  },
  jobs: {
    title: '后台任务',
    intro: '系统按计划自动执行的任务：每个任务的执行周期和最近一次的结果见下表。多台服务器时每个任务只由一台执行。',
    startedAt: '开始时间',
    duration: '耗时',
    milliseconds: '{{value}} 毫秒',
    result: '结果',
    running: '执行中',
    ok: '成功',
    failed: '失败',
    outcome: '处理情况',
    runner: '执行服务器',
    lastRun: '最近执行：{{at}}',
    noRuns: '还没有执行过',
    cadence: {
      minutes: '每 {{count}} 分钟',
      hours: '每 {{count}} 小时',
      daily: '每天 {{at}}',
      monthly: '每月 {{day}} 日 {{at}}',
    },
    names: {
      database: {
        statistics: '数据库统计信息更新',
      },
      brand: {
        'fold-closed-weeks': '品牌培育汇总',
      },
      prices: {
        warnings: '价格预警评估',
        'refresh-margins': '零售毛利率汇总',
      },
      tickets: {
        'sla-sweep': '投诉时限检查',
      },
      classification: {
        upkeep: '客户分类维护',
      },
      auth: {
        prune: '登录记录清理',
      },
      customers: {
        'prune-import-error-files': '导入错误文件清理',
      },
      information: {
        publisher: '资讯定时发布',
        reminders: '重要资讯提醒',
      },
    },
    descriptions: {
      database: {
        statistics: '内嵌数据库没有自动清理：增长超过五分之一的表重新收集统计信息，查询计划保持准确。',
      },
      brand: {
        'fold-closed-weeks': '把培育项目已结束订货周的店品订货汇总到每户一行，指标读取更快。',
      },
      prices: {
        warnings: '每天评估上一完整周的价格指数，超出区间或周降幅过大时发出预警。',
        'refresh-margins': '汇总本周、近 5 周及未汇总周的零售毛利率。',
      },
      tickets: {
        'sla-sweep': '推进到期工单的时限：预警、超时、升级、自动确认。',
      },
      classification: {
        upkeep: '到生效日的已审批分类生效，并汇总已结束的订货周。',
      },
      auth: {
        prune: '删除一天前的登录尝试和一个月前结束的会话。',
      },
      customers: {
        'prune-import-error-files': '删除已过期的导入错误标注文件。',
      },
      information: {
        publisher: '到发布时间的定时资讯发布给目标客户。',
        reminders: '重要资讯发布 24 小时仍未确认的客户，发一条短信提醒（每篇一次）。',
      },
    },
    counts: {
      tables: '表',
      tenants: '城市公司',
      created: '新预警',
      extended: '延续预警',
      refreshed: '更新预警',
      evaluated: '评估组数',
      programmes: '汇总项目',
      stores: '客户数',
      storeWeeks: '户周数',
      tickets: '检查工单',
      events: '时限事件',
      switched: '分类生效',
      weeks: '汇总周数',
      articles: '发布资讯',
      deliveries: '送达客户',
      reminders: '发出提醒',
    },
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const jobsMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
