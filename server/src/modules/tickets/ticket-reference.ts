// The defaults a city company starts with: the complaint library (客户抱怨库, 4 categories and 12
// items), the SLA policies, the assignment rules and the common service failures (常见服务失误补救预应措施).
// They are written into the tenant's tables on first use and edited there.

export const categoryGroups = ['service', 'product', 'monopoly', 'other'] as const;
export type CategoryGroup = (typeof categoryGroups)[number];
export const categoryGroupLabels: Record<CategoryGroup, string> = {
  service: '服务类',
  product: '产品类',
  monopoly: '专卖类',
  other: '其他类',
};

export type CategoryDefault = { code: string; group: CategoryGroup; name: string; resolutionHours: number };

// `as const`: the console's English for each default name is typed by these names
// (web/src/shared/i18n/built-in-names.ts), so a new default without its English fails to compile.
export const defaultCategories = [
  { code: 'attitude', group: 'service', name: '服务态度', resolutionHours: 48 },
  { code: 'timeliness', group: 'service', name: '服务及时性', resolutionHours: 48 },
  { code: 'standard', group: 'service', name: '服务规范', resolutionHours: 72 },
  { code: 'delivery', group: 'service', name: '送货服务', resolutionHours: 48 },
  { code: 'supply', group: 'product', name: '货源供应', resolutionHours: 72 },
  { code: 'quality', group: 'product', name: '产品质量', resolutionHours: 120 },
  { code: 'price', group: 'product', name: '价格', resolutionHours: 72 },
  { code: 'licensing', group: 'monopoly', name: '许可证办理', resolutionHours: 120 },
  { code: 'inspection', group: 'monopoly', name: '专卖检查', resolutionHours: 120 },
  { code: 'market_order', group: 'monopoly', name: '市场秩序与假烟', resolutionHours: 72 },
  { code: 'ordering_system', group: 'other', name: '订货系统', resolutionHours: 24 },
  { code: 'other', group: 'other', name: '其他', resolutionHours: 72 },
] as const satisfies readonly CategoryDefault[];
export type DefaultCategoryName = (typeof defaultCategories)[number]['name'];

// 24 hours to the first response (the company's promise); urgent tickets halve both targets.
export const defaultFirstResponseHours = 24;
export const priorityFactor: Record<string, number> = { low: 1.5, normal: 1, high: 0.75, urgent: 0.5 };

// 服务类 to the store's customer manager, 产品类、专卖类 and 其他类 to the service centre.
export const assignmentTargets = ['customer_manager', 'service_centre', 'user'] as const;
export type AssignmentTarget = (typeof assignmentTargets)[number];
export const defaultAssignmentRules: readonly { group: CategoryGroup; target: AssignmentTarget }[] = [
  { group: 'service', target: 'customer_manager' },
  { group: 'product', target: 'service_centre' },
  { group: 'monopoly', target: 'service_centre' },
  { group: 'other', target: 'service_centre' },
];

export type ServiceFailureDefault = {
  code: string;
  name: string;
  prevention: string;
  control: string;
  remedy: string;
};

export const defaultServiceFailures = [
  {
    code: 'late_delivery',
    name: '送货延误',
    prevention: '按线路排定送货时间并提前告知客户；雨雪天气提前预案。',
    control: '送货途中发现延误，及时电话告知客户预计到达时间。',
    remedy: '当面致歉，说明原因；优先安排补送，并在下次送货时回访确认。',
  },
  {
    code: 'wrong_goods',
    name: '错送漏送',
    prevention: '分拣后双人复核，装车前扫码核对订单。',
    control: '客户签收时逐条核对，当场发现当场更正。',
    remedy: '24小时内补送或调换，承担往返费用，向客户书面说明。',
  },
  {
    code: 'rude_staff',
    name: '服务人员态度生硬',
    prevention: '开展服务礼仪培训，明确服务用语规范。',
    control: '客户经理走访时察觉不满，及时沟通化解。',
    remedy: '部门负责人上门致歉，调整服务人员，一周内回访满意度。',
  },
  {
    code: 'quota_unclear',
    name: '货源投放解释不清',
    prevention: '每期货源投放前公开投放策略和档位规则。',
    control: '客户询问时说明其档位和限量依据。',
    remedy: '逐项解释本期投放计算，必要时复核档位并书面答复。',
  },
  {
    code: 'system_fault',
    name: '订货系统故障',
    prevention: '订货日前检查系统，保留电话订货渠道。',
    control: '故障时立即公告并开放电话订货。',
    remedy: '延长订货时间，为受影响客户补录订单。',
  },
  {
    code: 'late_reply',
    name: '答复不及时',
    prevention: '投诉建议24小时内首次响应，超时自动预警。',
    control: '预警后由处理人或负责人立即联系客户。',
    remedy: '负责人致电致歉，明确办结时间并按时回访。',
  },
] as const satisfies readonly ServiceFailureDefault[];
export type DefaultServiceFailureName = (typeof defaultServiceFailures)[number]['name'];
