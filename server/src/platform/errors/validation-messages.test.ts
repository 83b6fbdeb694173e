import { describe, expect, it } from 'vitest';
import { boundMessages, describeIssue, type ValidationIssue } from './validation-messages.ts';

const cases: Array<{ issue: ValidationIssue; zh: string; en: string; field: string }> = [
  {
    issue: { keyword: 'invalid_type', instancePath: '/username', params: { expected: 'string' } },
    zh: '缺少必填字段 username',
    en: 'username is required',
    field: 'username',
  },
  {
    issue: { keyword: 'invalid_type', instancePath: '/age', params: { expected: 'number', input: 'x' } },
    zh: '字段 age 应为数字',
    en: 'age must be a number',
    field: 'age',
  },
  {
    issue: { keyword: 'too_big', instancePath: '/displayName', params: { origin: 'string', maximum: 50 } },
    zh: '字段 displayName 过长（最多 50 个字符）',
    en: 'displayName is too long (at most 50 characters)',
    field: 'displayName',
  },
  {
    issue: { keyword: 'unrecognized_keys', instancePath: '/', params: { keys: ['isAdmin'] } },
    zh: '不支持的字段：isAdmin',
    en: 'Unknown field(s): isAdmin',
    field: 'isAdmin',
  },
  {
    issue: { keyword: 'invalid_value', instancePath: '/role', params: { values: ['admin', 'manager'] } },
    zh: '字段 role 只能是：admin、manager',
    en: 'role must be one of: admin, manager',
    field: 'role',
  },
  {
    issue: { keyword: 'too_small', instancePath: '/lines', params: { origin: 'array', minimum: 1 } },
    zh: '字段 lines 至少 1 项',
    en: 'lines needs at least 1 items',
    field: 'lines',
  },
  {
    issue: {
      keyword: 'invalid_format',
      instancePath: '/q',
      message: boundMessages.controlCharacters,
      params: { format: 'regex' },
    },
    zh: '字段 q 含有不允许的控制字符（如 NUL）',
    en: 'q contains a control character (such as NUL), which is not allowed',
    field: 'q',
  },
  {
    issue: {
      keyword: 'invalid_format',
      instancePath: '/from',
      message: boundMessages.calendarDate,
      params: { format: 'date' },
    },
    zh: '字段 from 应为存在的日期（YYYY-MM-DD，1900–2999 年）',
    en: 'from must be a date that exists (YYYY-MM-DD, years 1900–2999)',
    field: 'from',
  },
  {
    issue: {
      keyword: 'invalid_format',
      instancePath: '/month',
      message: boundMessages.calendarMonth,
      params: { format: 'regex' },
    },
    zh: '字段 month 应为月份（YYYY-MM，1900–2999 年）',
    en: 'month must be a month (YYYY-MM, years 1900–2999)',
    field: 'month',
  },
  {
    issue: {
      keyword: 'invalid_union',
      instancePath: '/from',
      message: boundMessages.dateOrInstant,
      params: { errors: [] },
    },
    zh: '字段 from 应为存在的日期（YYYY-MM-DD）或带时区的时间（如 2026-11-23T10:00:00+08:00），1900–2999 年',
    en: 'from must be a date that exists (YYYY-MM-DD) or a date-time with its offset (such as 2026-11-23T10:00:00+08:00), years 1900–2999',
    field: 'from',
  },
];

describe(describeIssue.name, () => {
  it.each(cases)('names the field $field in both languages', ({ issue, zh, en, field }) => {
    expect(describeIssue(issue, 'body', 'zh-CN')).toEqual({ field, message: zh });
    expect(describeIssue(issue, 'body', 'en')).toEqual({ field, message: en });
  });
});
