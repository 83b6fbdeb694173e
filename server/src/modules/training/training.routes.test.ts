import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { interactingStoresSql } from './index.ts';
import { signUp } from './training.service.ts';

// 培训 through the HTTP API: organisers create sessions (city-wide, or a branch's for its own
// stores); stores sign up in the portal (confirmed while seats remain, else waitlisted; a
// cancellation before the deadline promotes the first waitlisted); the trainer shows the rotating
// check-in code and stores check in with it (wrong, expired or outside the window → an error,
// nothing written) or the trainer marks them; the post-test, the rating and the certificate;
// 内训师, the KPIs and 客我互动率's fragment; 200 parallel sign-ups for 30 seats on PostgreSQL.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const hour = 3_600_000;

describe.each(testDatabaseKinds)('training on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let branchMarketing: string;
  let trainer: string;
  let service: string;
  let managerB: string;
  let stores: Array<{ id: number; licenceNo: string; branchId: number; cookie: string }> = [];
  let otherBranchStore: { id: number; licenceNo: string; cookie: string };
  let ownBranchId: number;
  let trainerUserId: number;
  let sessionId: number;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  const state = async () => ({
    sessions: await count(sql`SELECT count(*)::int AS n FROM training_sessions`),
    signups: await read(sql`SELECT id, status, checked_in_at, test_score, rating FROM training_signups ORDER BY id`),
    trainers: await count(sql`SELECT count(*)::int AS n FROM training_trainers`),
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action NOT IN ('sign_in', 'sign_out')`),
  });
  const portalSignIn = async (licenceNo: string) => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    return sessionCookieOf(login);
  };
  const signInEveryone = async () => {
    marketing = await t.signIn('marketing');
    branchMarketing = await t.signIn('px-branch-marketing');
    trainer = await t.signIn('px-trainer');
    service = await t.signIn('service');
    managerB = await t.signIn('px-manager-b');
    for (const store of stores) store.cookie = await portalSignIn(store.licenceNo);
    otherBranchStore.cookie = await portalSignIn(otherBranchStore.licenceNo);
  };
  const at = (offsetHours: number) => new Date(t.clock.now.getTime() + offsetHours * hour).toISOString();
  const sessionBody = (change: Record<string, unknown> = {}) => ({
    title: '品牌培育大课堂：新品卖点与陈列',
    kind: 'brand_classroom',
    description: '新品知识、陈列方法与真假烟识别。',
    trainerUserId,
    place: '市公司三楼培训室',
    startsAt: at(24),
    endsAt: at(26),
    capacity: 2,
    signupDeadline: at(20),
    cancelDeadline: at(22),
    questions: [
      { text: '新品上柜后首先应当？', options: ['放在柜台显眼位置', '放进仓库'], answer: 0 },
      { text: '真烟的防伪标识在？', options: ['条盒封签', '烟丝'], answer: 0 },
    ],
    passPercent: 50,
    ...change,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 300 });
    tenantId = t.city.tenantId;
    const [first, second] = t.city.branches;
    ownBranchId = first.id;
    await addStaff(t, { username: 'px-branch-marketing', role: 'marketing', orgUnitId: first.id });
    trainerUserId = await addStaff(t, { username: 'px-trainer', role: 'service', orgUnitId: first.id });
    const ownStores = await read<{ id: number; licence_no: string; branch_id: number }>(
      sql`SELECT id, licence_no, branch_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          AND branch_id = ${first.id} ORDER BY id LIMIT 4`,
    );
    stores = ownStores.map((row) => ({
      id: Number(row.id),
      licenceNo: row.licence_no,
      branchId: Number(row.branch_id),
      cookie: '',
    }));
    const [other] = await read<{ id: number; licence_no: string; manager_id: number }>(
      sql`SELECT id, licence_no, manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          AND branch_id = ${second.id} ORDER BY id LIMIT 1`,
    );
    otherBranchStore = { id: Number(other.id), licenceNo: other.licence_no, cookie: '' };
    await addStaff(t, {
      username: 'px-manager-b',
      role: 'manager',
      orgUnitId: second.id,
      scopeKind: 'org',
    });
    await signInEveryone();
  }, 240_000);
  afterAll(async () => t?.close());

  it('is created by organisers with a trainer, times, capacity and deadlines; bad input writes nothing', async () => {
    const before = await state();
    const refuse = async (cookie: string, payload: unknown, status: number, code?: string) => {
      const response = await inject(cookie, 'POST', '/api/v1/trainings', payload);
      expect(response.statusCode, response.body).toBe(status);
      if (code) expect(response.json().code).toBe(code);
      expect(await state()).toEqual(before);
    };
    await refuse(marketing, sessionBody({ endsAt: at(23) }), 400, 'TRAINING_SESSION_INVALID');
    await refuse(marketing, sessionBody({ signupDeadline: at(25) }), 400, 'TRAINING_SESSION_INVALID');
    await refuse(marketing, sessionBody({ trainerCustomerId: stores[0].id }), 400, 'TRAINING_SESSION_INVALID');
    await refuse(
      marketing,
      sessionBody({ trainerUserId: null, trainerCustomerId: stores[0].id }),
      400,
      'TRAINING_TRAINER_UNKNOWN',
    );
    await refuse(marketing, sessionBody({ capacity: 0 }), 400);
    await refuse(marketing, sessionBody({ kind: 'party' }), 400);
    await refuse(marketing, sessionBody({ title: 'x'.repeat(101) }), 400);
    await refuse(marketing, sessionBody({ segment: { branchIds: [999_999] } }), 400, 'TRAINING_SEGMENT_INVALID');
    await refuse(service, sessionBody(), 403, 'FORBIDDEN');
    await refuse(stores[0].cookie, sessionBody(), 403, 'FORBIDDEN');

    const created = await inject(
      marketing,
      'POST',
      '/api/v1/trainings',
      sessionBody({ segment: { branchIds: [ownBranchId] } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    sessionId = created.json().id;
    expect(created.json()).toMatchObject({
      kind: 'brand_classroom',
      capacity: 2,
      confirmed: 0,
      branchId: null,
      trainer: { kind: 'staff', id: trainerUserId },
      canManage: true,
    });
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'training_session'`)).toBe(1);
    // A branch's organiser sees it but may not edit it; the trainer sees isTrainer.
    const branchView = await inject(branchMarketing, 'GET', `/api/v1/trainings/${sessionId}`);
    expect(branchView.json()).toMatchObject({ canManage: false, isTrainer: false });
    expect((await inject(trainer, 'GET', `/api/v1/trainings/${sessionId}`)).json().isTrainer).toBe(true);
    const edit = await inject(branchMarketing, 'PUT', `/api/v1/trainings/${sessionId}`, sessionBody());
    expect(edit.statusCode).toBe(403);
  });

  it('a branch’s session is for its own stores only, and other branches do not see it', async () => {
    const created = await inject(
      branchMarketing,
      'POST',
      '/api/v1/trainings',
      sessionBody({ title: '经营技能', kind: 'business_skills' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      branchId: ownBranchId,
      segment: { branchIds: [ownBranchId] },
      canManage: true,
    });
    const id = created.json().id;
    expect((await inject(managerB, 'GET', `/api/v1/trainings/${id}`)).statusCode).toBe(404);
    const list = await inject(managerB, 'GET', '/api/v1/trainings');
    expect(list.json().items.map((item: { id: number }) => item.id)).not.toContain(id);
    const outsider = await inject(otherBranchStore.cookie, 'POST', `/api/v1/portal/trainings/${id}/signups`);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('TRAINING_NOT_ELIGIBLE');
    const portal = await inject(otherBranchStore.cookie, 'GET', '/api/v1/portal/trainings');
    expect(portal.json().items.map((item: { id: number }) => item.id)).not.toContain(id);
    const cancelled = await inject(branchMarketing, 'POST', `/api/v1/trainings/${id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('signs stores up: confirmed while seats remain, then waitlisted; a cancellation promotes the first waitlisted', async () => {
    const url = `/api/v1/portal/trainings/${sessionId}/signups`;
    const results = [];
    for (const store of stores.slice(0, 4)) {
      const response = await inject(store.cookie, 'POST', url);
      expect(response.statusCode, response.body).toBe(201);
      results.push(response.json());
    }
    expect(results.map((result) => result.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(results[3].waitlistPosition).toBe(2);
    const again = await inject(stores[0].cookie, 'POST', url);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRAINING_ALREADY_SIGNED_UP');
    const outsider = await inject(otherBranchStore.cookie, 'POST', url);
    expect(outsider.json().code).toBe('TRAINING_NOT_ELIGIBLE');

    // Store 1 cancels: store 3 (the first waitlisted) takes the seat.
    const cancelled = await inject(stores[1].cookie, 'DELETE', url);
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    const signups = await inject(marketing, 'GET', `/api/v1/trainings/${sessionId}/signups`);
    const statusOf = (id: number) =>
      signups.json().items.find((item: { customerId: number }) => item.customerId === id)?.status;
    expect([stores[0], stores[1], stores[2], stores[3]].map((store) => statusOf(store.id))).toEqual([
      'confirmed',
      'cancelled',
      'confirmed',
      'waitlisted',
    ]);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'promote'`)).toBe(1);
    const mine = (await inject(stores[2].cookie, 'GET', '/api/v1/portal/trainings')).json();
    expect(mine.items.find((item: { id: number }) => item.id === sessionId)).toMatchObject({
      my: { status: 'confirmed' },
      seatsLeft: 0,
      canCancel: true,
    });
    // Another branch's manager sees none of these stores' sign-ups.
    expect((await inject(managerB, 'GET', `/api/v1/trainings/${sessionId}/signups`)).json().items).toEqual([]);
  });

  it('checks in with the code shown at the session; wrong, expired or outside the window writes nothing', async () => {
    const url = `/api/v1/portal/trainings/${sessionId}/check-in`;
    expect((await inject(service, 'GET', `/api/v1/trainings/${sessionId}/check-in-code`)).statusCode).toBe(403);
    const early = (await inject(trainer, 'GET', `/api/v1/trainings/${sessionId}/check-in-code`)).json();
    expect(early.code).toMatch(/^\d{6}$/);
    expect(early.link).toBe(`/portal/mine/training?session=${sessionId}&code=${early.code}`);
    let before = await state();
    const tooEarly = await inject(stores[0].cookie, 'POST', url, { code: early.code });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().code).toBe('TRAINING_CHECKIN_OUTSIDE');
    expect(await state()).toEqual(before);

    // Past the cancellation deadline: a cancellation is refused.
    t.clock.advanceMinutes(23 * 60);
    await signInEveryone();
    const late = await inject(stores[0].cookie, 'DELETE', `/api/v1/portal/trainings/${sessionId}/signups`);
    expect(late.json().code).toBe('TRAINING_CANCEL_CLOSED');

    t.clock.advanceMinutes(60 + 5); // 5 minutes after the start
    await signInEveryone();
    const shown = (await inject(trainer, 'GET', `/api/v1/trainings/${sessionId}/check-in-code`)).json();
    before = await state();
    const wrong = String((Number(shown.code) + 1) % 1_000_000).padStart(6, '0');
    for (const [code, status, problem] of [
      [wrong, 400, 'TRAINING_CODE_WRONG'],
      ['12345', 400, undefined],
      ['abcdef', 400, undefined],
    ] as const) {
      const response = await inject(stores[0].cookie, 'POST', url, { code });
      expect(response.statusCode, response.body).toBe(status);
      if (problem) expect(response.json().code).toBe(problem);
    }
    const waitlisted = await inject(stores[3].cookie, 'POST', url, { code: shown.code });
    expect(waitlisted.json().code).toBe('TRAINING_NOT_CONFIRMED');
    expect(await state()).toEqual(before);

    const ok = await inject(stores[0].cookie, 'POST', url, { code: shown.code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checkedInAt).toBe(t.clock.now.toISOString());
    const twice = await inject(stores[0].cookie, 'POST', url, { code: shown.code });
    expect(twice.statusCode).toBe(200);

    t.clock.advanceMinutes(11);
    await signInEveryone();
    before = await state();
    const expired = await inject(stores[2].cookie, 'POST', url, { code: shown.code });
    expect(expired.json().code).toBe('TRAINING_CODE_EXPIRED');
    expect(await state()).toEqual(before);
    // The trainer marks store 2 present instead.
    const marked = await inject(trainer, 'POST', `/api/v1/trainings/${sessionId}/attendance`, {
      customerId: stores[2].id,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const notSigned = await inject(trainer, 'POST', `/api/v1/trainings/${sessionId}/attendance`, {
      customerId: otherBranchStore.id,
    });
    expect(notSigned.json().code).toBe('TRAINING_NOT_SIGNED_UP');
    const rows = await read<{ customer_id: number; check_in_method: string }>(
      sql`SELECT customer_id, check_in_method FROM training_signups WHERE session_id = ${sessionId} AND checked_in_at IS NOT NULL ORDER BY customer_id`,
    );
    expect(rows.map((row) => [Number(row.customer_id), row.check_in_method])).toEqual([
      [stores[0].id, 'code'],
      [stores[2].id, 'trainer'],
    ]);
  });

  it('takes the post-test and a rating after check-in, and issues certificates to those who passed', async () => {
    const base = `/api/v1/portal/trainings/${sessionId}`;
    const notAttended = await inject(stores[3].cookie, 'POST', `${base}/test`, { answers: [0, 0] });
    expect(notAttended.json().code).toBe('TRAINING_NOT_ATTENDED');
    const test = await inject(stores[0].cookie, 'GET', `${base}/test`);
    expect(test.json().questions[0]).not.toHaveProperty('answer');
    expect((await inject(stores[0].cookie, 'POST', `${base}/test`, { answers: [0] })).json().code).toBe(
      'TRAINING_ANSWERS_INVALID',
    );
    const passed = await inject(stores[0].cookie, 'POST', `${base}/test`, { answers: [0, 0] });
    expect(passed.json()).toMatchObject({ score: 100, passed: true, right: 2, total: 2 });
    expect((await inject(stores[0].cookie, 'POST', `${base}/test`, { answers: [0, 0] })).json().code).toBe(
      'TRAINING_ALREADY_TESTED',
    );
    const failed = await inject(stores[2].cookie, 'POST', `${base}/test`, { answers: [1, 1] });
    expect(failed.json()).toMatchObject({ score: 0, passed: false });

    expect((await inject(stores[0].cookie, 'POST', `${base}/rating`, { rating: 6 })).statusCode).toBe(400);
    expect(
      (await inject(stores[0].cookie, 'POST', `${base}/rating`, { rating: 5, comment: '很实用' })).statusCode,
    ).toBe(200);
    expect((await inject(stores[0].cookie, 'POST', `${base}/rating`, { rating: 4 })).json().code).toBe(
      'TRAINING_ALREADY_RATED',
    );
    await inject(stores[2].cookie, 'POST', `${base}/rating`, { rating: 4 });

    const certificate = await inject(stores[0].cookie, 'GET', `${base}/certificate`);
    expect(certificate.statusCode).toBe(200);
    expect(certificate.headers['content-type']).toContain('wordprocessingml');
    expect(certificate.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await inject(stores[2].cookie, 'GET', `${base}/certificate`)).json().code).toBe('TRAINING_NO_CERTIFICATE');
    const staffCopy = await inject(marketing, 'GET', `/api/v1/trainings/${sessionId}/certificates/${stores[0].id}`);
    expect(staffCopy.statusCode).toBe(200);
    expect(
      (await inject(managerB, 'GET', `/api/v1/trainings/${sessionId}/certificates/${stores[0].id}`)).statusCode,
    ).toBe(404);

    const view = (await inject(marketing, 'GET', `/api/v1/trainings/${sessionId}`)).json();
    expect(view).toMatchObject({
      confirmed: 2,
      waitlisted: 1,
      checkedIn: 2,
      passed: 1,
      ratings: 2,
      ratingAverage: 4.5,
    });
  });

  it('designates 内训师, reports attendance rate and trainer hours, and names the interacting stores', async () => {
    const designate = await inject(branchMarketing, 'PUT', `/api/v1/trainings/trainers/${stores[1].id}`, {
      topics: ['陈列', '真假识别'],
    });
    expect(designate.statusCode, designate.body).toBe(200);
    expect(
      (await inject(branchMarketing, 'PUT', `/api/v1/trainings/trainers/${otherBranchStore.id}`, { topics: [] }))
        .statusCode,
    ).toBe(404);
    expect(
      (await inject(service, 'PUT', `/api/v1/trainings/trainers/${stores[1].id}`, { topics: [] })).statusCode,
    ).toBe(403);
    // A session led by the 内训师, held an hour ago.
    const held = await inject(
      marketing,
      'POST',
      '/api/v1/trainings',
      sessionBody({
        trainerUserId: null,
        trainerCustomerId: stores[1].id,
        title: '服务礼仪',
        kind: 'service',
        startsAt: at(-3),
        endsAt: at(-1.5),
        signupDeadline: at(-4),
        cancelDeadline: at(-4),
      }),
    );
    expect(held.statusCode, held.body).toBe(201);
    const trainers = (await inject(marketing, 'GET', '/api/v1/trainings/trainers')).json().items;
    expect(trainers.find((row: { customerId: number }) => row.customerId === stores[1].id)).toMatchObject({
      topics: ['陈列', '真假识别'],
      sessionsLed: 1,
      hours: 1.5,
    });

    const kpis = await inject(marketing, 'GET', '/api/v1/trainings/kpis?from=2026-01-01&to=2027-01-01');
    expect(kpis.statusCode, kpis.body).toBe(200);
    const own = kpis.json().rows.find((row: { key: number }) => row.key === ownBranchId);
    expect(own).toMatchObject({ signups: 2, checkIns: 2, attendanceRate: 1, inHouseTrainerHours: 1.5 });
    expect((await inject(marketing, 'GET', '/api/v1/trainings/kpis?from=nope')).statusCode).toBe(400);
    const branchB = (await inject(managerB, 'GET', '/api/v1/trainings/kpis?from=2026-01-01&to=2027-01-01')).json();
    expect(branchB.rows.every((row: { key: number }) => row.key !== ownBranchId)).toBe(true);

    const month = await read<{ customer_id: number }>(
      sql`SELECT customer_id FROM (${interactingStoresSql(new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), tenantId)}) s ORDER BY 1`,
    );
    expect(month.map((row) => Number(row.customer_id))).toEqual(stores.map((store) => store.id).sort((a, b) => a - b));
    const none = await read(
      sql`SELECT customer_id FROM (${interactingStoresSql(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))}) s`,
    );
    expect(none).toEqual([]);
  });

  // Only PostgreSQL proves this: PGlite is one connection running one statement at a time, so
  // parallel sign-ups reach it one after another and would pass even without the session row lock.
  it.skipIf(kind === 'pglite')(
    'never over capacity: 200 parallel sign-ups for 30 seats → exactly 30 confirmed',
    async () => {
      const created = await inject(
        marketing,
        'POST',
        '/api/v1/trainings',
        sessionBody({
          capacity: 30,
          title: '法规与诚信经营',
          kind: 'law_integrity',
          startsAt: at(48),
          endsAt: at(50),
          signupDeadline: at(40),
          cancelDeadline: at(40),
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const retailers = await read<{ user_id: number; customer_id: number; username: string }>(
        sql`SELECT u.id AS user_id, u.customer_id, u.username FROM users u JOIN customers c ON c.id = u.customer_id
          WHERE u.tenant_id = ${tenantId} AND u.role = 'retailer' AND c.status = 'active' ORDER BY u.id LIMIT 200`,
      );
      expect(retailers).toHaveLength(200);
      const actors: Actor[] = retailers.map((row) => ({
        userId: Number(row.user_id),
        tenantId,
        username: row.username,
        displayName: row.username,
        role: 'retailer',
        scope: { kind: 'customer', customerId: Number(row.customer_id) },
        sessionId: '',
        ip: '127.0.0.1',
        requestId: `burst-${row.user_id}`,
      }));
      const results = await Promise.all(actors.map((actor) => signUp(t.context, actor, id)));
      expect(results.filter((result) => result.status === 'confirmed')).toHaveLength(30);
      expect(results.filter((result) => result.status === 'waitlisted')).toHaveLength(170);
      expect(
        await count(
          sql`SELECT count(*)::int AS n FROM training_signups WHERE session_id = ${id} AND status = 'confirmed'`,
        ),
      ).toBe(30);
      const positions = results.flatMap((result) =>
        result.waitlistPosition === null ? [] : [result.waitlistPosition],
      );
      expect(new Set(positions).size).toBe(170);
    },
  );
});
