import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The surveys module's codes: need items, questionnaires (SurveyJS JSON), waves, responses and the
// annual report. Placeholders are filled from DomainError.details.
export const surveyErrors = {
  SURVEY_NEED_ITEM_NOT_FOUND: {
    status: 404,
    'zh-CN': '需求项 {code} 不存在。',
    en: 'The need item {code} does not exist.',
  },
  SURVEY_SERVICE_ITEM_UNKNOWN: {
    status: 400,
    'zh-CN': '服务项目 {serviceItemId} 不存在。',
    en: 'The service item {serviceItemId} does not exist.',
  },
  SURVEY_QUESTIONNAIRE_NOT_FOUND: {
    status: 404,
    'zh-CN': '问卷 {id} 不存在。',
    en: 'The questionnaire {id} does not exist.',
  },
  SURVEY_TEMPLATE_UNKNOWN: {
    status: 400,
    'zh-CN': '没有“{templateKind}”问卷模板（可选：needs 需求调查、satisfaction 满意度调查）。',
    en: 'There is no "{templateKind}" template (needs or satisfaction).',
  },
  SURVEY_JSON_INVALID: {
    status: 400,
    'zh-CN': '问卷 JSON 无法加载：{reason}',
    en: 'The questionnaire JSON cannot be loaded: {reason}',
  },
  QUESTIONNAIRE_LOCKED: {
    status: 409,
    'zh-CN': '问卷“{title}”已有答卷，题目不能再修改；请复制为新版本后修改。',
    en: 'The questionnaire "{title}" has answers; its questions can no longer change. Copy it to a new version instead.',
  },
  SURVEY_WAVE_NOT_FOUND: {
    status: 404,
    'zh-CN': '调查批次 {id} 不存在。',
    en: 'The survey wave {id} does not exist.',
  },
  SURVEY_WAVE_WINDOW_INVALID: {
    status: 400,
    'zh-CN': '调查截止日期（{closesOn}）不能早于开始日期（{opensOn}）。',
    en: 'The closing date ({closesOn}) cannot be before the opening date ({opensOn}).',
  },
  SURVEY_WAVE_STATUS: {
    status: 409,
    'zh-CN': '调查批次当前状态为“{status}”，不能{action}。',
    en: 'The survey wave is {status}; it cannot be {action}.',
  },
  SURVEY_SEGMENT_INVALID: {
    status: 400,
    'zh-CN': '客户范围有误：{reason}',
    en: 'The segment is not valid: {reason}',
  },
  SURVEY_SEGMENT_EMPTY: {
    status: 400,
    'zh-CN': '所选客户范围内没有在营客户。',
    en: 'The segment holds no store in business.',
  },
  SURVEY_SAMPLE_TOO_LARGE: {
    status: 400,
    'zh-CN': '样本量 {sampleSize} 大于客户范围内的客户数 {population}。',
    en: 'The sample of {sampleSize} is larger than the {population} stores of the segment.',
  },
  SURVEY_WAVE_CLOSED: {
    status: 409,
    'zh-CN': '调查“{title}”已结束（或尚未开始），不能再作答。',
    en: 'The survey "{title}" is closed (or not open yet); it can no longer be answered.',
  },
  SURVEY_NOT_SENT: {
    status: 403,
    'zh-CN': '该调查未发送给客户 {customerId}。',
    en: 'This survey was not sent to the store {customerId}.',
  },
  SURVEY_STORE_OUT_OF_SCOPE: {
    status: 403,
    'zh-CN': '客户 {customerId} 不在您的管辖范围内，不能代为作答。',
    en: 'The store {customerId} is outside your scope; you cannot answer for it.',
  },
  SURVEY_CUSTOMER_NOT_FOUND: {
    status: 404,
    'zh-CN': '客户 {customerId} 不存在或不在您的数据范围内。',
    en: 'The store {customerId} does not exist or is outside your data scope.',
  },
  ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '该客户已提交过本次调查的答卷（每店一份，提交后不能更改）。',
    en: 'This store has already answered this survey (one answer per store; it cannot be changed).',
  },
  SURVEY_RESPONSE_INVALID: {
    status: 400,
    'zh-CN': '答卷未通过校验：{reason}',
    en: 'The answers are not valid: {reason}',
  },
  SURVEY_WEIGHTS_NOT_SATISFACTION: {
    status: 409,
    'zh-CN': '调查“{title}”不是满意度调查，没有满意度指数权重。',
    en: 'The survey "{title}" is not a satisfaction survey; it has no satisfaction-index weights.',
  },
  SURVEY_REPORT_NO_WAVES: {
    status: 422,
    'zh-CN': '{year} 年没有调查批次，无法生成年度报告。',
    en: 'There is no survey wave in {year}; the annual report cannot be written.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    surveys: typeof surveyErrors;
  }
}
