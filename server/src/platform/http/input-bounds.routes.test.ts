import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { customers } from '../../modules/customers/customers.schema.ts';
import { products } from '../../modules/products/products.schema.ts';
import { ticketAttachments, tickets } from '../../modules/tickets/tickets.schema.ts';
import { visitPhotos } from '../../modules/visits/visits.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { maxInteger } from './input-bounds.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

// What reaches the database from a request fits its column: out-of-range ids, control
// characters, days that do not exist and broken uploads are the caller's error (400), never a 500.
describe.each(testDatabaseKinds)('input bounds on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let store: { id: number; managerId: number };
  let ticketId: number;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as never }) });

  async function rowsOf(table: typeof tickets | typeof products | typeof ticketAttachments | typeof visitPhotos) {
    const [row] = await t.database.db.select({ n: count() }).from(table);
    return row.n;
  }

  function expectRefused(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) {
    expect(response.statusCode).toBe(400);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    return response.json() as { code: string; field?: string; errors?: Array<{ field: string }> };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
    admin = await t.signIn('admin');
    manager = await t.signIn(t.city.managers[0].username);
    const [row] = await t.database.db
      .select({ id: customers.id, managerId: customers.managerId })
      .from(customers)
      .where(eq(customers.managerId, t.city.managers[0].id))
      .limit(1);
    expect(row).toBeDefined();
    store = row;
    const filed = await inject(admin, 'POST', '/api/v1/tickets', {
      customerId: store.id,
      type: 'complaint',
      description: '包装破损。',
    });
    expect(filed.statusCode).toBe(201);
    ticketId = filed.json().id;
  });
  afterAll(async () => t?.close());

  describe('an id above 2³¹−1 answers 400', () => {
    const queries: Array<[string, string]> = [
      ['/api/v1/customers?branchId=', 'branchId'],
      ['/api/v1/customers?managerId=', 'managerId'],
      ['/api/v1/customers/export?branchId=', 'branchId'],
      ['/api/v1/customers/1/history?cursor=', 'cursor'],
      ['/api/v1/users?orgUnitId=', 'orgUnitId'],
      ['/api/v1/audit?actorId=', 'actorId'],
      ['/api/v1/audit?cursor=', 'cursor'],
      ['/api/v1/supply/orders?cycleId=', 'cycleId'],
      ['/api/v1/supply/orders?customerId=', 'customerId'],
      ['/api/v1/tickets?customerId=', 'customerId'],
      ['/api/v1/classification/distribution?branchId=', 'branchId'],
      ['/api/v1/classification/runs/1/proposals?branchId=', 'branchId'],
      ['/api/v1/visits?managerId=', 'managerId'],
      ['/api/v1/customers/', 'id'],
    ];
    it.each(
      queries.flatMap(([url, field]) => [2 ** 31, Number.MAX_SAFE_INTEGER].map((id) => [url, id, field] as const)),
    )('GET %s%s (%s)', async (url, id, field) => {
      const problem = expectRefused(await inject(admin, 'GET', `${url}${id}`));
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field });
    });

    // Each body is valid but for the one id, so the id is what is refused.
    const bodies: Array<[Method, string, (id: number) => unknown, string]> = [
      [
        'POST',
        '/api/v1/customers/reassign',
        (id) => ({ customerIds: [id], managerId: store.managerId }),
        'customerIds.0',
      ],
      ['POST', '/api/v1/customers/reassign', (id) => ({ customerIds: [store.id], managerId: id }), 'managerId'],
      [
        'POST',
        '/api/v1/org-units',
        (id) => ({ parentId: id, kind: 'department', name: '边界测试部', code: 'bounds' }),
        'parentId',
      ],
      [
        'POST',
        '/api/v1/users',
        (id) => ({
          username: 'bounds',
          displayName: '边界',
          role: 'service',
          orgUnitId: id,
          scopeKind: 'org',
          password: 'bounds-password-2026',
        }),
        'orgUnitId',
      ],
      ['POST', '/api/v1/classification/runs', (id) => ({ ruleSetId: id }), 'ruleSetId'],
      ['POST', '/api/v1/classification/runs/1/approve', (id) => ({ branchIds: [id] }), 'branchIds.0'],
      ['POST', '/api/v1/tickets', (id) => ({ customerId: id, type: 'complaint', description: '破损' }), 'customerId'],
      [
        'POST',
        '/api/v1/visits/plan/items',
        (id) => ({ customerId: id, date: '2026-12-01', reason: '加访' }),
        'customerId',
      ],
    ];
    it.each(
      bodies.flatMap(([method, url, body, field]) =>
        [2 ** 31, Number.MAX_SAFE_INTEGER].map((id) => [method, url, id, field, body] as const),
      ),
    )('%s %s with %s in %s', async (method, url, id, field, body) => {
      const [before] = await t.database.db.select({ n: count() }).from(auditLog);
      const problem = expectRefused(await inject(admin, method, url, body(id)));
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field });
      const [after] = await t.database.db.select({ n: count() }).from(auditLog);
      expect(after.n).toBe(before.n);
    });

    it('still answers the largest 32-bit id (404: no such row)', async () => {
      expect((await inject(admin, 'GET', `/api/v1/customers/${maxInteger}`)).statusCode).toBe(404);
      // One store's tickets: a store that does not exist is not found, as for its other reads.
      expect((await inject(admin, 'GET', `/api/v1/tickets?customerId=${maxInteger}`)).statusCode).toBe(404);
    });
  });

  describe('a NUL byte in a search answers 400', () => {
    it.each([
      ['/api/v1/customers?q=%00', 'q'],
      ['/api/v1/customers?q=%E8%8A%97%00', 'q'],
      ['/api/v1/customers?tag=a%00', 'tag'],
      ['/api/v1/customers/export?q=%00', 'q'],
      ['/api/v1/products?q=%00', 'q'],
      ['/api/v1/products?brand=%00', 'brand'],
      ['/api/v1/audit?entity=%00', 'entity'],
      ['/api/v1/audit?action=x%00', 'action'],
      ['/api/v1/users?q=%00', 'q'],
    ])('GET %s', async (url, field) => {
      const problem = expectRefused(await inject(admin, 'GET', url));
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field });
    });

    it('names the control character in the caller’s language', async () => {
      const response = await t.app.inject({
        url: '/api/v1/customers?q=%00',
        headers: { cookie: admin, 'accept-language': 'en' },
      });
      expect(expectRefused(response).errors).toEqual([
        { field: 'q', message: 'q contains a control character (such as NUL), which is not allowed' },
      ]);
    });
  });

  describe('a NUL byte in text answers 400 and writes nothing', () => {
    it('in a ticket description', async () => {
      const before = await rowsOf(tickets);
      const problem = expectRefused(
        await inject(admin, 'POST', '/api/v1/tickets', {
          customerId: store.id,
          type: 'complaint',
          description: '送货\u0000迟到',
        }),
      );
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field: 'description' });
      expect(await rowsOf(tickets)).toBe(before);
    });

    const texts: Array<[Method, () => string, unknown, string]> = [
      ['PATCH', () => `/api/v1/customers/${store.id}`, { name: '便利店\u0000' }, 'name'],
      ['PATCH', () => `/api/v1/customers/${store.id}`, { address: '胜利路\u0007' }, 'address'],
      ['PATCH', () => `/api/v1/customers/${store.id}`, { tags: ['a\u0000'] }, 'tags.0'],
      ['POST', () => `/api/v1/tickets/${ticketId}/replies`, { body: '\u0000', visibleToCustomer: true }, 'body'],
      [
        'POST',
        () => '/api/v1/products',
        { code: '6901028000001', brand: '中华\u0000', name: '中华(硬)', wholesalePrice: 100, retailPrice: 120 },
        'brand',
      ],
      ['POST', () => '/api/v1/auth/login', { username: 'admin\u0000', password: 'x' }, 'username'],
    ];
    it.each(texts.map(([method, url, payload, field]) => [field, method, url, payload] as const))(
      'in %s (%s)',
      async (field, method, url, payload) => {
        const [before] = await t.database.db.select({ n: count() }).from(auditLog);
        const problem = expectRefused(await inject(admin, method, url(), payload));
        expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field });
        const [after] = await t.database.db.select({ n: count() }).from(auditLog);
        expect(after.n).toBe(before.n);
      },
    );

    it('keeps line breaks and tabs in a description', async () => {
      const description = '第一次：送货迟到。\n第二次：\t包装破损。\r\n请处理。';
      const response = await inject(admin, 'POST', '/api/v1/tickets', {
        customerId: store.id,
        type: 'complaint',
        description,
      });
      expect(response.statusCode).toBe(201);
      const [row] = await t.database.db
        .select({ description: tickets.description })
        .from(tickets)
        .where(eq(tickets.id, response.json().id));
      expect(row.description).toBe(description);
    });
  });

  describe('an impossible calendar date answers 400', () => {
    it.each([
      '/api/v1/tickets-analysis?from=2026-13-01',
      '/api/v1/tickets-analysis?from=2026-02-30',
      '/api/v1/tickets-analysis?to=2026-02-29',
      '/api/v1/tickets-analysis?from=0000-01-01',
      '/api/v1/tickets-analysis/export?from=2026-13-01',
      '/api/v1/audit?from=2026-02-30',
      '/api/v1/audit?to=2026-13-01T00:00:00Z',
      '/api/v1/visits/route?date=2026-02-30',
      '/api/v1/visits/plan?month=2026-13',
    ])('GET %s', async (url) => {
      const problem = expectRefused(await inject(admin, 'GET', url));
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(['from', 'to', 'date', 'month']).toContain(problem.field);
    });

    it('reads a date that exists as that date (a leap day included)', async () => {
      const response = await inject(admin, 'GET', '/api/v1/tickets-analysis?from=2028-02-01&to=2028-02-29');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
      expect(
        (await inject(admin, 'GET', '/api/v1/audit?from=2026-11-01&to=2026-11-30T23:59:59.999%2B08:00')).statusCode,
      ).toBe(200);
    });
  });

  describe('a truncated multipart upload answers 400', () => {
    const boundary = 'kewo-bounds-boundary';
    const whole = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: application/octet-stream\r\n\r\n卷烟编码,品牌\r\n6901028000001,中华\r\n--${boundary}--\r\n`,
    );
    const uploads: Array<[string, () => string, () => string, () => Promise<number>]> = [
      [
        'customer import',
        () => admin,
        () => '/api/v1/customers/import',
        async () => (await t.database.db.select({ n: count() }).from(customers))[0].n,
      ],
      ['product import', () => admin, () => '/api/v1/products/import', () => rowsOf(products)],
      [
        'ticket attachment',
        () => admin,
        () => `/api/v1/tickets/${ticketId}/attachments`,
        () => rowsOf(ticketAttachments),
      ],
      ['visit photo', () => manager, () => '/api/v1/visits/photos', () => rowsOf(visitPhotos)],
    ];
    const bodies: Array<[string, string, Buffer]> = [
      ['cut short in the file', `multipart/form-data; boundary=${boundary}`, whole.subarray(0, 130)],
      ['cut short in a part header', `multipart/form-data; boundary=${boundary}`, whole.subarray(0, 40)],
      ['not multipart at all', `multipart/form-data; boundary=${boundary}`, Buffer.from('garbage')],
      ['without a boundary', 'multipart/form-data', whole],
      ['with a boundary too long to search for', `multipart/form-data; boundary=${'b'.repeat(300)}`, whole],
    ];
    it.each(uploads.flatMap((upload) => bodies.map((body) => [upload[0], body[0], upload, body] as const)))(
      '%s, %s',
      async (_, __, [, cookie, url, rows], [, contentType, payload]) => {
        const before = await rows();
        const response = await t.app.inject({
          method: 'POST',
          url: url(),
          headers: { cookie: cookie(), 'content-type': contentType },
          payload,
        });
        expect(expectRefused(response)).toMatchObject({ code: 'MULTIPART_MALFORMED', field: 'file' });
        expect(await rows()).toBe(before);
      },
    );
  });

  describe('the OpenAPI document shows every bound', () => {
    // Order lines are bounded by the order rule (ORDER_LINE_ABOVE_CAP names the product), which the
    // schema leaves to it.
    const ruleBounded = new Set(['lines[].qty']);

    type Schema = Record<string, unknown> & {
      type?: string;
      properties?: Record<string, Schema>;
      items?: Schema;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
      additionalProperties?: Schema | boolean;
    };

    function unboundedIn(schema: Schema | undefined, path: string, found: string[]) {
      if (!schema) return;
      for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) unboundedIn(member, path, found);
      const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)].filter(
        (pattern): pattern is string => typeof pattern === 'string',
      );
      switch (schema.type) {
        case 'integer':
        case 'number':
          if (ruleBounded.has(path)) break;
          if (typeof schema.maximum !== 'number') found.push(`${path}: no maximum`);
          else if (schema.type === 'integer' && schema.maximum > maxInteger) found.push(`${path}: maximum above 2³¹−1`);
          if (typeof schema.minimum !== 'number') found.push(`${path}: no minimum`);
          else if (schema.type === 'integer' && schema.minimum < -maxInteger) found.push(`${path}: minimum below −2³¹`);
          break;
        case 'string':
          if (schema.enum || schema.const !== undefined || schema.format === 'binary') break;
          if (typeof schema.maxLength !== 'number' && patterns.length === 0) found.push(`${path}: no maxLength`);
          if (!patterns.some((pattern) => !new RegExp(pattern).test('a\u0000b')))
            found.push(`${path}: a NUL byte is not refused`);
          break;
        case 'array':
          if (typeof schema.maxItems !== 'number') found.push(`${path}: no maxItems`);
          unboundedIn(schema.items, `${path}[]`, found);
          break;
        case 'object':
          for (const [name, property] of Object.entries(schema.properties ?? {}))
            unboundedIn(property, path ? `${path}.${name}` : name, found);
          if (typeof schema.additionalProperties === 'object')
            unboundedIn(schema.additionalProperties, `${path}.*`, found);
          break;
      }
    }

    it('bounds every parameter and body field of every operation', async () => {
      const response = await t.app.inject({ url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json() as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters?: Array<{ in: string; name: string; schema: Schema }>;
              requestBody?: { content: Record<string, { schema: Schema }> };
            }
          >
        >;
      };
      const found: string[] = [];
      let fields = 0;
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const where = `${method.toUpperCase()} ${path}`;
          for (const parameter of operation.parameters ?? []) {
            if (parameter.in === 'header' || parameter.in === 'cookie') continue;
            fields += 1;
            const before = found.length;
            unboundedIn(parameter.schema, parameter.name, found);
            for (let index = before; index < found.length; index += 1) found[index] = `${where} ${found[index]}`;
          }
          for (const content of Object.values(operation.requestBody?.content ?? {})) {
            fields += 1;
            const before = found.length;
            unboundedIn(content.schema, '', found);
            for (let index = before; index < found.length; index += 1) found[index] = `${where} body ${found[index]}`;
          }
        }
      }
      expect(fields).toBeGreaterThan(200);
      expect(found).toEqual([]);
    });

    it('shows the bounds a fuzzer needs: 2³¹−1, a length and the pattern that refuses control characters', async () => {
      const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
      const customerList = document.paths['/api/v1/customers'].get.parameters as Array<{
        name: string;
        schema: Schema;
      }>;
      const byName = Object.fromEntries(customerList.map((parameter) => [parameter.name, parameter.schema]));
      expect(byName.managerId).toMatchObject({ type: 'integer', minimum: 1, maximum: maxInteger });
      expect(byName.q).toMatchObject({ type: 'string', maxLength: 50, pattern: expect.any(String) });
      const analysis = document.paths['/api/v1/tickets-analysis'].get.parameters as Array<{
        name: string;
        schema: Schema;
      }>;
      const from = analysis.find((parameter) => parameter.name === 'from')?.schema;
      expect(from).toMatchObject({ type: 'string', format: 'date' });
      expect(new RegExp(String(from?.pattern)).test('2026-02-30')).toBe(false);
      expect(new RegExp(String(from?.pattern)).test('2026-02-28')).toBe(true);
    });
  });
});
