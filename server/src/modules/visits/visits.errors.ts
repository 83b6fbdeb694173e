import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The visits module: visit plans, visits and the service menu.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const visitErrors = {
  // 走访 and 菜单式服务 (C3, C4)
  VISIT_MONTH_INVALID: {
    status: 400,
    'zh-CN': '月份“{month}”无效，应为 YYYY-MM。',
    en: 'The month "{month}" is not valid: use YYYY-MM.',
  },
  VISIT_PLAN_DATE_OUTSIDE_MONTH: {
    status: 400,
    'zh-CN': '日期 {date} 不在计划月份 {month} 内。',
    en: 'The date {date} is not in the plan month {month}.',
  },
  VISIT_PLAN_DATE_NOT_WORKING_DAY: {
    status: 400,
    'zh-CN': '{date} 不是工作日（周末或法定节假日）。',
    en: '{date} is not a working day (weekend or public holiday).',
  },
  VISIT_PLAN_EXISTS: {
    status: 409,
    'zh-CN': '{month} 的走访计划已生成；如需重新生成请选择“覆盖未完成的计划”。',
    en: 'The visit plan for {month} already exists; choose to replace the unfinished items to generate it again.',
  },
  VISIT_PLAN_ITEM_NOT_PLANNED: {
    status: 409,
    'zh-CN': '该计划走访已完成或已取消，不能再调整。',
    en: 'This planned visit is already done or dropped and cannot be adjusted.',
  },
  VISIT_CHECK_OUT_BEFORE_CHECK_IN: {
    status: 400,
    'zh-CN': '签退时间早于签到时间。',
    en: 'The check-out is before the check-in.',
  },
  VISIT_IN_FUTURE: { status: 400, 'zh-CN': '签退时间晚于当前时间。', en: 'The check-out is in the future.' },
  VISIT_TOO_LONG: { status: 400, 'zh-CN': '一次走访不能超过 12 小时。', en: 'A visit cannot last more than 12 hours.' },
  VISIT_PRODUCT_UNKNOWN: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 不存在。',
    en: 'Product {productId} does not exist.',
  },
  VISIT_PRODUCT_REPEATED: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 重复填写。',
    en: 'Product {productId} is entered twice.',
  },
  VISIT_STOCK_NEGATIVE: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 的库存数量不能为负数。',
    en: 'The stock count of product {productId} cannot be negative.',
  },
  VISIT_PRICE_INVALID: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 的零售价须大于 0。',
    en: 'The retail price of product {productId} must be above 0.',
  },
  VISIT_PHOTO_NOT_IMAGE: {
    status: 415,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片。',
    en: 'A photo must be a JPEG, PNG or WebP image.',
  },
  VISIT_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请上传照片（表单字段 file，JPEG、PNG 或 WebP 图片）。',
    en: 'Upload a photo (form field "file", a JPEG, PNG or WebP image).',
  },
  VISIT_PHOTO_UNAVAILABLE: {
    status: 400,
    'zh-CN': '照片 {photoId} 不存在或已用于其他走访。',
    en: 'Photo {photoId} does not exist or belongs to another visit.',
  },
  VISIT_SERVICE_UNKNOWN: {
    status: 400,
    'zh-CN': '服务项目或服务需求 {id} 不存在或不属于本店。',
    en: "Service item or request {id} does not exist or is not this store's.",
  },
  VISIT_APPEND_ONLY: {
    status: 405,
    'zh-CN': '已提交的走访记录不能修改或删除；如有错误请提交更正记录。',
    en: 'A submitted visit cannot be changed or deleted; submit a correction instead.',
  },
  SERVICE_ITEM_CREDIT_LEVEL: {
    status: 409,
    'zh-CN': '“{item}”仅限信用等级 {levels} 的客户申请（本店当前等级：{level}）。',
    en: '"{item}" is for stores at credit level {levels} (this store: {level}).',
  },
  SERVICE_ITEM_NOT_ENTITLED: {
    status: 409,
    'zh-CN': '本店的客户类别不享有“{item}”服务。',
    en: 'This store\'s class is not entitled to "{item}".',
  },
  SERVICE_REQUEST_OPEN: {
    status: 409,
    'zh-CN': '“{item}”已有一条待处理的申请。',
    en: 'There is already an open request for "{item}".',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    visits: typeof visitErrors;
  }
}
