import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { arbitraryOf, isIdName, type JsonSchema } from './schema-arbitrary.ts';

// A fuzzer driven by the app's own OpenAPI document, run in-process (app.inject): for every
// operation it sends boundary values in every parameter and body field, malformed bodies, and
// valid-ish requests generated from the schemas, and checks each answer against the document.

export type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
};

export type OpenApiOperation = {
  summary?: string;
  description?: string;
  parameters?: Array<{
    name: string;
    in: 'path' | 'query' | 'header' | 'cookie';
    required?: boolean;
    schema: JsonSchema;
  }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};

export type Operation = {
  key: string;
  method: string;
  path: string;
  pathParameters: Array<{ name: string; schema: JsonSchema }>;
  queryParameters: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  body: JsonSchema | undefined;
  isUpload: boolean;
  documented: Set<string>;
  usesIdempotencyKey: boolean;
};

export type Identity = {
  name: string;
  cookie: string;
  locale: 'zh-CN' | 'en';
};

export type Finding = {
  kind: '5xx' | 'not problem+json' | 'undocumented status' | 'no complete answer';
  operation: string;
  identity: string;
  status: number;
  code: string | undefined;
  request: string;
  answer: string;
};

// Session-ending operations go last, then deletions: neither should make later operations vacuous.
const sessionEnding =
  /\/auth\/logout$|\/auth\/password$|\/auth\/sessions\/\{id\}$|\/revoke-sessions$|\/users\/\{id\}\/password$/;

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
        queryParameters: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            schema: parameter.schema,
            required: parameter.required === true,
          })),
        body: content['application/json']?.schema,
        isUpload: content['multipart/form-data'] !== undefined,
        documented: new Set(Object.keys(operation.responses)),
        usesIdempotencyKey: /idempotency-key/i.test(operation.description ?? ''),
      });
    }
  }
  const phase = (operation: Operation) =>
    sessionEnding.test(operation.path) ? 3 : operation.method === 'GET' ? 0 : operation.method === 'DELETE' ? 2 : 1;
  return operations
    .map((operation, index) => ({ operation, index }))
    .sort((a, b) => phase(a.operation) - phase(b.operation) || a.index - b.index)
    .map(({ operation }) => operation);
}

export function isDocumented(operation: Operation, status: number): boolean {
  return operation.documented.has(String(status)) || operation.documented.has(`${Math.floor(status / 100)}XX`);
}

// Values at the edges of every type: integer overflow of 32 and 53 bits, NUL, a long string,
// impossible calendar dates, the wrong JSON type.
export const boundaryValues: readonly unknown[] = [
  0,
  -1,
  2_147_483_647,
  2_147_483_648,
  2 ** 53,
  -(2 ** 53),
  1.5,
  '',
  '\u0000',
  'a\u0000b',
  'x'.repeat(10_240),
  '2026-13-01',
  '2026-02-30',
  '2026-11-23T25:61:00Z',
  '９',
  true,
  null,
  [],
  {},
  'abc',
];

// Ids and keys seen in the app's answers, by the name a parameter or field would give them.
export class IdPool {
  private readonly byName = new Map<string, Set<number | string>>();

  private readonly protectedIds: ReadonlyMap<string, ReadonlySet<number>>;

  // Ids never offered under a name: the fuzzing identities' own accounts ("userId",
  // "/api/v1/users") and store ("customerId", "/api/v1/customers").
  constructor(protectedIds: ReadonlyMap<string, ReadonlySet<number>>) {
    this.protectedIds = protectedIds;
  }

  add(name: string, value: number | string) {
    if (typeof value === 'number' && (!Number.isInteger(value) || value <= 0)) return;
    if (typeof value === 'number' && this.protectedIds.get(name)?.has(value)) return;
    let values = this.byName.get(name);
    if (!values) {
      values = new Set();
      this.byName.set(name, values);
    }
    if (values.size < 40) values.add(value);
  }

  get(name: string): (number | string)[] {
    return [...(this.byName.get(name) ?? [])];
  }

  // Harvests every id of an answer of `pathTemplate`: records listed or shown by the path under
  // its collection, ids of nested records under "<record>Id".
  harvest(pathTemplate: string, body: unknown) {
    const collection = pathTemplate.replace(/\/\{[^}]+\}$/, '');
    const collectionIdName = `${singular(camel(collection.split('/').at(-1) ?? ''))}Id`;
    const visit = (value: unknown, parentKey: string, isRecord: boolean) => {
      if (Array.isArray(value)) {
        for (const item of value.slice(0, 50)) visit(item, parentKey, isRecord);
        return;
      }
      if (value === null || typeof value !== 'object') return;
      for (const [key, member] of Object.entries(value)) {
        if (key === 'id' && (typeof member === 'number' || typeof member === 'string')) {
          if (isRecord) {
            this.add(collection, member);
            this.add(collectionIdName, member);
          } else if (parentKey) this.add(`${singular(parentKey)}Id`, member);
        } else if (isIdName(key) && typeof member === 'number') this.add(key, member);
        else if (isIdName(key) && Array.isArray(member)) {
          for (const item of member) if (typeof item === 'number') this.add(singular(key), item);
        } else if ((key === 'code' || key === 'token') && typeof member === 'string')
          this.add(`${collection}#${key}`, member);
        visit(member, key, isRecord && (key === 'items' || key === 'data') && Array.isArray(member));
      }
    };
    visit(body, '', true);
  }

  // Candidates for path parameter `name` of `pathTemplate`.
  forPathParameter(pathTemplate: string, name: string): (number | string)[] {
    const prefix = pathTemplate.slice(0, pathTemplate.indexOf(`/{${name}}`));
    if (name === 'id') {
      return [...new Set([...this.get(prefix), ...this.get(`${singular(camel(prefix.split('/').at(-1) ?? ''))}Id`)])];
    }
    return [...new Set([...this.get(name), ...this.get(`${prefix}#${name}`)])];
  }
}

function camel(text: string): string {
  return text.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

export type FuzzRequest = {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  // A raw body sent as is, with its content type (malformed JSON, multipart, text).
  raw?: { contentType: string; payload: string | Buffer };
  headers?: Record<string, string>;
};

// One valid-ish request of the operation: fast-check draws parameters and body from the schemas.
export function requestArbitrary(operation: Operation, pool: IdPool): fc.Arbitrary<FuzzRequest> {
  const path = fc.record(
    Object.fromEntries(
      operation.pathParameters.map((parameter) => {
        const known = pool.forPathParameter(operation.path, parameter.name);
        // An empty segment would be another route's URL (…/categories/ is the collection).
        const generated = arbitraryOf(parameter.schema, {}, parameter.name).filter((value) => String(value) !== '');
        const arbitrary =
          known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, generated) : generated;
        return [parameter.name, arbitrary];
      }),
    ),
  );
  const idsFor = (name: string) => pool.get(name);
  const query = fc.record(
    Object.fromEntries(
      operation.queryParameters.map((parameter) => [
        parameter.name,
        arbitraryOf(parameter.schema, { idsFor }, parameter.name),
      ]),
    ),
    { requiredKeys: operation.queryParameters.filter((parameter) => parameter.required).map((p) => p.name) },
  );
  const body = operation.body ? arbitraryOf(operation.body, { idsFor }) : fc.constant(undefined);
  return fc
    .record({ path, query, body })
    .map((request) => ({ ...request, query: request.query as Record<string, unknown> }));
}

// Every way of putting one boundary value into the request: each path and query parameter, each
// field of the body (nested ones of the sample included, at most `maxFields`). `share` splits the
// values between callers: share {index: 1, of: 3} takes every third value, from the second.
export function boundaryRequests(
  operation: Operation,
  base: FuzzRequest,
  share: { index: number; of: number } = { index: 0, of: 1 },
  maxFields = 12,
): FuzzRequest[] {
  const values = boundaryValues.filter((_, position) => position % share.of === share.index);
  const requests: FuzzRequest[] = [];
  for (const parameter of operation.pathParameters) {
    for (const value of values) {
      if (value === '' || (typeof value === 'object' && value !== null)) continue;
      requests.push({ ...base, path: { ...base.path, [parameter.name]: value } });
    }
  }
  for (const parameter of operation.queryParameters) {
    for (const value of values) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) continue;
      requests.push({
        ...base,
        query: { ...base.query, [parameter.name]: Array.isArray(value) ? ['1', '-1'] : value },
      });
    }
  }
  if (operation.body !== undefined) {
    const fields = bodyFieldsOf(operation.body, base.body).slice(0, maxFields);
    for (const field of fields) {
      for (const value of values) requests.push({ ...base, body: withValueAt(base.body, field, value) });
    }
    const wrongBodies = [[], 'x', 0, null];
    for (const wrong of wrongBodies.filter((_, position) => position % share.of === share.index)) {
      requests.push({ ...base, body: wrong });
    }
  }
  return requests;
}

type FieldPath = (string | number)[];

// The body's fields: the sample's leaves (first item of each array) and every top-level property.
function bodyFieldsOf(schema: JsonSchema, sample: unknown): FieldPath[] {
  const fields: FieldPath[] = [];
  const seen = new Set<string>();
  const add = (field: FieldPath) => {
    const key = JSON.stringify(field);
    if (!seen.has(key)) {
      seen.add(key);
      fields.push(field);
    }
  };
  const visit = (value: unknown, at: FieldPath) => {
    if (Array.isArray(value)) {
      if (value.length === 0) add(at);
      else visit(value[0], [...at, 0]);
      return;
    }
    if (value !== null && typeof value === 'object' && !(at.length === 0 && Object.keys(value).length === 0)) {
      for (const [key, member] of Object.entries(value)) visit(member, [...at, key]);
      return;
    }
    if (at.length > 0) add(at);
  };
  visit(sample, []);
  for (const key of Object.keys(schema.properties ?? {})) add([key]);
  return fields;
}

function withValueAt(body: unknown, field: FieldPath, value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let target = copy;
  for (const step of field.slice(0, -1)) {
    if (target[step] === null || typeof target[step] !== 'object') target[step] = typeof step === 'number' ? [] : {};
    target = target[step] as Record<string | number, unknown>;
  }
  target[field[field.length - 1]] = value;
  return copy;
}

const boundary = '----kewo-fuzz-boundary';

// Bodies that are not what the route reads: broken JSON, other content types, broken multipart.
export function malformedBodies(operation: Operation): FuzzRequest['raw'][] {
  const bodies: FuzzRequest['raw'][] = [
    { contentType: 'application/json', payload: '{"broken": ' },
    { contentType: 'application/json', payload: '\u0000' },
    { contentType: 'text/plain', payload: '{}' },
    { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00' },
    { contentType: 'multipart/form-data', payload: 'no boundary here' },
    {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: multipart('file', 'x.xlsx', 'PK\u0003\u0004').slice(0, 60),
    },
  ];
  if (!operation.isUpload) return bodies;
  return [
    ...bodies,
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: `--${boundary}\r\n` },
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: multipart('other', 'x.csv', 'a,b\n1,2\n') },
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: multipart('file', 'empty.xlsx', '') },
    {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: multipart('file', 'x.xlsx', 'PK\u0003\u0004garbage'),
    },
    { contentType: `multipart/form-data; boundary=${boundary}`, payload: multipart('file', 'x.csv', 'a\u0000b,"c\n') },
    {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: multipart('file', 'x.jpg', '\xff\xd8\xff\xe0trunc'),
    },
    {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: multipart('file', 'a.csv', 'x') + multipart('file', 'b.csv', 'y').replace(`--${boundary}--\r\n`, ''),
    },
    { contentType: 'multipart/form-data; boundary=', payload: multipart('file', 'x.csv', 'a') },
  ];
}

function multipart(field: string, fileName: string, content: string): string {
  return [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"`,
    'Content-Type: application/octet-stream',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export function injectOptionsOf(
  operation: Operation,
  identity: Identity | undefined,
  request: FuzzRequest,
): InjectOptions {
  let url = operation.path;
  for (const parameter of operation.pathParameters) {
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(request.path[parameter.name])));
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (value === undefined) continue;
    query[name] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  }
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (identity) {
    if (identity.cookie) headers.cookie = identity.cookie;
    headers['accept-language'] = identity.locale;
  }
  const options: InjectOptions = {
    method: operation.method as InjectOptions['method'],
    url,
    query,
    headers,
    // Failed sign-ins of the fuzz are counted against an address of its own, not the test's.
    remoteAddress: '127.0.0.2',
  };
  if (request.raw) {
    headers['content-type'] = request.raw.contentType;
    options.payload = request.raw.payload;
  } else if (request.body !== undefined && operation.method !== 'GET') {
    headers['content-type'] = 'application/json';
    options.payload = JSON.stringify(request.body);
  }
  return options;
}

// What the answer must be: never a 5xx; every error a problem+json with code, status and title;
// every status one the document lists for the operation.
export function findingsOf(operation: Operation, response: LightMyRequestResponse): Finding['kind'][] {
  const kinds: Finding['kind'][] = [];
  const status = response.statusCode;
  if (status >= 500) kinds.push('5xx');
  if (status >= 400 && !isProblem(response)) kinds.push('not problem+json');
  if (!isDocumented(operation, status)) kinds.push('undocumented status');
  return kinds;
}

function isProblem(response: LightMyRequestResponse): boolean {
  if (!String(response.headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  try {
    const body = JSON.parse(response.body) as Record<string, unknown>;
    return typeof body.code === 'string' && body.status === response.statusCode && typeof body.title === 'string';
  } catch {
    return false;
  }
}

export function codeOf(response: LightMyRequestResponse): string | undefined {
  try {
    const code = (JSON.parse(response.body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export function describeRequest(options: InjectOptions): string {
  const query = new URLSearchParams(
    Object.entries((options.query ?? {}) as Record<string, string | string[]>).flatMap(([name, value]) =>
      [value].flat().map((item) => [name, item]),
    ),
  ).toString();
  const payload =
    options.payload === undefined
      ? ''
      : ` ${truncate(typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload), 300)}`;
  const type = (options.headers as Record<string, string> | undefined)?.['content-type'];
  return `${options.method} ${options.url}${query ? `?${truncate(query, 300)}` : ''}${type ? ` [${type}]` : ''}${payload}`;
}

export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}… (${text.length} chars)`;
}
