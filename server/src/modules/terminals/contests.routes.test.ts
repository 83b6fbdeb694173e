import { crc32, deflateSync } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { multipart } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { type ContestCriterion, rankEntries } from './contests.rules.ts';

// 陈列创意大赛 through the HTTP API: organising (city-wide), entries from the portal and by a
// manager (photos: JPEG/PNG only, ≤ 5 MB; one entry a store; until the deadline), blind judging (a
// judge sees only their own scores, never scores their own branch's entry, scores once), the
// ranking reproducible from the stored scores, publication and the booklet (.docx with the winners'
// photos, stores and the judges' comments) for staff and stores; bad input writes nothing.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// A real PNG (the booklet reads its size): width × height of one colour.
function pngOf(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc8)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const webp = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1');

const criteria: ContestCriterion[] = [
  { key: 'creative', label: '创意', weight: 40, maxScore: 10 },
  { key: 'tidy', label: '整洁度', weight: 30, maxScore: 10 },
  { key: 'brands', label: '规范度', weight: 30, maxScore: 10 },
];

type Method = 'GET' | 'POST';

describe.each(testDatabaseKinds)('display contest on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let branchMarketing: string;
  let service: string;
  let judgeBranch: string;
  let judgeOther: string;
  let judgeCity: string;
  let managerA: string;
  let managerB: string;
  let retailerA: string;
  let storeA: number;
  let storeA2: number;
  let storeB: number;
  let storeAName: string;
  let contestId: number;
  const entries: Record<'a' | 'a2' | 'b', number> = { a: 0, a2: 0, b: 0 };

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  const state = async () => ({
    contests: await count(sql`SELECT count(*)::int AS n FROM contests`),
    entries: await count(sql`SELECT count(*)::int AS n FROM contest_entries`),
    photos: await count(sql`SELECT count(*)::int AS n FROM contest_photos WHERE entry_id IS NOT NULL`),
    scores: await count(sql`SELECT count(*)::int AS n FROM contest_scores`),
    files: await count(sql`SELECT count(*)::int AS n FROM files`),
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action NOT IN ('sign_in', 'sign_out')`),
  });
  const upload = async (cookie: string, bytes: Buffer, url = '/api/v1/portal/contests/photos') => {
    const file = multipart('counter.png', bytes);
    return t.app.inject({ method: 'POST', url, headers: { cookie, ...file.headers }, payload: file.payload });
  };
  const photo = async (cookie: string, url?: string) => {
    const response = await upload(cookie, pngOf(40, 30), url);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  const score = (cookie: string, entryId: number, values: Record<string, number>, comment?: string) =>
    inject(cookie, 'POST', `/api/v1/contests/${contestId}/entries/${entryId}/scores`, { scores: values, comment });

  let usernames = { managerA: '', managerB: '', retailerA: '' };
  // Everyone signs in again after the clock has moved on (an idle session expires).
  const signInEveryone = async () => {
    marketing = await t.signIn('marketing');
    branchMarketing = await t.signIn('xc-contest-marketing');
    service = await t.signIn('service');
    judgeBranch = await t.signIn('xc-judge');
    judgeOther = await t.signIn('lh-judge');
    judgeCity = await t.signIn('inspector');
    managerA = await t.signIn(usernames.managerA);
    managerB = await t.signIn(usernames.managerB);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: usernames.retailerA, password: testPassword },
    });
    retailerA = sessionCookieOf(login);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    // The manager with the most stores (two of them enter) and their branch; another branch.
    const [busiest] = await read<{ manager_id: number }>(
      sql`SELECT manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    const busiestBranch = t.city.managers.find((entry) => entry.id === Number(busiest.manager_id))?.branchId;
    const ownBranch = t.city.branches.find((branch) => branch.id === busiestBranch) ?? t.city.branches[0];
    const otherBranch = t.city.branches.find((branch) => branch.id !== ownBranch.id) ?? t.city.branches[1];
    await addStaff(t, { username: 'xc-contest-marketing', role: 'marketing', orgUnitId: ownBranch.id });
    await addStaff(t, { username: 'xc-judge', role: 'marketing', orgUnitId: ownBranch.id });
    await addStaff(t, { username: 'lh-judge', role: 'service', orgUnitId: otherBranch.id });
    const managerOf = async (branchId: number) => {
      const [row] = await read<{ manager_id: number }>(
        sql`SELECT manager_id FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${branchId} AND status = 'active'
            GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
      );
      const id = Number(row.manager_id);
      const stores = await read<{ id: number; licence_no: string; name: string }>(
        sql`SELECT id, licence_no, name FROM customers WHERE manager_id = ${id} AND status = 'active' ORDER BY id LIMIT 1`,
      );
      return { username: t.city.managers.find((entry) => entry.id === id)?.username ?? '', stores };
    };
    const a = await managerOf(ownBranch.id);
    const b = await managerOf(otherBranch.id);
    usernames = { managerA: a.username, managerB: b.username, retailerA: a.stores[0].licence_no };
    storeA = Number(a.stores[0].id);
    storeAName = a.stores[0].name;
    storeB = Number(b.stores[0].id);
    // Another store of the same branch (another manager's), entered by the branch's marketer.
    const [second] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${ownBranch.id} AND status = 'active'
          AND id <> ${storeA} ORDER BY id LIMIT 1`,
    );
    storeA2 = Number(second.id);
    await signInEveryone();
  }, 240_000);
  afterAll(async () => t?.close());

  it('is organised city-wide with period, rules, weighted criteria and judges; bad input writes nothing', async () => {
    const judges = await read<{ id: number }>(
      sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND username IN ('xc-judge', 'lh-judge', 'inspector') ORDER BY id`,
    );
    const body = {
      title: '2026 年陈列创意大赛',
      rules: '以柜台陈列为主题，每店限投一件作品，照片 1–6 张。\n评选注重创意、整洁与规范。',
      startsOn: '2026-11-20',
      entryDeadline: '2026-11-25',
      endsOn: '2026-11-30',
      criteria,
      judgeIds: judges.map((judge) => Number(judge.id)),
      winnerCount: 2,
    };
    const before = await state();
    const refuse = async (cookie: string, payload: unknown, status: number, code: string) => {
      const response = await inject(cookie, 'POST', '/api/v1/contests', payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(await state()).toEqual(before);
    };
    await refuse(marketing, { ...body, entryDeadline: '2026-12-05' }, 400, 'CONTEST_INVALID');
    await refuse(marketing, { ...body, criteria: [criteria[0], criteria[0]] }, 400, 'CONTEST_INVALID');
    const [retailerUser] = await read<{ id: number }>(
      sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'retailer' ORDER BY id LIMIT 1`,
    );
    await refuse(marketing, { ...body, judgeIds: [Number(retailerUser.id)] }, 400, 'CONTEST_JUDGE_UNKNOWN');
    await refuse(branchMarketing, body, 403, 'CITY_WIDE_SCOPE_REQUIRED');
    await refuse(managerA, body, 403, 'FORBIDDEN');
    await refuse(retailerA, body, 403, 'FORBIDDEN');

    const created = await inject(marketing, 'POST', '/api/v1/contests', body);
    expect(created.statusCode, created.body).toBe(201);
    contestId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'open', entryCount: 0, isJudge: false, winnerCount: 2 });
    expect(created.json().judges).toHaveLength(3);
    expect((await inject(judgeBranch, 'GET', `/api/v1/contests/${contestId}`)).json().isJudge).toBe(true);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'contest' AND action = 'create'`),
    ).toBe(1);
  });

  it('takes photo entries from the portal and from managers; refuses other files, stores and a second entry', async () => {
    const before = await state();
    for (const [bytes, status, code] of [
      [Buffer.from('%PDF-1.7'), 400, 'CONTEST_PHOTO_INVALID'],
      [webp, 400, 'CONTEST_PHOTO_INVALID'],
      [Buffer.concat([pngOf(2, 2), Buffer.alloc(5 * 1024 * 1024)]), 413, 'PHOTO_TOO_LARGE'],
    ] as const) {
      const response = await upload(retailerA, bytes);
      expect(response.statusCode).toBe(status);
      expect(response.json().code).toBe(code);
    }
    expect(await state()).toEqual(before);

    const photos = [await photo(retailerA), await photo(retailerA)];
    const entered = await inject(retailerA, 'POST', `/api/v1/portal/contests/${contestId}/entries`, {
      title: '层层叠叠的品牌墙',
      description: '以品牌色分层，高端在视线高度。',
      photoIds: photos,
    });
    expect(entered.statusCode, entered.body).toBe(201);
    entries.a = entered.json().id;

    const afterEntry = await state();
    const again = await inject(retailerA, 'POST', `/api/v1/portal/contests/${contestId}/entries`, {
      title: '再投一次',
      photoIds: [await photo(retailerA)],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONTEST_ENTRY_EXISTS');
    const reused = await inject(branchMarketing, 'POST', `/api/v1/contests/${contestId}/entries`, {
      customerId: storeA2,
      title: '借用别人的照片',
      photoIds: photos,
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('CONTEST_PHOTO_UNAVAILABLE');
    const staffPhoto = await photo(managerA, '/api/v1/contests/photos');
    const notMine = await inject(managerA, 'POST', `/api/v1/contests/${contestId}/entries`, {
      customerId: storeB,
      title: '别人的客户',
      photoIds: [staffPhoto],
    });
    expect(notMine.statusCode).toBe(404);
    // Only the photos uploaded meanwhile (unused) were written.
    const afterRefusals = await state();
    expect({ ...afterRefusals, files: afterEntry.files, audit: afterEntry.audit }).toEqual(afterEntry);

    const byManager = await inject(branchMarketing, 'POST', `/api/v1/contests/${contestId}/entries`, {
      customerId: storeA2,
      title: '节日主题陈列',
      photoIds: [await photo(branchMarketing, '/api/v1/contests/photos')],
    });
    expect(byManager.statusCode, byManager.body).toBe(201);
    entries.a2 = byManager.json().id;
    const other = await inject(managerB, 'POST', `/api/v1/contests/${contestId}/entries`, {
      customerId: storeB,
      title: '乡镇店的小而美',
      photoIds: [await photo(managerB, '/api/v1/contests/photos')],
    });
    expect(other.statusCode, other.body).toBe(201);
    entries.b = other.json().id;
    expect((await inject(retailerA, 'GET', `/api/v1/contests/photos/${photos[0]}`)).statusCode).toBe(200);
    expect((await inject(retailerA, 'GET', `/api/v1/contests/photos/${staffPhoto}`)).statusCode).toBe(404);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'contest_entry' AND action = 'create'`),
    ).toBe(3);
  });

  it('judges blind: own scores only, never their own branch, once each; the ranking hidden from judges', async () => {
    const before = await state();
    const refuse = async (
      response: { statusCode: number; json: () => { code: string } },
      status: number,
      code: string,
    ) => {
      expect(response.statusCode).toBe(status);
      expect(response.json().code).toBe(code);
      expect(await state()).toEqual(before);
    };
    await refuse(await score(judgeBranch, entries.a, { creative: 9, tidy: 9, brands: 9 }), 403, 'CONTEST_OWN_BRANCH');
    await refuse(await score(judgeOther, entries.b, { creative: 9, tidy: 9, brands: 9 }), 403, 'CONTEST_OWN_BRANCH');
    await refuse(await score(service, entries.b, { creative: 9, tidy: 9, brands: 9 }), 403, 'CONTEST_NOT_JUDGE');
    await refuse(await score(judgeCity, entries.b, { creative: 11, tidy: 9, brands: 9 }), 400, 'CONTEST_SCORE_INVALID');
    await refuse(await score(judgeCity, entries.b, { creative: 9, tidy: 9 }), 400, 'CONTEST_SCORE_INVALID');
    await refuse(await score(retailerA, entries.b, { creative: 9, tidy: 9, brands: 9 }), 403, 'FORBIDDEN');

    const scored = await score(judgeBranch, entries.b, { creative: 8, tidy: 7, brands: 9 }, '乡镇店也能做出精品感');
    expect(scored.statusCode, scored.body).toBe(201);
    expect(scored.json().total).toBe(80);
    const twice = await score(judgeBranch, entries.b, { creative: 10, tidy: 10, brands: 10 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CONTEST_ALREADY_SCORED');
    expect(
      (await score(judgeOther, entries.a, { creative: 9, tidy: 8, brands: 8 }, '层次分明，品牌墙很有冲击力'))
        .statusCode,
    ).toBe(201);
    expect((await score(judgeCity, entries.a, { creative: 8, tidy: 8, brands: 8 }, '整洁规范')).statusCode).toBe(201);
    expect((await score(judgeCity, entries.b, { creative: 9, tidy: 8, brands: 9 })).statusCode).toBe(201);

    // The city-wide judge sees every entry with only its own scores: nothing of the others'.
    const seen = await inject(judgeCity, 'GET', `/api/v1/contests/${contestId}/entries`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toHaveLength(3);
    expect(seen.body).not.toContain('乡镇店也能做出精品感');
    expect(seen.body).not.toContain('层次分明');
    const entryB = seen.json().items.find((item: { id: number }) => item.id === entries.b);
    expect(entryB.myScore.scores).toEqual({ creative: 9, tidy: 8, brands: 9 });
    const ofBranchJudge = (await inject(judgeBranch, 'GET', `/api/v1/contests/${contestId}/entries`)).json();
    const canScore = Object.fromEntries(
      ofBranchJudge.items.map((item: { id: number; canScore: boolean }) => [item.id, item.canScore]),
    );
    expect(canScore).toEqual({ [entries.a]: false, [entries.a2]: false, [entries.b]: false });
    // A manager (not a judge) sees their own stores' entries only.
    expect(
      (await inject(managerB, 'GET', `/api/v1/contests/${contestId}/entries`))
        .json()
        .items.map((item: { id: number }) => item.id),
    ).toEqual([entries.b]);

    expect(
      (await inject(managerA, 'GET', `/api/v1/contests/${contestId}/entries`))
        .json()
        .items.map((item: { customerId: number }) => item.customerId),
    ).toEqual([storeA]);
    const hidden = await inject(judgeBranch, 'GET', `/api/v1/contests/${contestId}/ranking`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().code).toBe('CONTEST_RANKING_HIDDEN');
    expect((await inject(managerA, 'GET', `/api/v1/contests/${contestId}/ranking`)).statusCode).toBe(403);
    const provisional = await inject(marketing, 'GET', `/api/v1/contests/${contestId}/ranking`);
    expect(provisional.statusCode).toBe(200);
    expect(
      provisional.json().items.map((item: { entryId: number; rank: number | null }) => [item.entryId, item.rank]),
    ).toEqual([
      [entries.b, 1],
      [entries.a, 2],
      [entries.a2, null],
    ]);
  });

  it('publishes after the deadline with every entry scored, once; the ranking is reproducible from the scores', async () => {
    const before = await state();
    const early = await inject(marketing, 'POST', `/api/v1/contests/${contestId}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CONTEST_ENTRIES_OPEN');
    expect((await inject(branchMarketing, 'POST', `/api/v1/contests/${contestId}/publish`)).statusCode).toBe(403);
    t.clock.now = new Date('2026-11-26T02:00:00Z');
    await signInEveryone();
    const late = await inject(managerB, 'POST', `/api/v1/contests/${contestId}/entries`, {
      customerId: storeB,
      title: '迟到的作品',
      photoIds: [1],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CONTEST_ENTRY_CLOSED');
    const unscored = await inject(marketing, 'POST', `/api/v1/contests/${contestId}/publish`);
    expect(unscored.statusCode).toBe(409);
    expect(unscored.json().code).toBe('CONTEST_NOT_SCORED');
    expect(await state()).toEqual(before);

    // Entry a2 (a store of 市区营销部) is scored by the other branch's judge; a tie with a on the mean
    // (82) is broken by the heaviest criterion.
    expect((await score(judgeOther, entries.a2, { creative: 10, tidy: 7, brands: 7 }, '创意十足')).statusCode).toBe(
      201,
    );
    const published = await inject(marketing, 'POST', `/api/v1/contests/${contestId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const items = published.json().items as Array<{
      entryId: number;
      rank: number;
      score: number;
      winner: boolean;
      separatedBy: string | null;
    }>;
    expect(items.map((item) => [item.entryId, item.rank, item.score, item.winner])).toEqual([
      [entries.b, 1, 83.5, true],
      [entries.a2, 2, 82, true],
      [entries.a, 3, 82, false],
    ]);
    expect(items[2].separatedBy).toBe('criterion:creative');

    // Anyone holding the stored scores gets the same order.
    const stored = await read<{ entry_id: number; scores: Record<string, number> | string }>(
      sql`SELECT entry_id, scores FROM contest_scores WHERE contest_id = ${contestId}`,
    );
    const submitted = await read<{ id: number; submitted_at: Date | string }>(
      sql`SELECT id, submitted_at FROM contest_entries WHERE contest_id = ${contestId}`,
    );
    const recomputed = rankEntries(
      criteria,
      submitted.map((entry) => ({
        entryId: Number(entry.id),
        submittedAt: new Date(entry.submitted_at).toISOString(),
        scores: stored
          .filter((row) => Number(row.entry_id) === Number(entry.id))
          .map((row) => (typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores)),
      })),
    );
    expect(recomputed.map(({ entryId, rank, score: value }) => [entryId, rank, value])).toEqual(
      items.map(({ entryId, rank, score: value }) => [entryId, rank, value]),
    );
    const afterPublish = await state();
    const again = await inject(marketing, 'POST', `/api/v1/contests/${contestId}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONTEST_PUBLISHED');
    const lateScore = await score(judgeBranch, entries.a2, { creative: 1, tidy: 1, brands: 1 });
    expect(lateScore.statusCode).toBe(409);
    expect(await state()).toEqual(afterPublish);
    expect((await inject(judgeBranch, 'GET', `/api/v1/contests/${contestId}/ranking`)).statusCode).toBe(200);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'contest' AND action = 'publish'`),
    ).toBe(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'contest_score' AND action = 'create'`),
    ).toBe(5);
  });

  it('gives staff and stores the booklet: the winners’ photos, store names and judges’ comments', async () => {
    const booklet = await inject(marketing, 'GET', `/api/v1/contests/${contestId}/booklet`);
    expect(booklet.statusCode, booklet.body.slice(0, 200)).toBe(200);
    expect(booklet.headers['content-type']).toContain('wordprocessingml');
    const zip = await unzipper.Open.buffer(booklet.rawPayload);
    const documentXml =
      (await zip.files.find((entry) => entry.path === 'word/document.xml')?.buffer())?.toString('utf8') ?? '';
    const [storeBName] = await read<{ name: string }>(sql`SELECT name FROM customers WHERE id = ${storeB}`);
    expect(documentXml).toContain('获奖作品集');
    expect(documentXml).toContain(storeBName.name);
    expect(documentXml).toContain('乡镇店也能做出精品感');
    expect(documentXml).toContain('创意十足');
    // Entry a ranked third: not a winner, not in the booklet.
    expect(documentXml).not.toContain(storeAName);
    // One picture a winner (identical bytes are stored once in word/media).
    expect(documentXml.match(/<pic:pic\b/g) ?? []).toHaveLength(2);
    expect(zip.files.some((entry) => entry.path.startsWith('word/media/'))).toBe(true);

    const portal = await inject(retailerA, 'GET', '/api/v1/portal/contests');
    expect(portal.statusCode).toBe(200);
    const listed = portal.json().items.find((item: { id: number }) => item.id === contestId);
    expect(listed).toMatchObject({
      status: 'published',
      canEnter: false,
      myEntry: { id: entries.a, rank: 3 },
      bookletUrl: `/api/v1/contests/${contestId}/booklet`,
    });
    expect(listed.winners.map((winner: { rank: number }) => winner.rank)).toEqual([1, 2]);
    expect((await inject(retailerA, 'GET', listed.bookletUrl)).statusCode).toBe(200);
    expect((await inject(managerA, 'GET', '/api/v1/portal/contests')).statusCode).toBe(403);

    // A new contest not yet published has no booklet.
    const [judge] = await read<{ id: number }>(
      sql`SELECT id FROM users WHERE username = 'inspector' AND tenant_id = ${tenantId}`,
    );
    const next = await inject(marketing, 'POST', '/api/v1/contests', {
      title: '2027 年春节陈列大赛',
      rules: '春节主题。',
      startsOn: '2026-12-01',
      entryDeadline: '2027-01-20',
      endsOn: '2027-02-10',
      criteria,
      judgeIds: [Number(judge.id)],
    });
    expect(next.statusCode, next.body).toBe(201);
    const none = await inject(marketing, 'GET', `/api/v1/contests/${next.json().id}/booklet`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('CONTEST_NOT_PUBLISHED');
    const upcoming = (await inject(retailerA, 'GET', '/api/v1/portal/contests')).json().items[0];
    expect(upcoming).toMatchObject({ title: '2027 年春节陈列大赛', canEnter: false, myEntry: null, bookletUrl: null });
  });
});
