import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { refusedValueStateOf } from '../../db/errors.ts';
import { isDomainError } from './domain-error.ts';
import { type ErrorCode, entryOf, type Locale, messageOf, pickLocale, statusOf } from './error-catalogue.ts';
import { loggableError } from './loggable-error.ts';
import { describeIssue, type FieldError, type ValidationIssue } from './validation-messages.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  errors?: FieldError[];
  instance?: string;
  // RFC 9457 extension members a client can act on (extensionsOf below).
  [member: string]: unknown;
};

// Details of an error that a client needs as data, not only in the message: the code's entry in
// the catalogue names them (ErrorEntry.extensions).
function extensionsOf(code: ErrorCode, details: Record<string, unknown>): Record<string, unknown> {
  const members = entryOf(code).extensions ?? [];
  return Object.fromEntries(
    members.filter((member) => details[member] !== undefined).map((member) => [member, details[member]]),
  );
}

const titles: Record<Locale, Record<number, string>> = {
  'zh-CN': {
    400: '请求无效',
    401: '未登录',
    403: '无权限',
    404: '未找到',
    405: '不允许的操作',
    409: '冲突',
    408: '请求超时',
    413: '请求过大',
    414: '地址过长',
    415: '不支持的类型',
    422: '无法处理',
    429: '请求过多',
    431: '请求头过大',
    500: '服务器错误',
  },
  en: {
    400: 'Bad request',
    401: 'Unauthenticated',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    409: 'Conflict',
    408: 'Request timeout',
    413: 'Content too large',
    414: 'URI too long',
    415: 'Unsupported media type',
    422: 'Unprocessable content',
    429: 'Too many requests',
    431: 'Request header fields too large',
    500: 'Internal server error',
  },
};

export function buildProblem(
  code: ErrorCode,
  locale: Locale,
  details: Record<string, unknown> = {},
  extra: Partial<Problem> = {},
): Problem {
  const status = statusOf(code);
  return {
    type: `urn:kewo:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[locale][status] ?? titles[locale][500],
    status,
    detail: messageOf(code, locale, details),
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  // A download that failed before its first byte had already been given the file's headers (and,
  // once compression took its stream, content-encoding), also on the raw response: the problem
  // is neither that file nor encoded yet.
  for (const name of ['content-encoding', 'content-disposition', 'content-length']) {
    reply.removeHeader(name);
    if (!reply.raw.headersSent) reply.raw.removeHeader(name);
  }
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(problem));
}

function localeOf(request: FastifyRequest): Locale {
  return request.locale ?? pickLocale(request.headers['accept-language']);
}

// One place turns every failure into problem+json in the caller's language. Stack traces
// go to the log, never to the client.
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (isDomainError(error)) {
      const retryAfter = error.details.retryAfterSeconds;
      return sendProblem(
        reply,
        buildProblem(error.code, locale, error.details, {
          ...extensionsOf(error.code, error.details),
          ...(error.field ? { field: error.field } : {}),
        }),
        typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = (error.validation as unknown as ValidationIssue[]).map((issue) =>
        describeIssue(issue, error.validationContext, locale),
      );
      const first = errors[0];
      return sendProblem(
        reply,
        buildProblem('VALIDATION_FAILED', locale, { reason: first.message }, { field: first.field, errors }),
      );
    }
    if (isAuditTriggerRefusal(error)) return sendProblem(reply, buildProblem('AUDIT_LOG_IS_APPEND_ONLY', locale));
    const refusedValue = refusedValueStateOf(error);
    if (refusedValue) {
      // Only the SQLSTATE: the statement's parameters are the caller's text.
      request.log.warn({ sqlState: refusedValue }, 'the database refused a value from the request');
      return sendProblem(reply, buildProblem('VALUE_NOT_STORABLE', locale));
    }
    const code = mapFrameworkError(error);
    if (code) {
      // Every placeholder of the codes a framework error maps to is filled: a message is never
      // sent with "{reason}" in it.
      return sendProblem(
        reply,
        buildProblem(code, locale, {
          limit: '1 MiB',
          contentType: request.headers['content-type'],
          reason: frameworkRefusalReason[locale],
        }),
      );
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return sendProblem(reply, buildProblem('INTERNAL', locale, { requestId: request.id }));
  });
}

// A refusal by the framework (not by a schema) has no field to name.
const frameworkRefusalReason: Record<Locale, string> = {
  'zh-CN': '服务器无法按此形式接受该请求。',
  en: 'the server cannot accept the request in this form.',
};

// The database trigger that guards the audit trail raises SQLSTATE KW001 (migration 0001).
function isAuditTriggerRefusal(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === 'KW001' || cause?.code === 'KW001';
}

function mapFrameworkError(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'MALFORMED_JSON';
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return 'MALFORMED_JSON';
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error.statusCode === 404) return 'NOT_FOUND';
  if (error.statusCode === 405) return 'METHOD_NOT_ALLOWED';
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return 'VALIDATION_FAILED';
  return undefined;
}
