import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The credit module: models, runs, violations and appeals. Each code's HTTP status and message
// in each language; placeholders like {runId} are filled from DomainError.details.
export const creditErrors = {
  CREDIT_MODEL_INVALID: {
    status: 400,
    'zh-CN': '信用模型有误：{reason}',
    en: 'The credit model is not valid: {reasonEn}',
  },
  CREDIT_MODEL_APPROVED: {
    status: 409,
    'zh-CN': '信用模型第 {version} 版已审批，不能修改；请另存为新版本。',
    en: 'Credit model version {version} is approved and cannot change; save it as a new version.',
  },
  CREDIT_MODEL_NOT_APPROVED: {
    status: 409,
    'zh-CN': '信用模型须审批后才能用于测评。',
    en: 'A credit model must be approved before a run uses it.',
  },
  CREDIT_RUN_BUSY: {
    status: 409,
    'zh-CN': '已有信用测评 {runId} 正在计算，请稍后再试。',
    en: 'Credit run {runId} is computing; try again when it is done.',
  },
  CREDIT_RUN_PUBLISHED: {
    status: 409,
    'zh-CN': '信用测评 {runId} 已发布，不能再次发布。',
    en: 'Credit run {runId} has already been published.',
  },
  CREDIT_RUN_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能发布最新的信用测评（已有更新的测评 {latestId}）。',
    en: 'Only the latest credit run can be published (run {latestId} is newer).',
  },
  CREDIT_RUN_NOT_READY: {
    status: 409,
    'zh-CN': '信用测评 {runId} 尚未计算完成，不能发布。',
    en: 'Credit run {runId} has not finished computing.',
  },
  CREDIT_EFFECTIVE_DATE_INVALID: {
    status: 400,
    'zh-CN': '生效日期不能早于上一次发布的生效日期 {previous}。',
    en: 'The effective date cannot be before the last published one ({previous}).',
  },
  CREDIT_NOT_RATED: {
    status: 404,
    'zh-CN': '该客户尚无已发布的信用等级。',
    en: 'This store has no published credit level yet.',
  },
  CREDIT_APPEAL_OPEN: {
    status: 409,
    'zh-CN': '已有一项信用申诉正在处理（申诉 {appealId}），处理完毕后才能再次申诉。',
    en: 'An appeal (#{appealId}) is already open; another can be filed once it is decided.',
  },
  CREDIT_APPEAL_DECIDED: {
    status: 409,
    'zh-CN': '该申诉已处理（{status}），不能再次处理。',
    en: 'This appeal has already been decided ({status}).',
  },
  CREDIT_APPEAL_ITEM_UNKNOWN: {
    status: 400,
    'zh-CN': '申诉的信用明细不在当前生效的信用记录中。',
    en: 'The appealed item is not in the store’s credit record in force.',
  },
  CREDIT_APPEAL_PHOTO_UNKNOWN: {
    status: 400,
    'zh-CN': '申诉照片 {photoId} 不存在，请重新上传。',
    en: 'Appeal photo {photoId} was not found; upload it again.',
  },
  CREDIT_ITEM_FROZEN: {
    status: 409,
    'zh-CN': '该记录正在申诉中（申诉 {appealId}），须通过申诉处理来更正。',
    en: 'This record is under appeal (#{appealId}); it is corrected by deciding the appeal.',
  },
  CREDIT_VIOLATION_VOIDED: {
    status: 409,
    'zh-CN': '该违规记录已作废。',
    en: 'This violation record is already void.',
  },
  CREDIT_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请选择一张照片（字段 file）。',
    en: 'Choose a photo (field "file").',
  },
  CREDIT_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 格式。',
    en: 'The photo must be a JPEG, PNG or WebP image.',
  },
  CREDIT_IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何违规记录。请按错误列表修改后重新导入。',
    en: 'The file has {errorCount} errors; no violation was imported. Fix the rows listed and import again.',
  },
  CREDIT_IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一条违规记录。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one violation.',
  },
  CREDIT_IMPORT_STORE_UNKNOWN: {
    status: 400,
    'zh-CN': '许可证号 {licenceNo} 不是本公司的客户。',
    en: 'Licence number {licenceNo} is not one of this company’s stores.',
  },
  CREDIT_IMPORT_VALUE_INVALID: {
    status: 400,
    'zh-CN': '“{column}”的值无效。',
    en: 'The value of "{column}" is not valid.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    credit: typeof creditErrors;
  }
}
