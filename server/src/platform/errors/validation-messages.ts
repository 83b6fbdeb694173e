import type { Locale } from './error-catalogue.ts';

// A validation issue as fastify-type-provider-zod hands it over (one zod issue, flattened).
export type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

export type FieldError = { field: string; message: string };

// The keys the shared input bounds (platform/http/input-bounds.ts) give as their zod message, so
// that a refused value is explained in the caller's language.
export const boundMessages = {
  controlCharacters: 'bound:control-characters',
  calendarDate: 'bound:calendar-date',
  calendarMonth: 'bound:calendar-month',
  instant: 'bound:instant',
  dateOrInstant: 'bound:date-or-instant',
} as const;

function describeBound(message: string | undefined, name: string, zh: boolean): string | undefined {
  switch (message) {
    case boundMessages.controlCharacters:
      return zh
        ? `字段 ${name} 含有不允许的控制字符（如 NUL）`
        : `${name} contains a control character (such as NUL), which is not allowed`;
    case boundMessages.calendarDate:
      return zh
        ? `字段 ${name} 应为存在的日期（YYYY-MM-DD，1900–2999 年）`
        : `${name} must be a date that exists (YYYY-MM-DD, years 1900–2999)`;
    case boundMessages.calendarMonth:
      return zh
        ? `字段 ${name} 应为月份（YYYY-MM，1900–2999 年）`
        : `${name} must be a month (YYYY-MM, years 1900–2999)`;
    case boundMessages.dateOrInstant:
      return zh
        ? `字段 ${name} 应为存在的日期（YYYY-MM-DD）或带时区的时间（如 2026-11-23T10:00:00+08:00），1900–2999 年`
        : `${name} must be a date that exists (YYYY-MM-DD) or a date-time with its offset (such as 2026-11-23T10:00:00+08:00), years 1900–2999`;
    case boundMessages.instant:
      return zh
        ? `字段 ${name} 应为带时区的时间（如 2026-11-23T10:00:00+08:00，1900–2999 年）`
        : `${name} must be a date-time with its offset (such as 2026-11-23T10:00:00+08:00, years 1900–2999)`;
  }
  return undefined;
}

const typeNames: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '布尔值',
    object: '对象',
    array: '数组',
    date: '日期',
    undefined: '空',
    null: '空值',
  },
  en: {},
};

function typeName(locale: Locale, name: unknown): string {
  const key = String(name);
  return typeNames[locale][key] ?? key;
}

// Turns one zod issue into a sentence a user can act on, naming the field.
export function describeIssue(issue: ValidationIssue, context: string | undefined, locale: Locale): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const unknownKeys = issue.keyword === 'unrecognized_keys' ? ((issue.params.keys as string[] | undefined) ?? []) : [];
  const field = unknownKeys.length > 0 ? [path, unknownKeys[0]].filter(Boolean).join('.') : path || (context ?? '');
  const zh = locale === 'zh-CN';
  const name = field || (zh ? '请求' : 'request');
  const params = issue.params;
  const origin = String(params.origin ?? '');
  // A shared bound (input-bounds.ts) names what it expects.
  const bound = describeBound(issue.message, name, zh);
  if (bound) return { field, message: bound };
  switch (issue.keyword) {
    case 'invalid_type': {
      if (params.input === undefined) {
        return { field, message: zh ? `缺少必填字段 ${name}` : `${name} is required` };
      }
      const expected = typeName(locale, params.expected);
      return { field, message: zh ? `字段 ${name} 应为${expected}` : `${name} must be a ${expected}` };
    }
    case 'too_big': {
      const limit = params.maximum as number;
      if (origin === 'string') {
        return {
          field,
          message: zh
            ? `字段 ${name} 过长（最多 ${limit} 个字符）`
            : `${name} is too long (at most ${limit} characters)`,
        };
      }
      if (origin === 'array' || origin === 'set') {
        return {
          field,
          message: zh ? `字段 ${name} 最多 ${limit} 项` : `${name} has too many items (at most ${limit})`,
        };
      }
      return { field, message: zh ? `字段 ${name} 不能大于 ${limit}` : `${name} must be at most ${limit}` };
    }
    case 'too_small': {
      const limit = params.minimum as number;
      if (origin === 'string') {
        return limit <= 1
          ? { field, message: zh ? `字段 ${name} 不能为空` : `${name} must not be empty` }
          : {
              field,
              message: zh ? `字段 ${name} 至少 ${limit} 个字符` : `${name} must be at least ${limit} characters`,
            };
      }
      if (origin === 'array' || origin === 'set') {
        return { field, message: zh ? `字段 ${name} 至少 ${limit} 项` : `${name} needs at least ${limit} items` };
      }
      return { field, message: zh ? `字段 ${name} 不能小于 ${limit}` : `${name} must be at least ${limit}` };
    }
    case 'unrecognized_keys':
      return {
        field,
        message: zh ? `不支持的字段：${unknownKeys.join('、')}` : `Unknown field(s): ${unknownKeys.join(', ')}`,
      };
    case 'invalid_value': {
      const values = ((params.values as unknown[] | undefined) ?? []).map(String);
      return {
        field,
        message: zh ? `字段 ${name} 只能是：${values.join('、')}` : `${name} must be one of: ${values.join(', ')}`,
      };
    }
    case 'invalid_format':
      return {
        field,
        message: zh
          ? `字段 ${name} 格式不正确（${String(params.format)}）`
          : `${name} is not a valid ${String(params.format)}`,
      };
    case 'not_multiple_of':
      return {
        field,
        message: zh
          ? `字段 ${name} 必须是 ${String(params.divisor)} 的倍数`
          : `${name} must be a multiple of ${String(params.divisor)}`,
      };
    default:
      // Custom refinements carry their own message; keep it, prefixed with the field.
      return {
        field,
        message: zh ? `字段 ${name} 无效：${issue.message ?? ''}` : `${name} is invalid: ${issue.message ?? ''}`,
      };
  }
}
