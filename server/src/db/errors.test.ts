import { type SQL, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandler } from '../platform/errors/problem-handler.ts';
import type { DatabaseHandle } from './client.ts';
import { refusedValueStateOf } from './errors.ts';
import { createTestDatabase, testDatabaseKinds } from './test-database.ts';

// The safety net behind the request schemas: a value only a request can bring, which the
// database refuses, is the request's fault (400), whichever driver reports it.
describe.each(testDatabaseKinds)('values the database refuses on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  async function failureOf(statement: SQL): Promise<unknown> {
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`CREATE TEMPORARY TABLE short_text (value varchar(2)) ON COMMIT DROP`);
        await tx.execute(statement);
      });
    } catch (error) {
      return error;
    }
    throw new Error('the statement succeeded');
  }

  it.each([
    ['a NUL byte in text', sql`SELECT ${'a\u0000b'}::text`, ['22021', '22P05']],
    ['a NUL escape in JSON', sql`SELECT ${'"a\\u0000b"'}::jsonb`, ['22P05']],
    ['2³¹ as an integer', sql`SELECT ${'2147483648'}::integer`, ['22003']],
    ['30 February', sql`SELECT ${'2026-02-30'}::date`, ['22008']],
    ['month 13', sql`SELECT ${'2026-13-01'}::date`, ['22008']],
    ['a date that is not one', sql`SELECT ${'2026-11-xx'}::date`, ['22007']],
    ['text longer than its column', sql`INSERT INTO short_text VALUES (${'abc'})`, ['22001']],
  ])('%s is a refused value', async (_, statement, states) => {
    expect(states).toContain(refusedValueStateOf(await failureOf(statement)));
  });

  it.each([
    ['a syntax error', sql`SELEC 1`],
    ['a missing table', sql`SELECT * FROM no_such_table`],
    ['a division by zero', sql`SELECT 1 / ${0}::integer`],
  ])('%s is not: it stays a server error', async (_, statement) => {
    expect(refusedValueStateOf(await failureOf(statement))).toBeUndefined();
  });

  it('answers a refused value with 400 problem+json, and a failing statement with 500', async () => {
    const app = Fastify({ logger: false });
    registerProblemHandler(app);
    app.get('/echo', async (request) => {
      const { text } = request.query as { text: string };
      await database.db.execute(sql`SELECT ${text}::text`);
      return { ok: true };
    });
    app.get('/broken', async () => database.db.execute(sql`SELEC 1`));
    await app.ready();
    try {
      const refused = await app.inject({ url: '/echo?text=a%00b', headers: { 'accept-language': 'en' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 400, code: 'VALUE_NOT_STORABLE' });
      expect((await app.inject({ url: '/echo?text=ab' })).statusCode).toBe(200);
      const broken = await app.inject({ url: '/broken' });
      expect(broken.statusCode).toBe(500);
      expect(broken.json().code).toBe('INTERNAL');
    } finally {
      await app.close();
    }
  });
});
