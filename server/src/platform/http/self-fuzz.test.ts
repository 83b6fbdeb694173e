import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '../../db/client.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { customers } from '../../modules/customers/customers.schema.ts';
import {
  boundaryRequests,
  codeOf,
  describeRequest,
  type Finding,
  type FuzzRequest,
  findingsOf,
  type Identity,
  IdPool,
  injectOptionsOf,
  malformedBodies,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  requestArbitrary,
  truncate,
} from '../../test/fuzz/openapi-fuzzer.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { hashPassword } from '../auth/password-hashing.ts';
import { users } from '../identity/identity.schema.ts';
import { errorStatuses } from './openapi-problems.rules.ts';

// The app fuzzes itself from its own OpenAPI document: every operation, as an administrator, a
// marketer scoped to one branch, a customer manager and a retailer, gets boundary values in every
// parameter and body field, malformed bodies (broken multipart on the upload routes), and
// requests fast-check draws from the schemas. No answer may be a 5xx; every error is problem+json;
// every status is one the document lists. Deterministic for a seed: KEWO_FUZZ_SEED=<n> repeats a
// run, and a failure prints the seed.
//
// Both databases get the whole sweep: every boundary value as the administrator, a third of them
// each as the other three, and the malformed bodies; the database's own refusals (integer and date
// casts, text with NUL) differ between them, and the sweep is where they show. Drawn requests
// differ: PGlite answers ~4× slower than PostgreSQL (it runs in the test's own thread), so it gets
// 3 an operation and identity, PostgreSQL 6. Measured: ~13,000 requests and ~50 s of CPU on
// PGlite, ~12,000 and ~15 s on PostgreSQL. KEWO_FUZZ_DRAWN=<n> draws more for a deeper local run.
const seed = Number(process.env.KEWO_FUZZ_SEED ?? 20_261_123);
const fuzzBudget: Record<DatabaseKind, { drawn: number }> = {
  pglite: { drawn: 3 },
  postgres: { drawn: 6 },
};

const refusedBeforeReading = new Set(['FORBIDDEN', 'CITY_WIDE_SCOPE_REQUIRED']);

// A request the app never answers, or whose answer breaks off (a stream that stalls or is
// destroyed), is a finding too, not a stuck or crashed test: the answer is then what went wrong.
const answerTimeoutMs = 20_000;

async function answerWithin<T>(answer: Promise<T>, milliseconds: number): Promise<T | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${milliseconds / 1000} s`), milliseconds);
  });
  try {
    return await Promise.race([answer, timeout]);
  } catch (error) {
    return `the answer broke off: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

describe.each(testDatabaseKinds)('self-fuzz from the OpenAPI document (%s)', (kind) => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('documents every error answer as problem+json, with a shared Problem schema', () => {
    expect(document.components?.schemas?.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(100);
    for (const operation of operations) {
      const responses = document.paths[operation.path][operation.method.toLowerCase()].responses as Record<
        string,
        { content?: Record<string, { schema?: { $ref?: string } }> }
      >;
      const errors = Object.keys(responses).filter((status) => /^4\d\d$/.test(status));
      const takesInput =
        operation.pathParameters.length + operation.queryParameters.length > 0 || operation.method !== 'GET';
      const isPublic = (document.paths[operation.path][operation.method.toLowerCase()].security ?? [{}]).length === 0;
      // Only a public read without inputs (the health check) has no error to answer.
      if (takesInput || !isPublic) expect(errors.length, operation.key).toBeGreaterThan(0);
      for (const status of errors) {
        expect(errorStatuses, `${operation.key} ${status}`).toContain(Number(status));
        expect(
          responses[status].content?.['application/problem+json']?.schema?.$ref,
          `${operation.key} ${status}`,
        ).toBe('#/components/schemas/Problem');
      }
      if (!isPublic) expect(errors, operation.key).toEqual(expect.arrayContaining(['401', '403']));
      if (operation.pathParameters.length > 0) expect(errors, operation.key).toContain('404');
      if (operation.method !== 'GET')
        expect(errors, operation.key).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });

  it('documents what routes say in words, and what uploads and public routes are', () => {
    const responsesOf = (method: string, path: string) =>
      Object.keys(document.paths[`/api/v1${path}`][method].responses);
    expect(responsesOf('post', '/portal/orders')).toEqual(expect.arrayContaining(['201', '409', '422']));
    expect(responsesOf('post', '/auth/login')).toEqual(expect.arrayContaining(['200', '400', '429']));
    expect(responsesOf('post', '/customers/import')).toEqual(expect.arrayContaining(['413', '422']));
    // A route without a success schema says "some 2xx" (204, a file), not a 200 it may not send.
    expect(responsesOf('delete', '/portal/orders/{id}')).toContain('2XX');
    expect(responsesOf('delete', '/portal/orders/{id}')).not.toContain('200');
    const upload = document.paths['/api/v1/visits/photos'].post;
    expect(upload.requestBody?.content['multipart/form-data']?.schema).toMatchObject({ required: ['file'] });
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/v1/customers'].get.security).toBeUndefined();
  });

  it('answers every generated request with a documented status, problem+json on errors and never a 5xx', async () => {
    const startedAt = Date.now();
    const cpuAtStart = process.cpuUsage();
    const budget = { ...fuzzBudget[kind], drawn: Number(process.env.KEWO_FUZZ_DRAWN ?? fuzzBudget[kind].drawn) };
    const identities = await signInEveryone(t);
    const pool = new IdPool(identities.protectedIds);
    const anonymous: Identity = { name: 'anonymous', cookie: '', locale: 'zh-CN' };
    const findings = new Map<string, Finding & { count: number }>();
    let requests = 0;
    // Operations that answered a success at least once: the fuzz got past validation there.
    const succeeded = new Set<string>();

    const record = (
      findingKind: Finding['kind'],
      operation: Operation,
      identity: Identity,
      options: InjectOptions,
      response: LightMyRequestResponse | undefined,
      failure = '',
    ) => {
      const code = response ? codeOf(response) : undefined;
      const status = response?.statusCode ?? 0;
      const key = `${findingKind} ${operation.key} ${status} ${code ?? ''}`;
      const known = findings.get(key);
      if (known) known.count += 1;
      else {
        findings.set(key, {
          kind: findingKind,
          operation: operation.key,
          identity: identity.name,
          status,
          code,
          request: describeRequest(options),
          answer: response ? truncate(response.body, 300) : failure,
          count: 1,
        });
      }
    };
    const sendAndCheck = async (operation: Operation, identity: Identity, options: InjectOptions) => {
      requests += 1;
      const response = await answerWithin(t.app.inject(options), answerTimeoutMs);
      if (typeof response === 'string') {
        record('no complete answer', operation, identity, options, undefined, response);
        return undefined;
      }
      if (response.statusCode < 300) succeeded.add(operation.key);
      if (response.statusCode < 300 && String(response.headers['content-type'] ?? '').includes('json')) {
        try {
          pool.harvest(operation.path, response.json());
        } catch {
          // Not JSON after all: nothing to learn from it.
        }
      }
      for (const findingKind of findingsOf(operation, response))
        record(findingKind, operation, identity, options, response);
      return response;
    };

    // First the lists, read as the administrator: their ids seed the requests that follow.
    const operations = operationsOf(document);
    for (const operation of operations) {
      if (operation.method !== 'GET' || operation.pathParameters.length > 0) continue;
      await sendAndCheck(
        operation,
        identities.admin,
        injectOptionsOf(operation, identities.admin, { path: {}, query: {} }),
      );
    }

    const timings: Array<{ operation: string; milliseconds: number; requests: number }> = [];
    for (const [operationIndex, operation] of operations.entries()) {
      const operationStartedAt = Date.now();
      const requestsBefore = requests;
      const operationIsPublic =
        (document.paths[operation.path][operation.method.toLowerCase()].security ?? [{}]).length === 0;
      // A public route is fuzzed signed out; the others get one request signed out, then the sweep
      // as each identity: the administrator every boundary value, the other three a third each.
      const callers = operationIsPublic ? [anonymous] : identities.list;
      if (!operationIsPublic) {
        const plain = fc.sample(requestArbitrary(operation, pool), { seed: seed + operationIndex, numRuns: 1 })[0];
        await sendAndCheck(operation, anonymous, injectOptionsOf(operation, anonymous, plain));
      }
      for (const [identityIndex, identity] of callers.entries()) {
        const drawn = fc.sample(requestArbitrary(operation, pool), {
          seed: seed + operationIndex * 31 + identityIndex * 7919,
          numRuns: budget.drawn,
        });
        const first = await sendAndCheck(operation, identity, injectOptionsOf(operation, identity, drawn[0]));
        // A role (or a branch scope) the route refuses is refused before anything is read: one
        // request more says it all.
        if (first?.statusCode === 403 && refusedBeforeReading.has(codeOf(first) ?? '')) {
          const again = await sendAndCheck(
            operation,
            identity,
            injectOptionsOf(operation, identity, drawn[1] ?? drawn[0]),
          );
          if (again?.statusCode === 403) continue;
        }
        for (const request of drawn.slice(1)) {
          await sendAndCheck(operation, identity, injectOptionsOf(operation, identity, request));
        }
        const share = identityIndex === 0 ? { index: 0, of: 1 } : { index: identityIndex - 1, of: callers.length - 1 };
        for (const request of boundaryRequests(operation, drawn[0], share)) {
          await sendAndCheck(operation, identity, injectOptionsOf(operation, identity, request));
        }
        if (operation.method !== 'GET') {
          for (const raw of malformedBodies(operation).filter((_, position) => position % share.of === share.index)) {
            await sendAndCheck(operation, identity, injectOptionsOf(operation, identity, { ...drawn[0], raw }));
          }
        }
        if (operation.usesIdempotencyKey) {
          // Keys that are not 1–100 visible ASCII characters, then one key sent with two bodies.
          const keys =
            identityIndex === 0 ? ['', ' ', 'k'.repeat(101), 'é', 'fuzz-key'] : [`fuzz-key-${identity.name}`];
          for (const [position, key] of keys.entries()) {
            for (const body of position === keys.length - 1 ? drawn.slice(0, 2) : drawn.slice(0, 1)) {
              const request: FuzzRequest = { ...body, headers: { 'idempotency-key': key } };
              await sendAndCheck(operation, identity, injectOptionsOf(operation, identity, request));
            }
          }
        }
        if (identityIndex === 0 && operation.method !== 'GET') {
          const oversized = {
            contentType: 'application/json',
            payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
          };
          await sendAndCheck(
            operation,
            identity,
            injectOptionsOf(operation, identity, { ...drawn[0], raw: oversized }),
          );
        }
      }
      // A write may have disabled, signed out or cancelled one of the fuzzing identities.
      if (operation.method !== 'GET') await identities.restore();
      timings.push({
        operation: operation.key,
        milliseconds: Date.now() - operationStartedAt,
        requests: requests - requestsBefore,
      });
      // KEWO_FUZZ_TIMINGS=1: each operation's time as it ends, to keep the run within its budget.
      if (process.env.KEWO_FUZZ_TIMINGS) process.stderr.write(`${JSON.stringify(timings.at(-1))}\n`);
    }

    const list = [...findings.values()];
    const count = (findingKind: Finding['kind']) =>
      list.filter((finding) => finding.kind === findingKind).reduce((sum, finding) => sum + finding.count, 0);
    const cpu = process.cpuUsage(cpuAtStart);
    const seconds = (microseconds: number) => Math.round(microseconds / 1e6);
    const summary = `self-fuzz (${kind}, seed ${seed}): ${operations.length} operations × ${identities.list.length} identities, ${requests} requests in ${Math.round((Date.now() - startedAt) / 1000)} s (CPU ${seconds(cpu.user + cpu.system)} s), ${succeeded.size} operations answered a success; ${count('5xx')} 5xx, ${count('not problem+json')} errors not problem+json, ${count('undocumented status')} undocumented statuses, ${count('no complete answer')} answers broken off`;
    console.log(summary);
    if (process.env.KEWO_FUZZ_TIMINGS) {
      const neverSucceeded = operations.filter((operation) => !succeeded.has(operation.key));
      console.log(`never a success:\n${neverSucceeded.map((operation) => operation.key).join('\n')}`);
    }
    if (list.length > 0) {
      const report = list
        .map(
          (finding) =>
            `- ${finding.kind}: ${finding.operation} → ${finding.status} ${finding.code ?? ''} (×${finding.count}, as ${finding.identity})\n    ${finding.request}\n    ${finding.answer}`,
        )
        .join('\n');
      console.log(`${summary}\nRepeat with KEWO_FUZZ_SEED=${seed}.\n${report}`);
    }
    expect(
      list.map((finding) => `${finding.kind}: ${finding.operation} → ${finding.status} ${finding.code ?? ''}`),
      `self-fuzz found problems; repeat with KEWO_FUZZ_SEED=${seed}`,
    ).toEqual([]);
  }, 600_000);
});

type Identities = {
  admin: Identity;
  list: Identity[];
  protectedIds: Map<string, Set<number>>;
  restore: () => Promise<void>;
};

// The four callers: the city's administrator, a marketer scoped to the first branch (made here),
// a customer manager and a retailer. restore() puts back any of them a fuzzed write disabled,
// signed out, gave a new password or cancelled the store of.
async function signInEveryone(t: TestApp): Promise<Identities> {
  const admin: Identity = { name: 'admin', cookie: await t.signIn('admin'), locale: 'zh-CN' };
  const branch = t.city.branches[0];
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: admin.cookie },
    payload: {
      username: 'fuzz-marketer',
      displayName: '分部营销',
      role: 'marketing',
      scopeKind: 'org',
      orgUnitId: branch.id,
      password: testPassword,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const marketerId = created.json().id as number;
  const [store] = await t.database.db
    .select({ id: customers.id, licenceNo: customers.licenceNo })
    .from(customers)
    .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
    .orderBy(customers.id)
    .limit(1);
  const accounts = await t.database.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['admin', 'manager01', 'fuzz-marketer', store.licenceNo]));
  const passwordHash = await hashPassword(testPassword);
  const accountIds = accounts.map((account) => account.id);
  const fixAccounts = async () => {
    await t.database.db
      .update(users)
      .set({ disabled: false, mustChangePassword: false, passwordHash })
      .where(inArray(users.id, accountIds));
    await t.database.db.update(customers).set({ status: 'active' }).where(eq(customers.id, store.id));
  };
  await fixAccounts();

  const signInRetailer = async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licenceNo, password: testPassword },
    });
    expect(response.statusCode, response.body).toBe(200);
    return sessionCookieOf(response);
  };
  const signIns: Record<string, () => Promise<string>> = {
    admin: () => t.signIn('admin'),
    marketer: () => t.signIn('fuzz-marketer'),
    manager: () => t.signIn('manager01'),
    retailer: signInRetailer,
  };
  const list: Identity[] = [
    admin,
    { name: 'marketer', cookie: await signIns.marketer(), locale: 'en' },
    { name: 'manager', cookie: await signIns.manager(), locale: 'zh-CN' },
    { name: 'retailer', cookie: await signIns.retailer(), locale: 'en' },
  ];
  const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: list[1].cookie } });
  expect(me.json()).toMatchObject({ role: 'marketing', scope: { kind: 'org', orgUnitId: branch.id } });

  return {
    admin,
    list,
    protectedIds: new Map([
      ['/api/v1/users', new Set([...accountIds, marketerId])],
      ['userId', new Set([...accountIds, marketerId])],
      ['/api/v1/customers', new Set([store.id])],
      ['customerId', new Set([store.id])],
    ]),
    restore: async () => {
      const signedOut: Identity[] = [];
      for (const identity of list) {
        const check = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: identity.cookie } });
        if (check.statusCode !== 200) signedOut.push(identity);
      }
      if (signedOut.length === 0) return;
      await fixAccounts();
      for (const identity of signedOut) identity.cookie = await signIns[identity.name]();
    },
  };
}
