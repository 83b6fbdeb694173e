import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { products } from '../products/products.schema.ts';
import { brandChecksOfProgramme, terminalImageScoresOf } from './index.ts';
import { serviceRequests, visitPhotos, visitPlanItems, visitStockCounts, visits } from './visits.schema.ts';

describe.each(testDatabaseKinds)('visits and the service menu on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;
  let otherManager: string;
  let managerId: number;
  let store: { id: number; licenceNo: string; latitude: number | null; longitude: number | null };
  let foreignStoreId: number;
  let productId: number;
  let addedPlanItemId: number;
  let imageScore: number;

  const inject = (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  const visitBody = (overrides: Record<string, unknown> = {}) => ({
    customerId: store.id,
    checkInAt: '2026-11-23T01:30:00Z',
    checkOutAt: '2026-11-23T01:45:00Z',
    checkInPosition: { latitude: store.latitude ?? 24.5, longitude: store.longitude ?? 117.6 },
    checklist: { displayStandard: true, pricesMarked: true, targetBrandsOnShelf: false, issues: '价签缺失两处' },
    stockCounts: [{ productId, cartons: 3 }],
    prices: [{ productId, packPriceFen: 2300 }],
    ...overrides,
  });

  async function visitCount() {
    const [row] = await t.database.db.select({ n: count() }).from(visits).where(eq(visits.tenantId, t.city.tenantId));
    return row.n;
  }

  function multipart(bytes: Buffer, fileName: string) {
    const boundary = '----kewo-test';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, contentType: `multipart/form-data; boundary=${boundary}` };
  }

  async function uploadPhoto(cookie: string, bytes: Buffer) {
    const { body, contentType } = multipart(bytes, 'shelf.jpg');
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/visits/photos',
      headers: { cookie, 'content-type': contentType },
      payload: body,
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    marketing = await t.signIn('marketing');
    const first = t.city.managers[0];
    managerId = first.id;
    manager = await t.signIn(first.username);
    otherManager = await t.signIn(t.city.managers[1].username);
    // Give the manager a dozen stores of their branch, so a day has a route to order.
    const branchStores = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.branchId, first.branchId))
      .limit(12);
    await t.database.db
      .update(customers)
      .set({ managerId })
      .where(
        inArray(
          customers.id,
          branchStores.map((row) => row.id),
        ),
      );
    const [own] = await t.database.db
      .select({
        id: customers.id,
        licenceNo: customers.licenceNo,
        latitude: customers.latitude,
        longitude: customers.longitude,
      })
      .from(customers)
      .where(eq(customers.managerId, managerId))
      .limit(1);
    store = own;
    // Made a demonstration store (the classification module's column, set here as its seam).
    await t.database.db.update(customers).set({ classCode: 'demonstration' }).where(eq(customers.id, store.id));
    const [foreign] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.managerId, t.city.managers[1].id))
      .limit(1);
    foreignStoreId = foreign.id;
    const [product] = await t.database.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.tenantId, t.city.tenantId))
      .limit(1);
    productId = product.id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('generates the monthly plans from the standards and answers the contract', async () => {
    // The demo city comes with this month's plans; next month's is generated here.
    const seeded = await inject(marketing, 'POST', '/api/v1/visits/plans/generate', { month: '2026-11' });
    expect(seeded.statusCode).toBe(409);
    expect(seeded.json().code).toBe('VISIT_PLAN_EXISTS');
    const generated = await inject(marketing, 'POST', '/api/v1/visits/plans/generate', { month: '2026-12' });
    expect(generated.statusCode).toBe(201);
    expect(generated.json().items).toBeGreaterThan(0);
    const again = await inject(manager, 'POST', '/api/v1/visits/plans/generate', { month: '2026-12', replace: true });
    expect(again.statusCode).toBe(201);
    expect(again.json().managers).toBe(1);

    const plan = await inject(marketing, 'GET', `/api/v1/visits/plan?managerId=${managerId}&month=2026-12`);
    expect(plan.statusCode).toBe(200);
    const items = plan.json().items as Array<{ customerId: number; date: string; status: string }>;
    expect(items.filter((item) => item.customerId === store.id)).toHaveLength(4);
    expect(items.every((item) => item.status === 'planned' && /^2026-12-\d\d$/.test(item.date))).toBe(true);

    // A manager reads their own plan only, whatever managerId they ask for.
    const own = await inject(manager, 'GET', `/api/v1/visits/plan?month=2026-12&managerId=${t.city.managers[1].id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBe(items.length);
    expect(own.json().managerId).toBe(managerId);
  });

  it('adjusts the plan weekly: move, drop and add, each with a reason and audited', async () => {
    const plan = (await inject(manager, 'GET', '/api/v1/visits/plan?month=2026-12')).json().items as Array<{
      id: number;
      customerId: number;
      date: string;
    }>;
    const [first, second] = plan.filter((item) => item.customerId !== store.id);
    const moved = await inject(manager, 'POST', `/api/v1/visits/plan/items/${first.id}/move`, {
      date: '2026-12-04',
      reason: '客户外出',
    });
    expect(moved.statusCode).toBe(200);
    const weekend = await inject(manager, 'POST', `/api/v1/visits/plan/items/${first.id}/move`, {
      date: '2026-12-05',
      reason: '周末',
    });
    expect(weekend.json().code).toBe('VISIT_PLAN_DATE_NOT_WORKING_DAY');
    expect(
      (await inject(manager, 'POST', `/api/v1/visits/plan/items/${second.id}/drop`, { reason: '停业装修' })).statusCode,
    ).toBe(200);
    expect(
      (await inject(manager, 'POST', `/api/v1/visits/plan/items/${second.id}/drop`, { reason: '再次' })).statusCode,
    ).toBe(409);
    const added = await inject(manager, 'POST', '/api/v1/visits/plan/items', {
      customerId: store.id,
      date: '2026-11-23',
      reason: '新品推介',
    });
    expect(added.statusCode).toBe(201);
    addedPlanItemId = added.json().id;
    const foreign = await inject(manager, 'POST', '/api/v1/visits/plan/items', {
      customerId: foreignStoreId,
      date: '2026-11-23',
      reason: '越权',
    });
    expect(foreign.statusCode).toBe(404);
    const noReason = await inject(manager, 'POST', `/api/v1/visits/plan/items/${first.id}/move`, {
      date: '2026-11-26',
    });
    expect(noReason.statusCode).toBe(400);
    const december = await inject(manager, 'GET', '/api/v1/visits/plan/adjustments?month=2026-12');
    expect(december.json().items.map((item: { kind: string }) => item.kind)).toEqual(['drop', 'move']);
    const november = await inject(manager, 'GET', '/api/v1/visits/plan/adjustments?month=2026-11');
    expect(november.json().items.map((item: { kind: string }) => item.kind)).toEqual(['add']);
    // Each adjustment is in the audit trail, by this manager, with its reason; the refused ones are not.
    const audit = await inject(await t.signIn('admin'), 'GET', '/api/v1/audit?entity=visit_plan_item&limit=200');
    expect(audit.statusCode).toBe(200);
    const entries = (
      audit.json().items as Array<{ actorId: number; action: string; entityId: string; after: { reason?: string } }>
    )
      .filter((entry) => [first.id, second.id, addedPlanItemId].map(String).includes(entry.entityId))
      .map((entry) => ({
        actorId: entry.actorId,
        action: entry.action,
        id: entry.entityId,
        reason: entry.after?.reason,
      }))
      .reverse();
    expect(entries).toEqual([
      { actorId: managerId, action: 'move', id: String(first.id), reason: '客户外出' },
      { actorId: managerId, action: 'drop', id: String(second.id), reason: '停业装修' },
      { actorId: managerId, action: 'add', id: String(addedPlanItemId), reason: '新品推介' },
    ]);
  });

  it('orders the day’s route, never longer than the plan order', async () => {
    const plan = (await inject(manager, 'GET', '/api/v1/visits/plan?month=2026-12')).json().items as Array<{
      date: string;
    }>;
    const perDay = new Map<string, number>();
    for (const item of plan) perDay.set(item.date, (perDay.get(item.date) ?? 0) + 1);
    const [busiest] = [...perDay.entries()].sort((a, b) => b[1] - a[1])[0];
    const response = await inject(
      manager,
      'GET',
      `/api/v1/visits/route?date=${busiest}&latitude=24.51&longitude=117.65`,
    );
    expect(response.statusCode).toBe(200);
    const route = response.json();
    expect(route.stops.length).toBeGreaterThan(0);
    expect(route.kmAfter).toBeLessThanOrEqual(route.kmBefore);
    expect(route.stops.map((stop: { sequence: number }) => stop.sequence)).toEqual(
      route.stops.map((_: unknown, index: number) => index + 1),
    );
    // The plan's order of the placed stops is a permutation of 1..n (the map's "before").
    const placed = route.stops.filter((stop: { latitude: number | null }) => stop.latitude !== null);
    expect(
      placed.map((stop: { planSequence: number }) => stop.planSequence).sort((a: number, b: number) => a - b),
    ).toEqual(placed.map((_: unknown, index: number) => index + 1));
  });

  it('records a visit, completes the plan item and keeps the observations', async () => {
    const photo = await uploadPhoto(manager, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    expect(photo.statusCode).toBe(201);
    const scoresBefore = await terminalImageScoresOf(t.database.db, t.city.tenantId, t.clock.now);
    const response = await inject(
      manager,
      'POST',
      '/api/v1/visits',
      visitBody({ photoIds: [photo.json().id], planItemId: addedPlanItemId }),
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.id).toBeGreaterThan(0);
    expect(created.planItemId).toBe(addedPlanItemId);
    expect(created.warnings).toEqual([]);
    const [item] = await t.database.db.select().from(visitPlanItems).where(eq(visitPlanItems.id, created.planItemId));
    expect(item).toMatchObject({ status: 'done', visitId: created.id });
    const [stock] = await t.database.db.select().from(visitStockCounts).where(eq(visitStockCounts.visitId, created.id));
    expect(stock).toMatchObject({ productId, cartons: 3, customerId: store.id });
    const [attached] = await t.database.db.select().from(visitPhotos).where(eq(visitPhotos.id, photo.json().id));
    expect(attached.visitId).toBe(created.id);

    const list = await inject(marketing, 'GET', `/api/v1/visits?customerId=${store.id}&limit=10`);
    expect(list.statusCode).toBe(200);
    // The demo's earlier visit(s), then this one, newest first.
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    expect(list.json().items[0]).toMatchObject({ id: created.id, customerId: store.id, imageScore: 70 });
    const detail = await inject(manager, 'GET', `/api/v1/visits/${created.id}`);
    expect(detail.json()).toMatchObject({ photoIds: [photo.json().id], stockCounts: [{ productId, cartons: 3 }] });
    const image = await inject(marketing, 'GET', `/api/v1/visits/photos/${photo.json().id}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    // Another manager sees neither the visit nor its photo.
    expect((await inject(otherManager, 'GET', `/api/v1/visits/${created.id}`)).statusCode).toBe(404);
    expect((await inject(otherManager, 'GET', `/api/v1/visits/photos/${photo.json().id}`)).statusCode).toBe(404);

    const scores = await terminalImageScoresOf(t.database.db, t.city.tenantId, t.clock.now);
    expect(scores.size).toBeGreaterThan(10);
    expect(scoresBefore.size).toBeGreaterThan(10);
    expect(scores.get(store.id)).toBeGreaterThan(0);
    imageScore = scores.get(store.id) as number;
  });

  it("answers one store's visits and plan for the 360° view, within scope only", async () => {
    const list = await inject(marketing, 'GET', `/api/v1/visits?customerId=${store.id}&limit=1&offset=0`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    expect(list.json().items[0]).toMatchObject({ customerId: store.id, servicesDelivered: expect.any(Array) });
    const second = await inject(marketing, 'GET', `/api/v1/visits?customerId=${store.id}&limit=1&offset=1`);
    expect((await inject(manager, 'GET', `/api/v1/visits?customerId=${store.id}`)).json().total).toBeGreaterThan(0);
    expect(second.json().items[0].id).not.toBe(list.json().items[0].id);
    const plan = await inject(manager, 'GET', `/api/v1/visits/plan?customerId=${store.id}&month=2026-11`);
    expect(plan.statusCode).toBe(200);
    expect(plan.json().items.length).toBeGreaterThan(0);
    expect(plan.json().items.every((item: { customerId: number }) => item.customerId === store.id)).toBe(true);
    // Marketing (city scope) reads the store too, whoever manages it.
    expect((await inject(marketing, 'GET', `/api/v1/visits/plan?customerId=${store.id}`)).statusCode).toBe(200);
    // Another manager's store: not found, not an empty list.
    for (const url of [
      `/api/v1/visits?customerId=${foreignStoreId}`,
      `/api/v1/visits/plan?customerId=${foreignStoreId}`,
      `/api/v1/visits?customerId=${store.id}`,
    ]) {
      const cookie = url.endsWith(String(store.id)) ? otherManager : manager;
      const response = await inject(cookie, 'GET', url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });

  it('refuses to change or delete a submitted visit; a correction is a new linked record', async () => {
    const [latest] = (await inject(manager, 'GET', `/api/v1/visits?customerId=${store.id}`)).json().items;
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const response = await inject(manager, method, `/api/v1/visits/${latest.id}`, {});
      expect(response.statusCode).toBe(405);
      expect(response.json().code).toBe('VISIT_APPEND_ONLY');
    }
    const { customerId: _customerId, ...body } = visitBody({
      checklist: { displayStandard: true, pricesMarked: true, targetBrandsOnShelf: true, issues: '' },
    });
    const correction = await inject(manager, 'POST', `/api/v1/visits/${latest.id}/corrections`, {
      ...body,
      reason: '漏填上柜',
    });
    expect(correction.statusCode).toBe(201);
    const detail = (await inject(manager, 'GET', `/api/v1/visits/${correction.json().id}`)).json();
    expect(detail).toMatchObject({ correctsVisitId: latest.id, correctionReason: '漏填上柜', imageScore: 100 });
    const original = (await inject(manager, 'GET', `/api/v1/visits/${latest.id}`)).json();
    expect(original).toMatchObject({ imageScore: 70, correctedBy: [correction.json().id] });
    // The correction (100) replaces the original (70) in the store's average.
    const scores = await terminalImageScoresOf(t.database.db, t.city.tenantId, t.clock.now);
    expect(scores.get(store.id)).toBeGreaterThan(imageScore);
    expect(
      (await inject(otherManager, 'POST', `/api/v1/visits/${latest.id}/corrections`, { ...body, reason: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it("keeps the brand programmes' checklist ticked on a visit, returns it and tallies it for the programme", async () => {
    const programmeId = 424_242;
    const brandChecks = [
      { programmeId, kind: 'product', title: '七匹狼(通仙)', done: true },
      { programmeId, kind: 'classroom', title: '通系列卖点课堂', done: false },
    ];
    const response = await inject(manager, 'POST', '/api/v1/visits', visitBody({ brandChecks }));
    expect(response.statusCode).toBe(201);
    const detail = (await inject(manager, 'GET', `/api/v1/visits/${response.json().id}`)).json();
    expect(detail.brandChecks).toEqual(brandChecks);
    const everyone = { kind: 'org', orgUnitId: 0, orgPath: '/', orgUnitName: '' } as const;
    expect(await brandChecksOfProgramme(t.database.db, t.city.tenantId, everyone, programmeId)).toEqual({
      visits: 1,
      items: [
        { kind: 'classroom', title: '通系列卖点课堂', done: 0, listed: 1 },
        { kind: 'product', title: '七匹狼(通仙)', done: 1, listed: 1 },
      ],
    });
    // A correction replaces the original in the tally: the classroom was held after all.
    const { customerId: _customerId, ...body } = visitBody({
      brandChecks: brandChecks.map((check) => ({ ...check, done: true })),
    });
    const correction = await inject(manager, 'POST', `/api/v1/visits/${response.json().id}/corrections`, {
      ...body,
      reason: '课堂已办',
    });
    expect(correction.statusCode).toBe(201);
    const tally = await brandChecksOfProgramme(t.database.db, t.city.tenantId, everyone, programmeId);
    expect(tally.visits).toBe(1);
    expect(tally.items.map((item) => item.done)).toEqual([1, 1]);
    // Another manager's scope does not see the store's visits.
    const other = t.city.managers[1];
    expect(
      await brandChecksOfProgramme(t.database.db, t.city.tenantId, { kind: 'own', userId: other.id }, programmeId),
    ).toEqual({ visits: 0, items: [] });
  });

  it.each([
    ['a brand check of an unknown kind', { kind: 'poster' }],
    ['a brand check without a title', { title: ' ' }],
    ['a brand check with a 201-character title', { title: 'x'.repeat(201) }],
    ['a brand check without a programme', { programmeId: 0 }],
  ])('refuses %s and writes nothing', async (_name, override) => {
    const before = await visitCount();
    const check = { programmeId: 7, kind: 'display', title: '陈列', done: true, ...override };
    const response = await inject(manager, 'POST', '/api/v1/visits', visitBody({ brandChecks: [check] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(await visitCount()).toBe(before);
    const many = Array.from({ length: 201 }, (_, index) => ({ ...check, programmeId: index + 1, kind: 'display' }));
    expect((await inject(manager, 'POST', '/api/v1/visits', visitBody({ brandChecks: many }))).statusCode).toBe(400);
  });

  it.each([
    [
      'check-out before check-in',
      () => visitBody({ checkOutAt: '2026-11-23T01:00:00Z' }),
      400,
      'VISIT_CHECK_OUT_BEFORE_CHECK_IN',
    ],
    ['another manager’s store', () => visitBody({ customerId: foreignStoreId }), 404, 'NOT_FOUND'],
    [
      'a negative stock count',
      () => visitBody({ stockCounts: [{ productId, cartons: -2 }] }),
      400,
      'VISIT_STOCK_NEGATIVE',
    ],
    [
      'an unknown product',
      () => visitBody({ stockCounts: [{ productId: 999_999, cartons: 2 }] }),
      400,
      'VISIT_PRODUCT_UNKNOWN',
    ],
    ['a photo that is not theirs', () => visitBody({ photoIds: [999_999] }), 400, 'VISIT_PHOTO_UNAVAILABLE'],
  ])('refuses %s and writes nothing', async (_name, body, status, code) => {
    const before = await visitCount();
    const response = await inject(manager, 'POST', '/api/v1/visits', body());
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await visitCount()).toBe(before);
  });

  it('accepts only images up to 5 MB as photos, and only from managers', async () => {
    const text = await uploadPhoto(manager, Buffer.from('%PDF-1.7 not an image'));
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('VISIT_PHOTO_NOT_IMAGE');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    big.set([0xff, 0xd8, 0xff], 0);
    const large = await uploadPhoto(manager, big);
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('PHOTO_TOO_LARGE');
    expect((await uploadPhoto(marketing, Buffer.from([0xff, 0xd8, 0xff]))).statusCode).toBe(403);
    const [row] = await t.database.db
      .select({ n: count() })
      .from(visitPhotos)
      .where(eq(visitPhotos.tenantId, t.city.tenantId));
    expect(row.n).toBe(1);
  });

  it('only managers record visits', async () => {
    expect((await inject(marketing, 'POST', '/api/v1/visits', visitBody())).statusCode).toBe(403);
  });

  it('reports plan completion and coverage by manager, branch and class, and exports it', async () => {
    const totals = new Set<string>();
    for (const groupBy of ['manager', 'branch', 'class'] as const) {
      const response = await inject(marketing, 'GET', `/api/v1/visits/report?month=2026-11&groupBy=${groupBy}`);
      expect(response.statusCode).toBe(200);
      type Row = { done: number; planned: number; stores: number; storesVisited: number };
      const rows = response.json().rows as Row[];
      const sum = (key: keyof Row) => rows.reduce((total, row) => total + row[key], 0);
      expect(sum('done')).toBeGreaterThan(0);
      expect(sum('done')).toBeLessThanOrEqual(sum('planned'));
      expect(sum('storesVisited')).toBeLessThanOrEqual(sum('stores'));
      totals.add(JSON.stringify([sum('done'), sum('planned'), sum('stores'), sum('storesVisited')]));
    }
    // Every grouping adds up to the same month.
    expect(totals.size).toBe(1);
    // The demo's past months were planned by the same rules and mostly done: a realistic completion.
    for (const month of ['2026-08', '2026-09', '2026-10']) {
      const rows = (await inject(marketing, 'GET', `/api/v1/visits/report?month=${month}&groupBy=class`)).json()
        .rows as Array<{ done: number; planned: number }>;
      const planned = rows.reduce((total, row) => total + row.planned, 0);
      const done = rows.reduce((total, row) => total + row.done, 0);
      expect(planned).toBeGreaterThan(0);
      expect(done / planned).toBeGreaterThan(0.8);
      expect(done / planned).toBeLessThan(1);
    }
    const mine = (await inject(manager, 'GET', '/api/v1/visits/report?month=2026-11&groupBy=manager')).json();
    expect(mine.rows).toHaveLength(1);
    const file = await inject(marketing, 'GET', '/api/v1/visits/report/export?month=2026-11&groupBy=class');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('serves each retailer the menu of its class and takes requests', async () => {
    const login = async (licenceNo: string) =>
      sessionCookieOf(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/portal/auth/login',
          payload: { licenceNo, password: testPassword },
        }),
      );
    const demonstration = await login(store.licenceNo);
    const [ordinaryStore] = await t.database.db
      .select({ licenceNo: customers.licenceNo, id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, t.city.managers[1].id)))
      .limit(1);
    // The demo classifies its city; this store is made one not yet classified (read as 普通客户).
    await t.database.db
      .update(customers)
      .set({ classCode: null, demoType: null })
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.id, ordinaryStore.id)));
    const unclassified = await login(ordinaryStore.licenceNo);
    const rich = (await inject(demonstration, 'GET', '/api/v1/portal/services')).json();
    expect(rich).toMatchObject({ classCode: 'demonstration', effectiveClass: 'demonstration' });
    expect(rich.items).toHaveLength(24);
    const plain = (await inject(unclassified, 'GET', '/api/v1/portal/services')).json();
    expect(plain).toMatchObject({ classCode: null, effectiveClass: 'ordinary' });
    expect(plain.items).toHaveLength(11);
    const all = (await inject(marketing, 'GET', '/api/v1/services/items')).json().items as Array<{
      id: number;
      code: string;
    }>;
    const classroom = all.find((item) => item.code === 'B05') as { id: number };
    const refused = await inject(unclassified, 'POST', '/api/v1/portal/services/requests', { itemId: classroom.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SERVICE_ITEM_NOT_ENTITLED');
    const asked = await inject(demonstration, 'POST', '/api/v1/portal/services/requests', {
      itemId: classroom.id,
      note: '希望下周安排',
    });
    expect(asked.statusCode).toBe(201);
    expect(
      (await inject(demonstration, 'POST', '/api/v1/portal/services/requests', { itemId: classroom.id })).statusCode,
    ).toBe(409);
    const mine = (await inject(demonstration, 'GET', '/api/v1/portal/services/requests')).json().items;
    expect(mine).toHaveLength(1);
    expect((await inject(unclassified, 'GET', '/api/v1/portal/services/requests')).json().items).toHaveLength(0);
    expect((await inject(otherManager, 'GET', '/api/v1/services/requests')).json().items).toHaveLength(0);
    expect((await inject(manager, 'GET', '/api/v1/services/requests?status=open')).json().items).toHaveLength(1);
    expect((await inject(manager, 'GET', '/api/v1/portal/services')).statusCode).toBe(403);

    // The visit that delivers it fulfils the request.
    const visit = await inject(
      manager,
      'POST',
      '/api/v1/visits',
      visitBody({
        checkInAt: '2026-11-23T01:50:00Z',
        checkOutAt: '2026-11-23T01:55:00Z',
        servicesDelivered: [classroom.id],
        requestsFulfilled: [asked.json().id],
      }),
    );
    expect(visit.statusCode).toBe(201);
    expect((await inject(demonstration, 'GET', '/api/v1/portal/services/requests')).json().items[0].status).toBe(
      'fulfilled',
    );
  });

  it('edits the menu (marketing only) and ranks the rated methods', async () => {
    const all = (await inject(marketing, 'GET', '/api/v1/services/items')).json().items as Array<{ id: number }>;
    const edited = await inject(marketing, 'PATCH', `/api/v1/services/items/${all[0].id}`, { frequency: '每月2次' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().frequency).toBe('每月2次');
    expect((await inject(manager, 'PATCH', `/api/v1/services/items/${all[0].id}`, { frequency: 'x' })).statusCode).toBe(
      403,
    );
    for (const score of [2, 2, 1])
      expect(
        (
          await inject(manager, 'POST', '/api/v1/services/ratings', {
            itemId: all[1].id,
            effectiveness: score,
            pertinence: score,
            economy: score,
          })
        ).statusCode,
      ).toBe(201);
    const bad = await inject(manager, 'POST', '/api/v1/services/ratings', {
      itemId: all[1].id,
      effectiveness: 6,
      pertinence: 1,
      economy: 1,
    });
    expect(bad.statusCode).toBe(400);
    const ranking = (await inject(marketing, 'GET', '/api/v1/services/methods')).json();
    const rated = ranking.items.find((item: { itemId: number }) => item.itemId === all[1].id);
    expect(rated).toMatchObject({ ratings: 3, isFlaggedForRetirement: true });
  });

  it('edits the standards by class and per store, with the overrides listed in scope', async () => {
    const standards = (await inject(manager, 'GET', '/api/v1/visits/standards')).json();
    expect(standards).toEqual({ demonstration: 4, growth: 2, ordinary: 1, special: 1 });
    const invalid = await inject(marketing, 'PUT', '/api/v1/visits/standards', { ...standards, growth: 9 });
    expect(invalid.statusCode).toBe(400);
    expect((await inject(manager, 'PUT', '/api/v1/visits/standards', standards)).statusCode).toBe(403);
    const saved = await inject(marketing, 'PUT', '/api/v1/visits/standards', { ...standards, growth: 3 });
    expect(saved.json()).toMatchObject({ growth: 3 });

    const url = `/api/v1/visits/standards/stores/${store.id}`;
    const set = await inject(marketing, 'PUT', url, { visitsPerMonth: 6, reason: '新开示范店' });
    expect(set.json()).toMatchObject({ customerId: store.id, visitsPerMonth: 6, classStandard: 4 });
    const listed = (await inject(marketing, 'GET', '/api/v1/visits/standards/stores')).json().items;
    expect(listed).toContainEqual(
      expect.objectContaining({ customerId: store.id, visitsPerMonth: 6, reason: '新开示范店', classStandard: 4 }),
    );
    // The manager sees their own store's override; another manager neither sees nor sets it.
    const own = (await inject(manager, 'GET', '/api/v1/visits/standards/stores')).json().items;
    expect(own.map((row: { customerId: number }) => row.customerId)).toContain(store.id);
    expect((await inject(otherManager, 'GET', '/api/v1/visits/standards/stores')).json().items).toEqual([]);
    expect((await inject(otherManager, 'PUT', url, { visitsPerMonth: 1, reason: 'x' })).statusCode).toBe(404);
    expect((await inject(marketing, 'PUT', url, { visitsPerMonth: -1, reason: 'x' })).statusCode).toBe(400);

    const removed = await inject(marketing, 'DELETE', url);
    expect(removed.json()).toMatchObject({ visitsPerMonth: null, reason: null });
    expect((await inject(marketing, 'GET', '/api/v1/visits/standards/stores')).json().items).toEqual([]);
    await inject(marketing, 'PUT', '/api/v1/visits/standards', standards);
  });

  it('plans on the city company’s one calendar, the one 投诉设置 edits: a holiday off, a make-up Saturday on', async () => {
    const calendar = (await inject(marketing, 'GET', '/api/v1/ticket-sla-policies')).json().calendar;
    const edited = await inject(marketing, 'PUT', '/api/v1/ticket-calendar', {
      ...calendar,
      holidays: ['2027-01-04'],
      extraWorkdays: ['2027-01-09'],
    });
    expect(edited.statusCode).toBe(200);

    const plan = (await inject(manager, 'GET', '/api/v1/visits/plan?month=2027-01')).json();
    expect(plan.workingDays).toContain('2027-01-09');
    expect(plan.workingDays).not.toContain('2027-01-04');
    expect(plan.workingDays).not.toContain('2027-01-10');
    expect(plan.workingDays).toHaveLength(21);
    const onHoliday = await inject(manager, 'POST', '/api/v1/visits/plan/items', {
      customerId: store.id,
      date: '2027-01-04',
      reason: '节假日',
    });
    expect(onHoliday.json().code).toBe('VISIT_PLAN_DATE_NOT_WORKING_DAY');
    const generated = await inject(manager, 'POST', '/api/v1/visits/plans/generate', { month: '2027-01' });
    expect(generated.statusCode).toBe(201);
    const items = (await inject(manager, 'GET', '/api/v1/visits/plan?month=2027-01')).json().items as Array<{
      date: string;
    }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => plan.workingDays.includes(item.date))).toBe(true);
    expect(items.some((item) => item.date === '2027-01-04')).toBe(false);

    expect((await inject(marketing, 'PUT', '/api/v1/ticket-calendar', calendar)).statusCode).toBe(200);
  });

  it('limits a menu item to credit levels: a store below them is refused, one at or above may ask', async () => {
    // The levels in force are credit's (the latest published run); set here for two stores as its seam.
    const today = beijingDateOf(t.clock.now);
    const [run] = (
      (await t.database.db.execute(
        sql`SELECT id FROM credit_runs WHERE tenant_id = ${t.city.tenantId} AND status = 'published'
            AND effective_from <= ${today}::date ORDER BY effective_from DESC, id DESC LIMIT 1`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    expect(run, 'the test city has a credit run in force').toBeDefined();
    const [low] = await t.database.db
      .select({ id: customers.id, licenceNo: customers.licenceNo })
      .from(customers)
      .where(
        and(
          eq(customers.tenantId, t.city.tenantId),
          eq(customers.status, 'active'),
          sql`${customers.id} <> ${store.id}`,
          sql`EXISTS (SELECT 1 FROM credit_scores s WHERE s.run_id = ${run.id} AND s.customer_id = ${customers.id})`,
        ),
      )
      .orderBy(customers.id)
      .limit(1);
    const setLevel = (customerId: number, level: string) =>
      t.database.db.execute(
        sql`UPDATE credit_scores SET level = ${level} WHERE run_id = ${run.id} AND customer_id = ${customerId}`,
      );
    await setLevel(store.id, 'AA');
    await setLevel(low.id, 'B');
    await t.database.db.update(customers).set({ classCode: 'demonstration' }).where(eq(customers.id, low.id));

    const high = sessionCookieOf(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: store.licenceNo, password: testPassword },
      }),
    );
    const below = sessionCookieOf(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: low.licenceNo, password: testPassword },
      }),
    );
    const menu = (await inject(high, 'GET', '/api/v1/portal/services')).json();
    const item = menu.items.find((entry: { code: string }) => entry.code !== 'B05') as { id: number; name: string };
    const limited = await inject(marketing, 'PATCH', `/api/v1/services/items/${item.id}`, {
      creditLevels: ['AAA', 'AA', 'A'],
    });
    expect(limited.statusCode, limited.body).toBe(200);

    const lowMenu = (await inject(below, 'GET', '/api/v1/portal/services')).json();
    expect(lowMenu.creditLevel).toBe('B');
    expect(lowMenu.items.map((entry: { id: number }) => entry.id)).not.toContain(item.id);
    const refused = await inject(below, 'POST', '/api/v1/portal/services/requests', { itemId: item.id });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SERVICE_ITEM_CREDIT_LEVEL' });
    expect(refused.json().detail).toContain('AAA/AA/A');
    const requestsOf = async (customerId: number) =>
      (
        await t.database.db
          .select({ n: count() })
          .from(serviceRequests)
          .where(and(eq(serviceRequests.customerId, customerId), eq(serviceRequests.itemId, item.id)))
      )[0].n;
    expect(await requestsOf(low.id)).toBe(0);

    // Above the lowest level allowed (AA), and exactly at it (A): both may ask.
    const above = await inject(high, 'POST', '/api/v1/portal/services/requests', { itemId: item.id });
    expect(above.statusCode, above.body).toBe(201);
    await setLevel(low.id, 'A');
    const at = await inject(below, 'POST', '/api/v1/portal/services/requests', { itemId: item.id });
    expect(at.statusCode, at.body).toBe(201);
    expect(await requestsOf(low.id)).toBe(1);

    const lifted = await inject(marketing, 'PATCH', `/api/v1/services/items/${item.id}`, { creditLevels: null });
    expect(lifted.json().creditLevels).toBeNull();
  });

  it('keeps another city company out', async () => {
    const other = await t.signIn(t.otherTenant.adminUsername);
    const [latest] = (await inject(manager, 'GET', '/api/v1/visits')).json().items;
    expect((await inject(other, 'GET', `/api/v1/visits/${latest.id}`)).statusCode).toBe(404);
    expect((await inject(other, 'GET', '/api/v1/visits')).json().total).toBe(0);
  });
});
