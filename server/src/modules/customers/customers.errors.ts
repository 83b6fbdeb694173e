import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The customers module: customer records, custom fields, and the customer import and export. The
// words of any spreadsheet (a file that is not one, missing columns, a cell's problems) are the
// platform's (platform/spreadsheets), shared with products.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const customerErrors = {
  LICENCE_NO_INVALID: {
    status: 400,
    'zh-CN': '专卖许可证号“{licenceNo}”应为 12 位数字。',
    en: 'The licence number "{licenceNo}" must be 12 digits.',
  },
  LICENCE_DISTRICT_UNKNOWN: {
    status: 400,
    'zh-CN': '专卖许可证号“{licenceNo}”的前 6 位“{districtCode}”不是本市的行政区划代码。',
    en: 'The first 6 digits "{districtCode}" of the licence number "{licenceNo}" are not a district of this city.',
  },
  LICENCE_NO_TAKEN: {
    status: 409,
    'zh-CN': '专卖许可证号“{licenceNo}”已有客户档案。',
    en: 'A customer with the licence number "{licenceNo}" already exists.',
  },
  CUSTOMER_MANAGER_INVALID: {
    status: 400,
    'zh-CN': '用户 {managerId} 不是您可指派的客户经理。',
    en: 'User {managerId} is not a customer manager you can assign.',
  },
  CUSTOMERS_NOT_FOUND: {
    status: 404,
    'zh-CN': '有 {count} 个客户不存在或不在您的数据范围内：{ids}。',
    en: '{count} customers do not exist or are outside your data scope: {ids}.',
  },
  FIELD_NOT_EDITABLE: {
    status: 403,
    'zh-CN': '您的角色不能修改这些字段：{fields}。',
    en: 'Your role may not change these fields: {fields}.',
  },
  STATUS_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '变更客户状态须填写原因。',
    en: 'A reason is required to change the customer status.',
  },
  CUSTOMER_STATUS_TRANSITION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '客户状态不能从“{fromLabel}”变为“{toLabel}”。',
    en: 'The customer status cannot change from "{from}" to "{to}".',
  },
  CUSTOM_FIELD_KEY_INVALID: {
    status: 400,
    'zh-CN': '字段标识“{key}”须以小写字母开头，只含小写字母、数字和下划线，最多 30 个字符。',
    en: 'The field key "{key}" must start with a lowercase letter and hold only lowercase letters, digits and underscores (at most 30).',
  },
  CUSTOM_FIELD_LABEL_INVALID: {
    status: 400,
    'zh-CN': '字段名称不能为空，最多 {max} 个字符。',
    en: 'The field label must not be empty and may have at most {max} characters.',
  },
  CUSTOM_FIELD_OPTIONS_NOT_ALLOWED: {
    status: 400,
    'zh-CN': '只有单选和多选字段可以设置选项。',
    en: 'Only single and multiple choice fields have options.',
  },
  CUSTOM_FIELD_OPTIONS_INVALID: {
    status: 400,
    'zh-CN': '单选和多选字段须有 1 至 {max} 个选项。',
    en: 'A choice field needs between 1 and {max} options.',
  },
  CUSTOM_FIELD_OPTION_INVALID: {
    status: 400,
    'zh-CN': '选项“{option}”无效：不能为空、不超过 {max} 个字符，且不能含顿号、逗号或分号。',
    en: 'The option "{option}" is not valid: it must not be empty, may have at most {max} characters, and may not contain 、 , or ;.',
  },
  CUSTOM_FIELD_OPTION_DUPLICATE: {
    status: 400,
    'zh-CN': '选项“{option}”重复。',
    en: 'The option "{option}" appears twice.',
  },
  CUSTOM_FIELD_OPTION_IN_USE: {
    status: 409,
    'zh-CN': '选项“{option}”仍有 {count} 个客户在用，不能删除。',
    en: 'The option "{option}" is still held by {count} customers and cannot be removed.',
  },
  CUSTOM_FIELD_KEY_TAKEN: {
    status: 409,
    'zh-CN': '字段标识“{key}”已被使用。',
    en: 'The field key "{key}" is already in use.',
  },
  CUSTOM_FIELD_LABEL_TAKEN: {
    status: 409,
    'zh-CN': '字段名称“{label}”已被使用。',
    en: 'The field label "{label}" is already in use.',
  },
  CUSTOM_FIELD_UNKNOWN: {
    status: 400,
    'zh-CN': '没有启用中的自定义字段“{key}”。',
    en: 'There is no active custom field "{key}".',
  },
  CUSTOM_FIELD_VALUE_INVALID: {
    status: 400,
    'zh-CN': '“{label}”的值无效，应形如：{expected}。',
    en: 'The value of "{label}" is not valid; expected something like: {expected}.',
  },
  CUSTOM_FIELD_OPTION_UNKNOWN: {
    status: 400,
    'zh-CN': '“{label}”没有选项“{value}”，可选：{options}。',
    en: '"{label}" has no option "{value}"; the options are: {options}.',
  },
  CUSTOM_FIELD_REQUIRED: {
    status: 400,
    'zh-CN': '“{label}”为必填项。',
    en: '"{label}" is required.',
  },
  CUSTOM_FIELD_FILTER_INVALID: {
    status: 400,
    'zh-CN': '“{label}”的筛选条件“{value}”无效。',
    en: 'The filter "{value}" for "{label}" is not valid.',
  },
  QUERY_PARAMETER_UNKNOWN: {
    status: 400,
    'zh-CN': '未知的查询参数：{names}。',
    en: 'Unknown query parameters: {names}.',
  },
  CUSTOMER_CANCELLED: {
    status: 409,
    'zh-CN': '许可证“{licenceNo}”已注销，不能再开通零售客户门户账号。',
    en: 'The licence "{licenceNo}" is cancelled: its portal account cannot be opened.',
  },
  RETAILER_ACCOUNT_UNAVAILABLE: {
    status: 409,
    'zh-CN': '无法为许可证“{licenceNo}”开通门户账号：该用户名已被其他账号占用。',
    en: 'No portal account can be opened for the licence "{licenceNo}": the username is taken by another account.',
  },
  // ---- Customer import and export (客户档案导入导出) ----
  IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何数据。请下载错误标注文件，修改后重新导入。',
    en: 'The file has {errorCount} errors; nothing was imported. Download the marked-up workbook, fix it and import again.',
  },
  IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一个客户。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one customer.',
  },
  IMPORT_MODE_INVALID: {
    status: 400,
    'zh-CN': '导入方式“{mode}”无效，应为 create（仅新建）或 upsert（新建或更新）。',
    en: 'The import mode "{mode}" is not valid: use create or upsert.',
  },
  IMPORT_CELL_TOO_MANY: {
    status: 400,
    'zh-CN': '“{column}”最多 {max} 项。',
    en: '"{column}" holds too many items (at most {max}).',
  },
  IMPORT_CELL_OUT_OF_RANGE: {
    status: 400,
    'zh-CN': '“{column}”超出允许的范围。',
    en: '"{column}" is out of range.',
  },
  IMPORT_DISTRICT_MISMATCH: {
    status: 400,
    'zh-CN': '区县“{district}”与许可证号前 6 位（{districtCode} {districtName}）不一致。',
    en: 'The district "{district}" does not match the licence number\'s first 6 digits ({districtCode} {districtName}).',
  },
  IMPORT_MANAGER_UNKNOWN: {
    status: 400,
    'zh-CN': '“{username}”不是您可指派的客户经理账号。',
    en: '"{username}" is not the account of a customer manager you can assign.',
  },
  IMPORT_DUPLICATE_IN_FILE: {
    status: 400,
    'zh-CN': '专卖许可证号“{licenceNo}”在文件中重复（第 {firstRow} 行已有）。',
    en: 'The licence number "{licenceNo}" appears twice in the file (first on row {firstRow}).',
  },
  IMPORT_CUSTOMER_OUT_OF_SCOPE: {
    status: 400,
    'zh-CN': '专卖许可证号“{licenceNo}”的客户已存在，但不在您的数据范围内。',
    en: 'The customer with licence number "{licenceNo}" exists but is outside your data scope.',
  },
  IMPORT_STATUS_CHANGE_NOT_ALLOWED: {
    status: 400,
    'zh-CN':
      '导入不能变更客户状态（{fromLabel} → {toLabel}）。请在客户详情中“变更状态”并填写原因，或将此格改回“{fromLabel}”或留空。',
    en: 'An import cannot change a customer\'s status ({from} → {to}). Use "change status" with a reason, or set the cell back to "{fromLabel}" or leave it empty.',
  },
  IMPORT_NEW_CUSTOMER_STATUS: {
    status: 400,
    'zh-CN': '新建的客户状态只能为“正常”（或留空）；其他状态请在建档后“变更状态”并填写原因。',
    en: 'A new customer starts as 正常 (active; or leave it empty); other statuses need "change status" with a reason.',
  },
  IMPORT_ERRORS_NOT_FOUND: {
    status: 404,
    'zh-CN': '错误标注文件不存在或已过期（保留 {hours} 小时），请重新导入以生成。',
    en: 'The error workbook does not exist or has expired (kept {hours} hours). Import again to produce a new one.',
  },
  IMPORT_CONFLICT: {
    status: 409,
    'zh-CN': '导入期间客户档案被同时修改（{reason}），未导入任何数据，请重试。',
    en: 'Customers changed while importing ({reason}); nothing was imported. Please try again.',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    customers: typeof customerErrors;
  }
}
