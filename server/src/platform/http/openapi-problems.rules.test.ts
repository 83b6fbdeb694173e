import { describe, expect, it } from 'vitest';
import {
  type OperationShape,
  problemStatusesOf,
  referencesRecords,
  statusesNamedIn,
} from './openapi-problems.rules.ts';

const read: OperationShape = {
  method: 'GET',
  hasPathParameters: false,
  hasQuery: false,
  hasBody: false,
  referencesRecords: false,
  access: 'signed-in',
  description: '',
};

describe('problemStatusesOf', () => {
  it.each<[string, Partial<OperationShape>, number[]]>([
    ['a signed-in read without inputs', {}, [401, 403]],
    ['a public read without inputs (the health check)', { access: 'public' }, []],
    ['a read with a query', { hasQuery: true }, [400, 401, 403]],
    ['a read of one record', { hasPathParameters: true }, [400, 401, 403, 404, 414]],
    ['a filter naming other records', { hasQuery: true, referencesRecords: true }, [400, 401, 403, 404]],
    ['a signed-in write', { method: 'POST', hasBody: true }, [400, 401, 403, 409, 413, 415]],
    ['a write without a body schema (a body may still come)', { method: 'DELETE' }, [400, 401, 403, 409, 413, 415]],
    ['a public write (sign-in)', { method: 'POST', hasBody: true, access: 'public' }, [400, 413, 415]],
    [
      'a public write naming its refusals',
      { method: 'POST', hasBody: true, access: 'public', description: 'Wrong password → 401; then 429.' },
      [400, 401, 413, 415, 429],
    ],
    [
      'a write honouring Idempotency-Key',
      { method: 'POST', hasBody: true, description: 'Header Idempotency-Key (recommended)' },
      [400, 401, 403, 409, 413, 415, 422],
    ],
    [
      'a refused method named in its summary',
      { method: 'PATCH', hasPathParameters: true, description: 'Refused (405 VISIT_APPEND_ONLY)' },
      [400, 401, 403, 404, 405, 409, 413, 414, 415],
    ],
  ])('%s', (_, shape, expected) => {
    expect(problemStatusesOf({ ...read, ...shape })).toEqual(expected);
  });
});

describe('statusesNamedIn', () => {
  it.each<[string, number[]]>([
    ['draft cycles only (409 CYCLE_NOT_DRAFT)', [409]],
    ['Works only while the database has no user; afterwards 409.', [409]],
    ['→ 422 IDEMPOTENCY_KEY_REUSED. A line over quota → 409 QUOTA_EXCEEDED', [409, 422]],
    ['Whole-file problems → 400 (413 when too large).', [400, 413]],
    // Numbers that are not statuses: limits, distances, counts, versions.
    ['further than 450 m, ≤ 400 MB, 100 per address, 404.5 or 4,400 stores, 4040', []],
    ['a 500 is never sent; 200 on success', []],
  ])('%s', (text, expected) => {
    expect(statusesNamedIn(text)).toEqual(expected);
  });
});

describe('referencesRecords', () => {
  it.each<[string, unknown, boolean]>([
    ['a field named …Id', { type: 'object', properties: { customerId: { type: 'integer' } } }, true],
    ['a list of …Ids', { type: 'object', properties: { productIds: { type: 'array' } } }, true],
    [
      'an id nested in an array of objects',
      {
        type: 'object',
        properties: { lines: { type: 'array', items: { type: 'object', properties: { productId: {} } } } },
      },
      true,
    ],
    ['one inside a union', { anyOf: [{ type: 'object', properties: { managerId: {} } }, { type: 'null' }] }, true],
    ['text fields only', { type: 'object', properties: { name: {}, paid: {}, valid: {} } }, false],
    ['no schema', undefined, false],
  ])('%s', (_, schema, expected) => {
    expect(referencesRecords(schema)).toBe(expected);
  });
});
