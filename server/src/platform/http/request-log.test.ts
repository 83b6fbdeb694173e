import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type KewoApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { publicAccess } from '../access/access-rule.ts';
import { type RequestLogFormat, readableRecord, requestLine, requestLogLevel, slowRequestMs } from './request-log.ts';

describe(requestLine.name, () => {
  it('says method, path, status and milliseconds, and never the query string', () => {
    expect(requestLine('GET', '/api/v1/customers?q=王记便利店', 200, 12.4)).toBe('GET /api/v1/customers 200 12 ms');
  });
});

describe(requestLogLevel.name, () => {
  it.each([
    [200, 5, false, 'debug'],
    [404, 5, false, 'debug'],
    [200, slowRequestMs, false, 'warn'],
    [500, 5, false, 'error'],
    [200, 5, true, 'error'],
  ] as const)('status %i after %i ms (failed: %s) → %s', (status, elapsed, failed, level) => {
    expect(requestLogLevel(status, elapsed, failed)).toBe(level);
  });
});

describe(readableRecord.name, () => {
  it("prints a pino record's time, level and message on one line", () => {
    const line = readableRecord(JSON.stringify({ level: 40, time: Date.now(), msg: 'GET /api/v1/x 200 1500 ms' }));
    expect(line).toMatch(/^\d{2}:\d{2}:\d{2} WARN {2}GET \/api\/v1\/x 200 1500 ms\n$/);
  });

  it("adds an error's message, and its stack when the record is an error", () => {
    const err = { message: 'relation "no_such_table" does not exist', stack: 'Error: …\n    at x' };
    const warning = readableRecord(JSON.stringify({ level: 40, time: 0, msg: 'background job failed', err }));
    expect(warning.trim().split('\n')).toHaveLength(1);
    expect(warning).toContain('background job failed — relation "no_such_table" does not exist');
    const error = readableRecord(JSON.stringify({ level: 50, time: 0, msg: 'unhandled error', err }));
    expect(error).toContain('    at x');
  });
});

describe('request logging of serve and of the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function logOf(format: RequestLogFormat, level: 'info' | 'debug', url: string) {
    const lines: string[] = [];
    const app: KewoApp = await buildApp(
      { ...t.context, config: loadConfig({ LOG_LEVEL: level }) },
      { serveWebApp: false, requestLog: format, logStream: { write: (line) => void lines.push(line) } },
    );
    app.get('/api/v1/failing', { config: { access: publicAccess } }, async () => {
      throw new Error('a bug');
    });
    await app.ready();
    try {
      const response = await app.inject({ url });
      return { status: response.statusCode, lines: lines.join('').split('\n').filter(Boolean) };
    } finally {
      await app.close();
    }
  }

  it('serve logs two JSON records per request', async () => {
    const { status, lines } = await logOf('json', 'info', '/api/v1/health');
    expect(status).toBe(200);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['incoming request', 'request completed']);
  });

  it('the demo logs nothing for a quick answer at the default level', async () => {
    const { status, lines } = await logOf('readable', 'info', '/api/v1/health');
    expect(status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('the demo logs a request as one readable line at debug level', async () => {
    const { lines } = await logOf('readable', 'debug', '/api/v1/health?probe=1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} DEBUG GET \/api\/v1\/health 200 \d+ ms$/);
  });

  it('the demo logs a failed request as readable lines: the error, then the request', async () => {
    const { status, lines } = await logOf('readable', 'info', '/api/v1/failing');
    expect(status).toBe(500);
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
    expect(lines[0]).toMatch(/ERROR unhandled error — a bug$/);
    expect(lines.at(-1)).toMatch(/ERROR GET \/api\/v1\/failing 500 \d+ ms$/);
  });
});
