// The error codes the API can answer with: each code's HTTP status and its message in each language.
// Placeholders like {field} are filled from DomainError.details. The platform's own codes (the
// transport, sign-in, access, audit) are here; each module declares its codes in
// modules/<module>/<module>.errors.ts, and server/src/modules.ts registers them (registerErrors).
export type Locale = 'zh-CN' | 'en';

export type ErrorEntry = {
  status: number;
  'zh-CN': string;
  en: string;
  // Details a client needs as data, not only in the message, sent as RFC 9457 extension members
  // of the problem (which product an order line failed on, and how much is left of it).
  extensions?: readonly string[];
};

export type ErrorEntries = Record<string, ErrorEntry>;

export const platformErrors = {
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
  AUDIT_LOG_IS_APPEND_ONLY: {
    status: 409,
    'zh-CN': '审计日志只能追加，不能修改或删除。',
    en: 'The audit trail is append-only: it cannot be changed or deleted.',
  },
  // Codes that more than one module answers with, kept here rather than in one of them: a list's
  // page cursor (customers' and products' keyset paging) …
  INVALID_CURSOR: {
    status: 400,
    'zh-CN': '分页游标无效，请从第一页重新开始。',
    en: 'The page cursor is not valid. Start again from the first page.',
  },
  // … an uploaded file, read by platform/http's upload helpers for every module's import …
  IMPORT_FILE_MISSING: {
    status: 400,
    'zh-CN': '请上传文件（表单字段 file，.xlsx 或 .csv）。',
    en: 'Upload a file (form field "file", .xlsx or .csv).',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件超过 {limit} 的上限，请拆分后分批导入。',
    en: 'The file exceeds the {limit} limit. Split it and import the parts one by one.',
  },
  // … and a photo over its limit, attached to a ticket or taken on a visit.
  PHOTO_TOO_LARGE: {
    status: 413,
    'zh-CN': '照片超过 {limit} 的上限。',
    en: 'The photo exceeds the {limit} limit.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    'zh-CN': 'Idempotency-Key 请求头须为 1–100 个可见字符。',
    en: 'The Idempotency-Key header must be 1–100 visible characters.',
  },
  // Spreadsheet imports and exports (platform/spreadsheets), and the cell problems that customers'
  // and products' sheets both report.
  IMPORT_FILE_NOT_SPREADSHEET: {
    status: 400,
    'zh-CN': '“{fileName}”不是可导入的表格文件。请上传 Excel 工作簿（.xlsx）或 CSV 文件。{hint}',
    en: '"{fileName}" is not a spreadsheet that can be imported. Upload an Excel workbook (.xlsx) or a CSV file. {hint}',
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
  IMPORT_CELL_REQUIRED: { status: 400, 'zh-CN': '“{column}”为必填项。', en: '"{column}" is required.' },
  IMPORT_CELL_TOO_LONG: {
    status: 400,
    'zh-CN': '“{column}”过长（最多 {max} 个字）。',
    en: '"{column}" is too long (at most {max} characters).',
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
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试。错误编号：{requestId}',
    en: 'Internal server error. Please try again later. Reference: {requestId}',
  },
} as const satisfies ErrorEntries;

// Every list of codes by its owner, for the type checker only: a module adds its own by declaring
// this interface again in its <module>.errors.ts (declaration merging), so ErrorCode is every code
// of the platform and the modules while the platform imports no module.
export interface ErrorCatalogues {
  platform: typeof platformErrors;
}

export type ErrorCode = { [K in keyof ErrorCatalogues]: keyof ErrorCatalogues[K] }[keyof ErrorCatalogues] & string;

// The catalogue the problem handler reads: the platform's codes, and the modules' once registered.
const assembled: Record<string, ErrorEntry> = { ...platformErrors };
const ownerOf = new Map<string, string>(Object.keys(platformErrors).map((code) => [code, 'platform']));

// Typed as complete: it is, once server/src/modules.ts has registered the modules' lists.
export const errorCatalogue = assembled as Readonly<Record<ErrorCode, ErrorEntry>>;

// Adds a module's codes to the catalogue. A code has one owner: one registered twice is refused,
// whole, before any of the list is taken, rather than answer with whichever came last.
export function registerErrors(entries: ErrorEntries, owner = 'a module'): void {
  const taken = Object.keys(entries).filter((code) => ownerOf.has(code));
  if (taken.length > 0) {
    const which = taken.map((code) => `${code} (already registered by ${ownerOf.get(code)})`).join(', ');
    throw new Error(`Error codes registered twice, by ${owner}: ${which}. A code belongs to one list.`);
  }
  for (const [code, entry] of Object.entries(entries)) {
    assembled[code] = entry;
    ownerOf.set(code, owner);
  }
}

export function entryOf(code: ErrorCode): ErrorEntry {
  if (!Object.hasOwn(assembled, code)) {
    throw new Error(
      `Error code ${code} is not registered: its module's errors are registered in server/src/modules.ts`,
    );
  }
  return assembled[code];
}

export function statusOf(code: ErrorCode): number {
  return entryOf(code).status;
}

export function messageOf(code: ErrorCode, locale: Locale, details: Record<string, unknown> = {}): string {
  const template = entryOf(code)[locale];
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
