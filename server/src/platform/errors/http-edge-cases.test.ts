import { connect } from 'node:net';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { visitPhotos } from '../../modules/visits/visits.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { publicAccess } from '../access/access-rule.ts';
import { orgUnits } from '../identity/identity.schema.ts';
import { loggableError } from './loggable-error.ts';
import { clientErrorCodeOf } from './transport-errors.ts';

const problemJson = 'application/problem+json; charset=utf-8';

// Sends raw bytes to a listening server and returns what it answered.
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.write(request);
  });
}

function parseRawAnswer(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----kewo-edge';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe.each(testDatabaseKinds)('HTTP answers at the edges, on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
    admin = await t.signIn('admin');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on a port');
    port = address.port;
  });
  afterAll(async () => t?.close());

  it('answers a body over 1 MiB with 413 problem+json, not 400, and writes nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(orgUnits);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ parentId: 1, kind: 'department', name: 'x'.repeat(1_100_000), code: 'big' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toBe(problemJson);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE', status: 413, title: '请求过大' });
    expect(response.json().detail).toContain('1 MiB');
    const [after] = await t.database.db.select({ n: count() }).from(orgUnits);
    expect(after.n).toBe(before.n);
  });

  it('answers a method the address does not have with 405 and Allow, not 404', async () => {
    const cases = [
      ['DELETE', '/api/v1/auth/me', 'GET, HEAD'],
      ['PUT', '/api/v1/customers', 'GET, HEAD, POST'],
      ['PROPFIND', '/api/v1/health', 'GET, HEAD'],
    ] as const;
    for (const [method, url, allow] of cases) {
      const response = await t.app.inject({ method: method as 'GET', url, headers: { cookie: admin } });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['content-type']).toBe(problemJson);
      expect(response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
    }
    // An address no route has is still 404.
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ROUTE_NOT_FOUND');
    expect(unknown.headers.allow).toBeUndefined();
  });

  it('answers a path segment longer than any id with 414 problem+json', async () => {
    const response = await t.app.inject({ url: `/api/v1/customers/${'1'.repeat(200)}`, headers: { cookie: admin } });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toBe(problemJson);
    expect(response.json()).toMatchObject({ code: 'URI_TOO_LONG', status: 414 });
  });

  it("answers headers over Node's limit with 431 problem+json, an address over it with 414", async () => {
    const headers = parseRawAnswer(
      await rawRequest(
        port,
        `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      ),
    );
    expect(headers.status).toBe(431);
    expect(headers.headers['content-type']).toBe(problemJson);
    expect(headers.body).toMatchObject({ code: 'HEADERS_TOO_LARGE', status: 431 });
    expect(headers.body.detail).toBe('The request headers are too large.');

    const address = parseRawAnswer(
      await rawRequest(port, `GET /api/v1/customers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
    );
    expect(address.status).toBe(414);
    expect(address.headers['content-type']).toBe(problemJson);
    expect(address.body).toMatchObject({ code: 'URI_TOO_LONG', status: 414, detail: '请求地址过长。' });

    const garbage = parseRawAnswer(await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('MALFORMED_REQUEST');
  });

  it('never sends a message with a placeholder left in it ("请求内容有误：{reason}")', async () => {
    // A request body in an encoding the server does not take: the framework refuses it.
    for (const locale of ['zh-CN', 'en']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-language': locale },
        payload: 'this is not gzip',
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toBe(problemJson);
      expect(response.json().detail).not.toMatch(/\{\w+\}/);
    }
  });

  it('serves the API docs with a Content-Security-Policy that fits Swagger UI', async () => {
    for (const url of ['/api/docs', '/api/docs/static/swagger-initializer.js']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
    // The API's JSON answers are not pages and keep their own headers.
    const health = await t.app.inject({ url: '/api/v1/health' });
    expect(health.headers['content-security-policy']).toBeUndefined();
  });

  it('tells a visit photo upload without a photo to upload a photo, not a spreadsheet', async () => {
    const manager = await t.signIn(t.city.managers[0].username);
    for (const locale of ['zh-CN', 'en']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/visits/photos',
        headers: { cookie: manager, 'content-type': 'application/json', 'accept-language': locale },
        payload: '{}',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VISIT_PHOTO_MISSING', field: 'file' });
      expect(response.json().detail).not.toMatch(/xlsx|csv/i);
      expect(response.json().detail).toMatch(locale === 'en' ? /photo/ : /照片/);
    }
  });

  it('answers a photo over 5 MB with 413 and one code, on a ticket as on a visit', async () => {
    const manager = await t.signIn(t.city.managers[0].username);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024 + 10, 1)]);
    const [photosBefore] = await t.database.db.select({ n: count() }).from(visitPhotos);
    const visitPhoto = multipart('shelf.jpg', big);
    const visit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits/photos',
      headers: { cookie: manager, ...visitPhoto.headers },
      payload: visitPhoto.payload,
    });
    expect(visit.statusCode).toBe(413);
    expect(visit.json().code).toBe('PHOTO_TOO_LARGE');
    const [photosAfter] = await t.database.db.select({ n: count() }).from(visitPhotos);
    expect(photosAfter.n).toBe(photosBefore.n);

    const service = await t.signIn('service');
    const [store] = (await t.app.inject({ url: '/api/v1/customers?limit=1', headers: { cookie: service } })).json()
      .items;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { cookie: service },
      payload: {
        type: 'complaint',
        channel: 'phone',
        customerId: store.id,
        description: '送货员态度很差，还迟到了两个小时。',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const attachment = multipart('photo.jpg', big);
    const ticket = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${filed.json().id}/attachments`,
      headers: { cookie: service, ...attachment.headers },
      payload: attachment.payload,
    });
    expect(ticket.statusCode).toBe(413);
    expect(ticket.json().code).toBe('PHOTO_TOO_LARGE');
    expect(ticket.json().detail).toBe(visit.json().detail);
  });

  it("logs a failed statement without the caller's text it was given", async () => {
    const lines: string[] = [];
    const logged = await buildApp(
      { ...t.context, config: loadConfig({ LOG_LEVEL: 'error' }) },
      { serveWebApp: false, logStream: { write: (line) => void lines.push(line) } },
    );
    const secret = '王记便利店 13905961234';
    // A route that fails the way a bug would: its statement names a table that is not there.
    logged.get('/api/v1/failing-statement', { config: { access: publicAccess } }, async (request) => {
      const { q } = request.query as { q: string };
      return await t.context.db.execute(sql`SELECT * FROM no_such_table WHERE name = ${q}`);
    });
    await logged.ready();
    try {
      const response = await logged.inject({ url: `/api/v1/failing-statement?q=${encodeURIComponent(secret)}` });
      expect(response.statusCode).toBe(500);
      expect(response.json().code).toBe('INTERNAL');
      const errorLines = lines.filter((line) => line.includes('unhandled error'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toContain('no_such_table');
      expect(errorLines[0]).toContain('redacted');
      expect(errorLines[0]).not.toContain('13905961234');
      expect(errorLines[0]).not.toContain('王记');
    } finally {
      await logged.close();
    }
  });
});

describe(clientErrorCodeOf.name, () => {
  const line = (length: number) => Buffer.from(`GET /${'a'.repeat(length)} HTTP/1.1\r\nHost: x\r\n`);
  it.each([
    ['a header overflow with a short request line', 'HPE_HEADER_OVERFLOW', line(10), 'HEADERS_TOO_LARGE'],
    ['a header overflow with a long request line', 'HPE_HEADER_OVERFLOW', line(9000), 'URI_TOO_LONG'],
    [
      'a request line that never ended',
      'HPE_HEADER_OVERFLOW',
      Buffer.from(`GET /${'a'.repeat(20_000)}`),
      'URI_TOO_LONG',
    ],
    ['a request sent too slowly', 'ERR_HTTP_REQUEST_TIMEOUT', undefined, 'REQUEST_TIMEOUT'],
    ['bytes that are not HTTP', 'HPE_INVALID_METHOD', Buffer.from('NOT HTTP'), 'MALFORMED_REQUEST'],
  ] as const)('%s → %s', (_name, code, received, expected) => {
    expect(clientErrorCodeOf(code, received)).toBe(expected);
  });
});

describe(loggableError.name, () => {
  it("keeps the statement, SQLSTATE and constraint, drops the values and the database's detail", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "customers_licence_no"'), {
      code: '23505',
      constraint: 'customers_licence_no',
      table: 'customers',
      detail: 'Key (licence_no)=(350602100006) already exists.',
    });
    const error = Object.assign(
      new Error('Failed query: insert into customers (name) values ($1)\nparams: 王记便利店,350602100006'),
      { query: 'insert into customers (name) values ($1)', params: ['王记便利店', '350602100006'], cause },
    );
    const text = JSON.stringify(loggableError(error));
    expect(text).toContain('insert into customers (name) values ($1)');
    expect(text).toContain('23505');
    expect(text).toContain('customers_licence_no');
    expect(text).not.toContain('王记便利店');
    expect(text).not.toContain('350602100006');
  });

  it('hides the value a data exception quotes', () => {
    const error = Object.assign(new Error('invalid input syntax for type integer: "13905961234 王"'), {
      code: '22P02',
    });
    expect(JSON.stringify(loggableError(error))).not.toContain('13905961234');
  });
});
