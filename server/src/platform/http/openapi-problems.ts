import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { type ErrorStatus, problemStatusesOf, referencesRecords } from './openapi-problems.rules.ts';
import './fastify-augment.ts';

// The shape of every error answer (RFC 9457), as problem-handler.ts builds it: one component the
// operations refer to.
export const problemComponent = {
  type: 'object',
  description: 'RFC 9457 problem details, in zh-CN or en (Accept-Language).',
  properties: {
    type: { type: 'string', description: 'urn:kewo:problem:<code in kebab case>' },
    title: { type: 'string', description: 'The HTTP status in words.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    code: { type: 'string', description: 'The error catalogue code a client acts on, e.g. VALIDATION_FAILED.' },
    field: { type: 'string', description: 'The input the error is about (first one for validation).' },
    errors: {
      type: 'array',
      description: 'Every input that failed validation, or every bad row of an import.',
      items: { type: 'object', additionalProperties: true },
    },
    instance: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'] as string[],
  additionalProperties: true,
} as const;

const problemDescriptions: Record<ErrorStatus, string> = {
  400: 'The request is not valid (VALIDATION_FAILED names the field, MALFORMED_JSON) or breaks a rule',
  401: 'Not signed in, or the session has ended (UNAUTHENTICATED)',
  403: 'The role may not do this (FORBIDDEN)',
  404: 'No such record, or not within the caller’s data scope (NOT_FOUND)',
  405: 'The record cannot be changed this way',
  409: 'The record’s state does not allow it (a catalogue code says which)',
  413: 'The body or uploaded file is larger than allowed',
  414: 'A path parameter is longer than any valid one (URI_TOO_LONG)',
  415: 'Unsupported content type (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Understood but not acceptable as a whole (rows of an import, a reused Idempotency-Key)',
  429: 'Too many attempts: wait for Retry-After seconds',
};

// Wraps the route-schema transform of @fastify/swagger: adds the problem+json answers the route
// can give, the multipart body of an upload route, and no security requirement on public routes.
export function withProblemResponses<S extends FastifySchema>(transform: SwaggerTransform<S>): SwaggerTransform<S> {
  return (input) => {
    const result = transform(input);
    const schema = result.schema as Record<string, unknown> | undefined;
    if (!schema || schema.hide) return result;
    const method = [input.route.method].flat()[0] ?? 'GET';
    const description = `${schema.summary ?? ''} ${schema.description ?? ''}`;
    const isUpload = schema.body === undefined && /multipart\/form-data/.test(description);
    const isPublic = input.route.config?.access?.kind === 'public';
    const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
    // Without a success schema the document would say "200"; some such routes answer 204 or a file.
    if (!Object.keys(response).some((status) => status.startsWith('2'))) {
      response['2XX'] = { type: 'null', description: 'Success (no JSON body, or a file download)' };
    }
    const statuses = problemStatusesOf({
      method,
      hasPathParameters: schema.params !== undefined,
      hasQuery: schema.querystring !== undefined,
      hasBody: schema.body !== undefined || isUpload,
      referencesRecords: referencesRecords(schema.querystring) || referencesRecords(schema.body),
      access: isPublic ? 'public' : 'signed-in',
      description,
    });
    for (const status of statuses) {
      response[status] ??= {
        description: problemDescriptions[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    return {
      ...result,
      schema: {
        ...schema,
        response,
        ...(isUpload ? { body: uploadBody, consumes: ['multipart/form-data'] } : {}),
        ...(isPublic ? { security: [] } : {}),
      } as FastifySchema,
    };
  };
}

const uploadBody = {
  type: 'object',
  properties: { file: { type: 'string', format: 'binary', description: 'The one uploaded file.' } },
  required: ['file'],
};
