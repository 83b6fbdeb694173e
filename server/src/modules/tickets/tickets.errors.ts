import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The tickets module: complaints and suggestions, SLA settings, the library and the inbound gateway.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const ticketErrors = {
  TICKET_TRANSITION_INVALID: {
    status: 409,
    'zh-CN': '工单当前状态为“{from}”，不能转为“{to}”；可转为：{allowed}。',
    en: 'The ticket is "{from}" and cannot move to "{to}"; allowed: {allowed}.',
  },
  TICKET_REOPEN_EXPIRED: {
    status: 409,
    'zh-CN': '办结超过 {days} 天的工单不能重新打开。',
    en: 'A ticket resolved more than {days} days ago cannot be reopened.',
  },
  TICKET_RATING_INVALID: {
    status: 400,
    'zh-CN': '评分须为 1–5 的整数。',
    en: 'The rating is a whole number from 1 to 5.',
  },
  TICKET_CATEGORY_UNKNOWN: {
    status: 400,
    'zh-CN': '抱怨库中没有分类“{code}”。',
    en: 'The complaint library has no category "{code}".',
  },
  TICKET_FAILURE_UNKNOWN: {
    status: 400,
    'zh-CN': '服务失误库中没有“{code}”。',
    en: 'The service-failure library has no "{code}".',
  },
  TICKET_ASSIGNEE_INVALID: {
    status: 400,
    'zh-CN': '处理人须为本单位在职的员工。',
    en: 'The handler must be an active staff member of this company.',
  },
  TICKET_ATTACHMENT_LIMIT: {
    status: 400,
    'zh-CN': '每张工单最多 {limit} 张图片。',
    en: 'A ticket holds at most {limit} images.',
  },
  TICKET_ATTACHMENT_NOT_IMAGE: {
    status: 400,
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 图片。',
    en: 'Only JPEG, PNG or WebP images can be attached.',
  },
  TICKET_NOT_AWAITING_CONFIRMATION: {
    status: 409,
    'zh-CN': '该工单尚未办结，不能确认或评价。',
    en: 'This ticket is not resolved: it cannot be confirmed or rated yet.',
  },
  // SLA policies per category × priority, the business-hours calendar, the library editor.
  TICKET_SLA_TARGET_INVALID: {
    status: 400,
    'zh-CN': '{category}（{priority}）：时限须为 1 至 {max} 分钟之间的整数分钟。',
    en: '{category} ({priority}): a target is a whole number of minutes from 1 to {max}.',
  },
  TICKET_SLA_RESOLUTION_SHORT: {
    status: 400,
    'zh-CN': '{category}（{priority}）：办结时限（{resolution} 分钟）不能短于首次响应时限（{firstResponse} 分钟）。',
    en: '{category} ({priority}): the resolution target ({resolution} min) cannot be shorter than the first response ({firstResponse} min).',
  },
  TICKET_SLA_POLICY_DUPLICATE: {
    status: 400,
    'zh-CN': '{category}（{priority}）的时限重复出现。',
    en: '{category} ({priority}) appears twice.',
  },
  TICKET_CALENDAR_HOURS_INVALID: {
    status: 400,
    'zh-CN': '工作时间须为 HH:MM，且上班早于下班。',
    en: 'Business hours are HH:MM, opening before closing.',
  },
  TICKET_CALENDAR_WEEKDAYS_INVALID: {
    status: 400,
    'zh-CN': '至少选择一个工作日（周一至周日，不重复）。',
    en: 'Pick at least one working weekday (Monday to Sunday, no repeats).',
  },
  TICKET_CALENDAR_DATE_INVALID: {
    status: 400,
    'zh-CN': '“{date}”不是有效日期（YYYY-MM-DD）。',
    en: '"{date}" is not a valid date (YYYY-MM-DD).',
  },
  TICKET_CALENDAR_DATE_CLASH: {
    status: 400,
    'zh-CN': '{date} 不能既是节假日又是调休工作日。',
    en: '{date} cannot be both a holiday and a worked day.',
  },
  TICKET_CATEGORY_EXISTS: {
    status: 409,
    'zh-CN': '该大类下已有名为“{name}”的分类。',
    en: 'This group already has a category named "{name}".',
  },
  TICKET_CHANNEL_KEY_REVOKED: {
    status: 409,
    'zh-CN': '该密钥已于 {at} 停用。',
    en: 'This key was revoked at {at}.',
  },
  GATEWAY_KEY_INVALID: {
    status: 401,
    'zh-CN': '网关密钥无效或已停用。',
    en: 'The gateway key is invalid or revoked.',
  },
  GATEWAY_STORE_UNKNOWN: {
    status: 400,
    'zh-CN': '没有许可证号为 {licenceNo} 的零售户。',
    en: 'No store has the licence number {licenceNo}.',
  },
  TICKET_JUDGEMENT_ONLY_ON_CLOSE: {
    status: 422,
    'zh-CN': '投诉定性只能在关闭工单时填写。',
    en: 'A judgement is given only when closing the ticket.',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    tickets: typeof ticketErrors;
  }
}
