import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The fixture register (资产台账). Each code's HTTP status and message in each language;
// placeholders like {tag} are filled from DomainError.details.
export const assetErrors = {
  ASSET_TAG_TAKEN: {
    status: 409,
    'zh-CN': '资产编号 {tag} 已登记，资产编号须唯一。',
    en: 'Asset tag {tag} is already registered; tags are unique.',
  },
  ASSET_ALREADY_ISSUED: {
    status: 409,
    'zh-CN': '该资产已在客户 {customerId} 处，一件资产同一时间只能在一个客户处；请先收回或改用调拨。',
    en: 'This fixture is already at store {customerId}; a fixture has one holder at a time — return or transfer it instead.',
  },
  ASSET_NOT_ISSUED: {
    status: 409,
    'zh-CN': '该资产不在任何客户处，不能调拨或收回。',
    en: 'This fixture is not at a store; it cannot be transferred or returned.',
  },
  ASSET_SAME_STORE: {
    status: 409,
    'zh-CN': '该资产已在这个客户处。',
    en: 'This fixture is already at that store.',
  },
  ASSET_STORE_NOT_ACTIVE: {
    status: 409,
    'zh-CN': '客户不在营（状态：{status}），不能领用资产。',
    en: 'The store is not in business (status: {status}); it cannot take a fixture.',
  },
  ASSET_WRITTEN_OFF: {
    status: 409,
    'zh-CN': '该资产已报废核销，不能再变动。',
    en: 'This fixture has been written off and cannot change any more.',
  },
  ASSET_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '报废核销须填写原因。',
    en: 'A write-off needs a reason.',
  },
  ASSET_AUDIT_INTERVAL_INVALID: {
    status: 400,
    'zh-CN': '盘点周期须为 1–60 个月。',
    en: 'The audit interval must be 1–60 months.',
  },
  ASSET_VISIT_MISMATCH: {
    status: 400,
    'zh-CN': '走访记录 {visitId} 不是对该资产所在客户的走访。',
    en: 'Visit {visitId} was not a visit to the store holding this fixture.',
  },
  ASSET_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请选择一张照片（字段 file）。',
    en: 'Choose a photo (field "file").',
  },
  ASSET_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 格式。',
    en: 'The photo must be a JPEG, PNG or WebP image.',
  },
  ASSET_PHOTO_UNAVAILABLE: {
    status: 400,
    'zh-CN': '照片 {photoId} 不存在或已被使用，请重新上传。',
    en: 'Photo {photoId} does not exist or is already used; upload it again.',
  },
  ASSET_IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何资产。请按错误列表修改后重新导入。',
    en: 'The file has {errorCount} errors; no fixture was imported. Fix the rows listed and import again.',
  },
  ASSET_IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一件资产。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one fixture.',
  },
  ASSET_IMPORT_VALUE_INVALID: {
    status: 400,
    'zh-CN': '“{column}”的值无效。',
    en: 'The value of "{column}" is not valid.',
  },
  ASSET_IMPORT_TAG_DUPLICATE: {
    status: 400,
    'zh-CN': '资产编号 {tag} 已登记或在文件中重复。',
    en: 'Asset tag {tag} is already registered or repeated in the file.',
  },
  ASSET_IMPORT_STORE_UNKNOWN: {
    status: 400,
    'zh-CN': '许可证号 {licenceNo} 不是您范围内的在营客户。',
    en: 'Licence number {licenceNo} is not a store in business within your scope.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    assets: typeof assetErrors;
  }
}
