// Every error code the API can answer with: its HTTP status and its message in each language.
// Placeholders like {field} are filled from DomainError.details.
export type Locale = 'zh-CN' | 'en';

type Entry = { status: number; 'zh-CN': string; en: string };

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '请求内容有误：{reason}', en: 'The request is not valid: {reason}' },
  MALFORMED_JSON: { status: 400, 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  MULTIPART_MALFORMED: {
    status: 400,
    'zh-CN': '上传内容不完整或格式有误（multipart/form-data 缺少分隔符或提前结束），请重新上传。',
    en: 'The upload is incomplete or malformed (a multipart/form-data body without its boundary, or cut short); please upload it again.',
  },
  // A value the database refused to store or compare, which the request schema let through.
  VALUE_NOT_STORABLE: {
    status: 400,
    'zh-CN': '请求中的某个值超出允许范围、不是存在的日期或含有控制字符，未做任何更改。',
    en: 'A value in the request is out of range, is not a date that exists, or contains a control character; nothing was changed.',
  },
  BODY_TOO_LARGE: {
    status: 413,
    'zh-CN': '请求体过大（上限 {limit}）。',
    en: 'The request body is too large (limit {limit}).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '不支持的内容类型：{contentType}。',
    en: 'Unsupported content type: {contentType}.',
  },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到请求的资源。', en: 'The requested resource was not found.' },
  ROUTE_NOT_FOUND: {
    status: 404,
    'zh-CN': '接口不存在：{method} {url}。',
    en: 'No such endpoint: {method} {url}.',
  },
  URI_TOO_LONG: {
    status: 414,
    'zh-CN': '请求地址过长。',
    en: 'The request URL is too long.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    'zh-CN': '请求头过大。',
    en: 'The request headers are too large.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    'zh-CN': '请求无法解析：地址或格式无效。',
    en: 'The request cannot be read: its address or form is not valid.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    'zh-CN': '请求未在限定时间内发完。',
    en: 'The request was not sent completely in time.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    'zh-CN': '该资源不允许此操作。',
    en: 'This operation is not allowed on the resource.',
  },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录。', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    'zh-CN': '用户名或密码错误。',
    en: 'The username or password is incorrect.',
  },
  INVALID_RETAILER_CREDENTIALS: {
    status: 401,
    'zh-CN': '许可证号或密码错误。',
    en: 'The licence number or password is incorrect.',
  },
  ACCOUNT_DISABLED: {
    status: 401,
    'zh-CN': '该账号已停用，请联系管理员。',
    en: 'This account is disabled. Please contact your administrator.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后再试。',
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '请求过于频繁，请稍后再试。',
    en: 'Too many requests. Please try again later.',
  },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限。', en: 'You do not have permission to do this.' },
  CITY_WIDE_SCOPE_REQUIRED: {
    status: 403,
    'zh-CN': '此操作影响全市，需要全市范围的数据权限；您的数据范围仅限本单位。',
    en: 'This change affects the whole city company and needs a city-wide data scope; yours is limited to your unit.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '您正在使用他人设置的初始密码，请先修改密码。',
    en: 'You are signed in with an initial password someone else set: change your password first.',
  },
  WRONG_PASSWORD: { status: 400, 'zh-CN': '当前密码不正确。', en: 'The current password is incorrect.' },
  WEAK_PASSWORD: {
    status: 400,
    'zh-CN': '密码太弱：{reason}',
    en: 'The password is too weak: {reason}',
  },
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名“{username}”已被使用。',
    en: 'The username "{username}" is already taken.',
  },
  ORG_UNIT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '机构编码“{code}”已被使用。',
    en: 'The org unit code "{code}" is already in use.',
  },
  ORG_UNIT_INVALID_PARENT: {
    status: 409,
    'zh-CN': '{kind}不能设在{parentKind}之下。',
    en: 'A {kind} cannot be placed under a {parentKind}.',
  },
  SCOPE_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '角色“{role}”不能使用数据范围“{scope}”。',
    en: 'The role "{role}" cannot have the data scope "{scope}".',
  },
  CANNOT_DISABLE_SELF: {
    status: 409,
    'zh-CN': '不能停用或降级自己的账号。',
    en: 'You cannot disable or demote your own account.',
  },
  SETUP_ALREADY_DONE: {
    status: 409,
    'zh-CN': '系统已完成初始化，请直接登录。',
    en: 'Kewo is already set up. Please sign in.',
  },
  AUDIT_LOG_IS_APPEND_ONLY: {
    status: 409,
    'zh-CN': '审计日志只能追加，不能修改或删除。',
    en: 'The audit trail is append-only: it cannot be changed or deleted.',
  },
  INVALID_CURSOR: {
    status: 400,
    'zh-CN': '分页游标无效，请从第一页重新开始。',
    en: 'The page cursor is not valid. Start again from the first page.',
  },
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
  CITY_CODE_REQUIRED: {
    status: 400,
    'zh-CN': '首个市公司须指定所在地级市的行政区划代码（--city-code，如 3506 漳州市）。',
    en: 'The first city company needs its city code (--city-code, e.g. 3506 for Zhangzhou).',
  },
  CONSOLE_CITY_EXISTS: {
    status: 409,
    'zh-CN':
      '数据库中已有市公司（{tenants}）：--city / --city-code 只在空数据库上创建首个市公司。新增市公司请用 kewo tenant create；在已有市公司中创建账号请用 --tenant <编码>。',
    en: 'The database already holds city companies ({tenants}): --city / --city-code create the first one on an empty database only. Add a city company with kewo tenant create; create an account in one with --tenant <code>.',
  },
  CONSOLE_TENANT_REQUIRED: {
    status: 400,
    'zh-CN': '请用 --tenant <编码> 指明账号所属的市公司（现有：{tenants}）。',
    en: "Name the account's city company with --tenant <code> (there are: {tenants}).",
  },
  DEPLOYMENT_OPERATOR_ONLY: {
    status: 403,
    'zh-CN': '只有运营本系统的市公司的系统管理员可以管理市公司。',
    en: 'Only the administrators of the city company that operates this deployment manage city companies.',
  },
  TENANT_UNKNOWN: {
    status: 404,
    'zh-CN': '没有编码为“{tenantCode}”的市公司（现有：{tenants}）。',
    en: 'No city company has the code "{tenantCode}" (there are: {tenants}).',
  },
  TENANT_CODE_INVALID: {
    status: 400,
    'zh-CN': '市公司编码“{tenantCode}”应为 2–32 位小写字母、数字或连字符，并以字母开头（如 xiamen）。',
    en: 'The city company code "{tenantCode}" must be 2–32 lowercase letters, digits or hyphens, starting with a letter (e.g. xiamen).',
  },
  TENANT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '市公司编码“{tenantCode}”已被使用。',
    en: 'The city company code "{tenantCode}" is already in use.',
  },
  TENANT_CITY_TAKEN: {
    status: 409,
    'zh-CN': '行政区划代码 {cityCode} 的城市已有市公司（{tenantCode}）：一个城市只设一个市公司。',
    en: 'The city {cityCode} already has its city company ({tenantCode}): a city has one.',
  },
  CITY_UNKNOWN: {
    status: 400,
    'zh-CN': '“{cityCode}”不是地级市的行政区划代码（4 位，如 3506 漳州市）。',
    en: '"{cityCode}" is not the code of a prefecture-level city (4 digits, e.g. 3506 Zhangzhou).',
  },
  // ---- Customer import and export (客户档案导入导出) ----
  IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何数据。请下载错误标注文件，修改后重新导入。',
    en: 'The file has {errorCount} errors; nothing was imported. Download the marked-up workbook, fix it and import again.',
  },
  IMPORT_FILE_MISSING: {
    status: 400,
    'zh-CN': '请上传文件（表单字段 file，.xlsx 或 .csv）。',
    en: 'Upload a file (form field "file", .xlsx or .csv).',
  },
  IMPORT_FILE_NOT_SPREADSHEET: {
    status: 400,
    'zh-CN': '“{fileName}”不是可导入的表格文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件。{hint}',
    en: '"{fileName}" is not a spreadsheet that can be imported. Upload an Excel workbook (.xlsx) or a CSV file. {hint}',
  },
  IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一个客户。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one customer.',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件超过 {limit} 的上限，请拆分后分批导入。',
    en: 'The file exceeds the {limit} limit. Split it and import the parts one by one.',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 400,
    'zh-CN': '文件缺少必需的列：{columns}。请使用导入模板的表头（第 1 行）。',
    en: 'The file lacks required columns: {columns}. Use the header row of the import template.',
  },
  IMPORT_COLUMNS_DUPLICATED: {
    status: 400,
    'zh-CN': '表头中有重复的列：{columns}。',
    en: 'The header repeats columns: {columns}.',
  },
  IMPORT_MODE_INVALID: {
    status: 400,
    'zh-CN': '导入方式“{mode}”无效，应为 create（仅新建）或 upsert（新建或更新）。',
    en: 'The import mode "{mode}" is not valid: use create or upsert.',
  },
  IMPORT_CELL_REQUIRED: { status: 400, 'zh-CN': '“{column}”为必填项。', en: '"{column}" is required.' },
  IMPORT_CELL_TOO_LONG: {
    status: 400,
    'zh-CN': '“{column}”过长（最多 {max} 个字）。',
    en: '"{column}" is too long (at most {max} characters).',
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
  IMPORT_CELL_INVALID: {
    status: 400,
    'zh-CN': '“{column}”格式不正确，应如：{expected}。',
    en: '"{column}" is not in the expected form, e.g. {expected}.',
  },
  IMPORT_CELL_UNKNOWN: {
    status: 400,
    'zh-CN': '“{column}”的值无法识别，可填：{allowed}。',
    en: '"{column}" holds an unknown value; allowed: {allowed}.',
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
  IMPORT_SHEET_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件解压后的内容超过 {limit} 的上限（压缩比异常或表格过大），未导入任何数据。请拆分后分批导入。',
    en: 'The file unpacks to more than the {limit} limit (an unusual compression ratio, or too large a sheet); nothing was imported. Split it and import the parts one by one.',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    'zh-CN': '文件超过 {limit} 行的上限，未导入任何数据。请拆分后分批导入。',
    en: 'The file has more than {limit} rows; nothing was imported. Split it and import the parts one by one.',
  },
  IMPORT_ROW_TOO_WIDE: {
    status: 400,
    'zh-CN': '第 {row} 行超过 {limit} 列的上限，未导入任何数据。请删除多余的列。',
    en: 'Row {row} has more than {limit} columns; nothing was imported. Remove the extra columns.',
  },
  // Written as the last row of a download that broke off after it had started (its status was sent).
  EXPORT_INCOMPLETE: {
    status: 500,
    'zh-CN': '导出未完成：读取数据时出错，以上为已导出的部分，请重新导出（错误编号 {requestId}）。',
    en: 'Export incomplete: reading the data failed; the rows above are what was exported. Please export again (error reference {requestId}).',
  },
  // Supply: allocation strategies (货源投放) and grades (档位).
  ALLOCATION_STRATEGY_INVALID: {
    status: 400,
    'zh-CN': '投放策略有误：{reason}',
    en: 'The allocation strategy is not valid: {reasonEn}',
  },
  GRADE_WEIGHTS_INVALID: {
    status: 400,
    'zh-CN': '档位权重须为 0–100 的整数且合计 100（金额 {amount} + 数量 {quantity}）。',
    en: 'Grade weights must be whole numbers from 0 to 100 that add up to 100 (amount {amount} + quantity {quantity}).',
  },
  // 货源与订货 supply and ordering
  NO_OPEN_CYCLE: {
    status: 404,
    'zh-CN': '当前没有开放订货的周期。',
    en: 'There is no order cycle open now.',
  },
  ORDER_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '不在订货时间内（本店订货时间：{opensAt} 至 {closesAt}）。',
    en: 'Ordering is closed (this store orders from {opensAt} to {closesAt}).',
  },
  ORDER_EMPTY: { status: 400, 'zh-CN': '订单至少要有一个品规。', en: 'An order needs at least one line.' },
  ORDER_TOO_MANY_LINES: {
    status: 400,
    'zh-CN': '一张订单最多 {limit} 个品规（收到 {count} 个）。',
    en: 'An order holds at most {limit} lines (got {count}).',
  },
  ORDER_QTY_INVALID: {
    status: 400,
    'zh-CN': '订购数量必须是正整数（条），商品 {productId} 为 {qty}。',
    en: 'Quantities must be whole positive cartons; product {productId} has {qty}.',
  },
  ORDER_LINE_ABOVE_CAP: {
    status: 400,
    'zh-CN': '“{product}”每单最多订 {cap} 条（本次 {qty} 条）。',
    en: '"{product}": an order holds at most {cap} cartons of one product (got {qty}).',
  },
  ORDER_LINE_DUPLICATE: {
    status: 400,
    'zh-CN': '商品 {productId} 在订单中出现了两次，请合并为一行。',
    en: 'Product {productId} appears twice in the order; put it on one line.',
  },
  QUOTA_EXCEEDED: {
    status: 409,
    'zh-CN': '“{product}”超出可订量：本次 {requested} 条，剩余 {remaining} 条。',
    en: '"{product}" exceeds the quota: {requested} cartons asked, {remaining} left.',
  },
  PRODUCT_NOT_IN_CYCLE: {
    status: 409,
    'zh-CN': '商品 {productId} 不在本周期的货源中。',
    en: 'Product {productId} is not offered in this cycle.',
  },
  STORE_NOT_IN_CYCLE: {
    status: 409,
    'zh-CN': '本店不在本周期的投放范围内（投放发布后才建档的客户需等下个周期）。',
    en: 'This store has no allocation in this cycle (stores added after publishing wait for the next cycle).',
  },
  ORDER_CANCELLED: {
    status: 409,
    'zh-CN': '该订单已取消，不能再修改。',
    en: 'This order has been cancelled and cannot be changed.',
  },
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
  // A photo over its limit, attached to a ticket or taken on a visit.
  PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片超过 {limit} 的上限。',
    en: 'The photo exceeds the {limit} limit.',
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
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    'zh-CN': 'Idempotency-Key 请求头须为 1–100 个可见字符。',
    en: 'The Idempotency-Key header must be 1–100 visible characters.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该 Idempotency-Key 已用于另一笔不同的提交。',
    en: 'This Idempotency-Key was already used for a different submission.',
  },
  CYCLE_NOT_DRAFT: {
    status: 409,
    'zh-CN': '订货周期 {code} 已发布，不能再修改投放策略或重复发布。',
    en: 'Order cycle {code} is already published: its allocation cannot change or be published again.',
  },
  CYCLE_EXISTS: {
    status: 409,
    'zh-CN': '{weekStart} 这一周的订货周期已存在。',
    en: 'An order cycle for the week of {weekStart} already exists.',
  },
  CYCLE_LINE_CAP_INVALID: {
    status: 400,
    'zh-CN': '每单每品限订须为 {min}–{max} 的整数（收到 {lineCap}）。',
    en: 'The cap of cartons per product per order must be a whole number from {min} to {max} (got {lineCap}).',
  },
  CYCLE_WEEK_INVALID: {
    status: 400,
    'zh-CN': '订货周期须从周一开始（收到 {weekStart}）。',
    en: 'An order cycle starts on a Monday (got {weekStart}).',
  },
  CYCLE_WINDOW_INVALID: {
    status: 400,
    'zh-CN': '订货时间有误：开始须早于截止，截止时间格式为 HH:MM。',
    en: 'The ordering window is invalid: it must open before it closes, and the cutoff is HH:MM.',
  },
  CYCLE_HAS_NO_PRODUCTS: {
    status: 409,
    'zh-CN': '订货周期 {code} 还没有投放商品，不能发布。',
    en: 'Order cycle {code} has no products to allocate; it cannot be published.',
  },
  CYCLE_PRODUCT_UNKNOWN: {
    status: 409,
    'zh-CN': '商品 {productId} 不存在或已停售。',
    en: 'Product {productId} does not exist or is discontinued.',
  },
  GRADE_RUN_NOT_DRAFT: {
    status: 409,
    'zh-CN': '该档位测算已发布。',
    en: 'This grade run has already been published.',
  },
  GRADE_RUN_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能发布最新的档位测算（已有更新的测算 {latestId}）。',
    en: 'Only the latest grade run can be published (run {latestId} is newer).',
  },
  CLASSIFICATION_RULE_SET_INVALID: {
    status: 400,
    'zh-CN': '分类规则有误：{reason}',
    en: 'The classification rule set is not valid: {reasonEn}',
  },
  CLASSIFICATION_RUN_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能审批或调整最新的分类测算（已有更新的测算 {latestId}）。',
    en: 'Only the latest classification run can be approved or adjusted (run {latestId} is newer).',
  },
  CLASSIFICATION_RUN_APPLIED: {
    status: 409,
    'zh-CN': '分类测算 {runId} 已审批生效，不能再次审批或调整。',
    en: 'Classification run {runId} has already been approved and applied.',
  },
  CLASSIFICATION_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '请填写调整分类的理由。',
    en: 'A reason is required to change a class.',
  },
  CLASSIFICATION_SPECIAL_BY_HAND: {
    status: 409,
    'zh-CN': '特殊客户只能在客户分类中手工设定或解除，不能在测算中调整。',
    en: 'The special class is set and lifted by hand only, not in a run.',
  },
  CLASSIFICATION_DEMO_TYPE_INVALID: {
    status: 400,
    'zh-CN': '只有示范客户才有示范类型。',
    en: 'Only a demonstration store has a demonstration type.',
  },
  CLASSIFICATION_NOTHING_CLASSIFIED: {
    status: 409,
    'zh-CN': '尚无已生效的客户分类，无法抽查。',
    en: 'No store is classified yet: there is nothing to spot-check.',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试。错误编号：{requestId}',
    en: 'Internal server error. Please try again later. Reference: {requestId}',
  },
  // ---- Products (卷烟规格) ----
  PRODUCT_CODE_INVALID: {
    status: 400,
    'zh-CN': '卷烟编码“{code}”无效：应为 4 至 20 位数字或字母，如条码 6901028075862 或卷烟代码 53010101。',
    en: 'The product code "{code}" is not valid: 4 to 20 digits or letters, e.g. the bar code 6901028075862 or the code 53010101.',
  },
  PRODUCT_BARCODE_CHECK_DIGIT: {
    status: 400,
    'zh-CN': '条码“{code}”的校验位不正确（应为 {expected}），请核对是否输错。',
    en: 'The bar code "{code}" has a wrong check digit (expected {expected}); check it for a typo.',
  },
  PRODUCT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '卷烟编码“{code}”已被使用。',
    en: 'The product code "{code}" is already in use.',
  },
  PRODUCT_PRICE_INVALID: {
    status: 400,
    'zh-CN': '价格须大于 0、不超过 {max} 元/条，且最多两位小数。',
    en: 'A price must be above 0 and at most {max} yuan a carton, with at most two decimals.',
  },
  PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE: {
    status: 400,
    'zh-CN': '建议零售价（{retailPrice} 元/条）须高于批发价（{wholesalePrice} 元/条）。',
    en: 'The suggested retail price ({retailPrice} yuan a carton) must be above the wholesale price ({wholesalePrice}).',
  },
  PRODUCT_RETAIL_MARKUP_TOO_HIGH: {
    status: 400,
    'zh-CN':
      '建议零售价（{retailPrice} 元/条）比批发价（{wholesalePrice} 元/条）高出 {percent}% 以上，请核对是否按“包”而非“条”填写。',
    en: 'The suggested retail price ({retailPrice} yuan a carton) is more than {percent}% above the wholesale price ({wholesalePrice}); check that both are per carton, not per pack.',
  },
  PRODUCT_IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何数据。请按错误列表修改后重新导入。',
    en: 'The file has {errorCount} errors; nothing was imported. Fix the rows listed and import again.',
  },
  PRODUCT_IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头，从第 2 行起每行一个卷烟规格。',
    en: '"{fileName}" holds no data rows: row 1 is the header, each following row one product.',
  },
  PRODUCT_IMPORT_DUPLICATE_IN_FILE: {
    status: 400,
    'zh-CN': '卷烟编码“{code}”在文件中重复（第 {firstRow} 行已有）。',
    en: 'The product code "{code}" appears twice in the file (first on row {firstRow}).',
  },
  PRODUCT_IMPORT_CONFLICT: {
    status: 409,
    'zh-CN': '导入期间卷烟规格被同时修改（{code}），未导入任何数据，请重试。',
    en: 'Products changed while importing ({code}); nothing was imported. Please try again.',
  },
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
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalogue;

export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

export function messageOf(code: ErrorCode, locale: Locale, details: Record<string, unknown> = {}): string {
  const template = errorCatalogue[code][locale];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = details[name];
    if (value === undefined || value === null) return placeholder;
    return Array.isArray(value) ? value.join(locale === 'zh-CN' ? '、' : ', ') : String(value);
  });
}

// Chooses zh-CN unless the client prefers English; Chinese is the product's first language.
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const quality = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
