import type {
  AuditAction,
  AuditEntity,
  SystemActorName,
} from '../../../../server/src/platform/audit/audit-catalogue.ts';
import type { LocaleMessages } from './locale.ts';

// The audit trail's codes in words: each action, each entity type and each system actor the
// server's audit catalogues declare (server/src/platform/audit/audit-catalogue.ts, and each
// module's <module>.audit.ts). Typed by those declarations: a code the server can record without
// its label here fails to compile, and so does a label for a code it no longer declares. Shared:
// the audit log and the customer 360° view's 变更记录 both show them (shared/audit-labels.ts).
export type AuditLabels = {
  actions: Record<AuditAction, string>;
  entities: Record<AuditEntity, string>;
  systemActors: Record<SystemActorName, string>;
};

const zhCN: AuditLabels = {
  actions: {
    create: '新建',
    update: '修改',
    delete: '删除',
    edit: '编辑',
    save: '保存',
    replace: '整体替换',
    add: '添加',
    sign_in: '登录',
    sign_out: '退出登录',
    revoke: '注销',
    change_password: '修改密码',
    reset_password: '重置密码',
    revoke_sessions: '强制下线',
    change_status: '变更状态',
    reassign: '调整客户经理',
    issue_portal_password: '发放门户密码',
    set_products: '设置投放卷烟',
    publish: '发布',
    record_history: '录入历史订单',
    close: '关闭',
    compute: '测算',
    place: '下单',
    change: '修改订单',
    cancel: '取消订单',
    approve: '审批生效',
    override: '人工调整',
    switch: '分类切换生效',
    set_class: '设置分类',
    assess: '抽查评定',
    seed_default: '载入默认内容',
    generate: '生成计划',
    regenerate: '重新生成计划',
    move: '调整日期',
    drop: '移出计划',
    upload: '上传照片',
    correct: '更正',
    reply: '回复',
    attach: '上传附件',
    escalate: '升级',
    sla: '时限提醒',
    'auto-confirm': '自动确认',
    'transition:new': '转为“新建”',
    'transition:assigned': '转为“已分派”',
    'transition:in_progress': '转为“处理中”',
    'transition:resolved': '转为“已办结”',
    'transition:confirmed': '转为“已确认”',
    'transition:closed': '转为“已关闭”',
    issue: '发放',
    seed_demo: '生成演示数据',
  },
  entities: {
    session: '会话',
    user: '用户',
    tenant: '市公司',
    org_unit: '组织机构',
    customer: '客户',
    customer_field: '自定义字段',
    product: '卷烟规格',
    order_cycle: '订货周期',
    grade_run: '档位测算',
    order: '订单',
    classification_rule_set: '分类规则',
    classification_run: '分类测算',
    class_proposal: '分类建议',
    customer_class: '客户分类',
    spot_check: '分类抽查',
    spot_check_item: '抽查客户',
    service_item: '服务项目',
    service_request: '服务申请',
    service_method_rating: '服务方式评价',
    visit_standard: '走访标准',
    visit_store_override: '单店走访标准',
    visit_plan: '走访计划',
    visit_plan_item: '计划走访',
    visit_photo: '走访照片',
    visit: '走访记录',
    ticket: '工单',
    ticket_category: '抱怨库分类',
    ticket_assignment_rules: '分派规则',
    ticket_sla_policies: '时限策略',
    ticket_calendar: '工作日历',
    service_failure: '服务失误',
    ticket_channel_key: '接入密钥',
  },
  systemActors: {
    system: '系统',
    bench: '性能测试',
    setup: '系统初始化',
    console: '运维命令',
    'class-switch': '分类生效任务',
    'sla-sweep': '时限巡检任务',
    gateway: '短信/微信接入',
    demo: '演示数据',
  },
};

// English loads only when chosen (audit-labels.en.ts), so Chinese screens do not download it.
export const auditLabelMessages: LocaleMessages<{ audit: AuditLabels }> = {
  'zh-CN': { audit: zhCN },
  en: () => import('./audit-labels.en.ts').then((module) => ({ audit: module.en })),
};
