import type { Locale } from './error-catalogue.ts';

// A validation issue as fastify-type-provider-zod hands it over (one zod issue, flattened).
export type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

export type FieldError = { field: string; message: string };

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
