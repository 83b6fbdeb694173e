import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The brand module's codes: 品牌培育 programmes, their KPIs and the worklist. Placeholders are
// filled from DomainError.details.
export const brandErrors = {
  BRAND_PERIOD_INVALID: {
    status: 400,
    'zh-CN': '培育周期无效：结束日期 {endDate} 早于开始日期 {startDate}，或周期超过 2 年。',
    en: 'The period is not valid: the end date {endDate} is before the start date {startDate}, or it spans more than 2 years.',
  },
  BRAND_PRODUCTS_REQUIRED: {
    status: 400,
    'zh-CN': '请至少选择一个目标品规。',
    en: 'Choose at least one target product.',
  },
  BRAND_PRODUCT_UNKNOWN: {
    status: 400,
    'zh-CN': '目标品规 {productId} 不存在。',
    en: 'The target product {productId} does not exist.',
  },
  BRAND_TARGET_AMBIGUOUS: {
    status: 400,
    'zh-CN': '目标客户只能按客户范围或客户名单之一指定。',
    en: 'Give the target stores either as a segment or as a list, not both.',
  },
  BRAND_SEGMENT_INVALID: {
    status: 400,
    'zh-CN': '客户范围无效：{problem}',
    en: 'The segment is not valid: {problemEn}',
  },
  BRAND_SEGMENT_EMPTY: {
    status: 400,
    'zh-CN': '客户范围内没有在营客户。',
    en: 'No active store matches the segment.',
  },
  BRAND_CUSTOMER_UNKNOWN: {
    status: 400,
    'zh-CN': '客户 {customerId} 不存在或不在营。',
    en: 'The store {customerId} does not exist or is not active.',
  },
  BRAND_GOAL_INVALID: {
    status: 400,
    'zh-CN': '目标“{goal}”无效：比率须在 0–100% 之间，存销比区间下限不能大于上限（0–52）。',
    en: 'The goal "{goal}" is not valid: rates lie between 0 and 100 %, and a stock-to-sales band’s minimum is not above its maximum (0–52).',
  },
  BRAND_OWNER_UNKNOWN: {
    status: 400,
    'zh-CN': '负责人 {ownerId} 不是本公司在职员工。',
    en: 'The owner {ownerId} is not an active staff member of this company.',
  },
  BRAND_SERVICE_ITEM_UNKNOWN: {
    status: 400,
    'zh-CN': '服务项目 {serviceItemId} 不存在。',
    en: 'The service-menu item {serviceItemId} does not exist.',
  },
  BRAND_PROGRAMME_CLOSED: {
    status: 409,
    'zh-CN': '培育项目已结束，不能再修改。',
    en: 'The programme is closed and can no longer be changed.',
  },
  BRAND_PROGRAMME_STATE: {
    status: 409,
    'zh-CN': '培育项目当前状态为“{status}”，不能{action}。',
    en: 'The programme is {status}: it cannot be {action}.',
  },
  BRAND_PLAN_DATE_INVALID: {
    status: 400,
    'zh-CN': '走访日期 {date} 须为本周今天及以后的工作日。',
    en: 'The visit date {date} must be a working day of this week, today or later.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    brand: typeof brandErrors;
  }
}
