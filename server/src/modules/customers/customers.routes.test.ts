import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { findCustomerPage, insertCustomers, insertDistricts } from './customers.repository.ts';
import { customers } from './customers.schema.ts';

type Item = { id: number; licenceNo: string; name: string; owner: string; address: string; managerId: number };

describe.each(testDatabaseKinds)('customers on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let manager01: { id: number; branchId: number };
  let otherTenantCustomerId: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('admin');
    const found = t.city.managers.find((manager) => manager.username === 'manager01');
    if (!found) throw new Error('manager01 missing from the demo city');
    manager01 = found;
    // A store of the other city company, written directly: it must stay invisible from Zhangzhou.
    const [xmAdmin] = await t.database.db.select().from(users).where(eq(users.username, 'xm-admin'));
    await insertDistricts(t.database.db, [{ tenantId: t.otherTenant.tenantId, code: '350203', name: '思明区' }]);
    const [other] = await insertCustomers(t.database.db, [
      {
        tenantId: t.otherTenant.tenantId,
        licenceNo: '350203100001',
        name: '鹭岛便利店',
        owner: '陈一',
        phone: '13900000001',
        address: '思明区中山路1号',
        districtCode: '350203',
        urbanRural: 'urban',
        format: 'convenience',
        managerId: xmAdmin.id,
        branchId: xmAdmin.orgUnitId ?? 0,
        orgPath: '/',
        orderDay: 1,
        orderChannel: 'online',
      },
    ]);
    otherTenantCustomerId = other.id;
  });
  afterAll(async () => t?.close());

  const countCustomers = async () => {
    const [row] = await t.database.db.select({ n: count() }).from(customers);
    return row.n;
  };
  const countCustomersOf = async (tenantId: number) => {
    const [row] = await t.database.db.select({ n: count() }).from(customers).where(eq(customers.tenantId, tenantId));
    return row.n;
  };
  const auditOf = async (id: number, action: string) => {
    const response = await t.app.inject({
      url: `/api/v1/audit?entity=customer&entityId=${id}&action=${action}`,
      headers: { cookie: admin },
    });
    return response.json().items;
  };
  const newCustomer = (overrides: Record<string, unknown> = {}) => ({
    licenceNo: '350604900001',
    name: '恒兴便利店',
    owner: '郑海生',
    phone: '13805961234',
    address: '龙海区石码镇解放路18号',
    urbanRural: 'urban',
    format: 'convenience',
    managerId: manager01.id,
    orderDay: 2,
    orderChannel: 'online',
    latitude: 24.44,
    longitude: 117.82,
    licenceValidUntil: '2028-06-30',
    tags: ['社区店'],
    ...overrides,
  });
  const create = (payload: Record<string, unknown>, cookie = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie }, payload });
  const list = (query: string, cookie = admin) =>
    t.app.inject({ url: `/api/v1/customers?${query}`, headers: { cookie } });

  describe('creating', () => {
    it('creates a customer, takes the district from the licence and the branch from the manager, and audits it', async () => {
      const response = await create(newCustomer());
      expect(response.statusCode).toBe(201);
      const customer = response.json();
      expect(customer).toMatchObject({
        licenceNo: '350604900001',
        name: '恒兴便利店',
        district: { code: '350604', name: '龙海区' },
        format: 'convenience',
        status: 'active',
        managerId: manager01.id,
        branchId: manager01.branchId,
        tags: ['社区店'],
      });
      const [entry] = await auditOf(customer.id, 'create');
      expect(entry.after).toMatchObject({ licenceNo: '350604900001', managerId: manager01.id });
    });

    it.each([
      ['a malformed phone', { phone: '12345' }, 'VALIDATION_FAILED', 'phone'],
      ['an unknown format', { format: 'kiosk' }, 'VALIDATION_FAILED', 'format'],
      ['an order day of 8', { orderDay: 8 }, 'VALIDATION_FAILED', 'orderDay'],
      ['an unknown field', { grade: 30 }, 'VALIDATION_FAILED', 'grade'],
      ['an 11-digit licence', { licenceNo: '35060490001' }, 'LICENCE_NO_INVALID', 'licenceNo'],
      ['a licence of another city', { licenceNo: '350203900001' }, 'LICENCE_DISTRICT_UNKNOWN', 'licenceNo'],
      ['a manager who is not one', { managerId: 1 }, 'CUSTOMER_MANAGER_INVALID', 'managerId'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_case, overrides, code, field) => {
      const before = await countCustomers();
      const response = await create(newCustomer({ licenceNo: '350602900002', ...overrides }));
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe(code);
      if (code === 'VALIDATION_FAILED') {
        expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
      } else {
        expect(body.field).toBe(field);
      }
      expect(await countCustomers()).toBe(before);
    });

    it('refuses a licence number already on file with 409', async () => {
      const response = await create(newCustomer({ name: '另一家店' }));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'LICENCE_NO_TAKEN', field: 'licenceNo' });
    });

    it.each(['service', 'inspector', 'manager01'])('lets only admin and marketing create: %s gets 403', async (who) => {
      const response = await create(newCustomer({ licenceNo: '350602900003' }), await t.signIn(who));
      expect(response.statusCode).toBe(403);
    });
  });

  describe('scope', () => {
    it('shows a manager only their own customers', async () => {
      const cookie = await t.signIn('manager01');
      const response = await list('limit=200', cookie);
      expect(response.statusCode).toBe(200);
      const { items, total } = response.json();
      expect(total).toBeGreaterThan(0);
      expect(items.every((item: Item) => item.managerId === manager01.id)).toBe(true);
    });

    it("shows a branch user only the branch's customers", async () => {
      const branch = t.city.branches[1];
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin },
        payload: {
          username: 'lh-head',
          displayName: '龙海营销部 主任',
          role: 'manager',
          orgUnitId: branch.id,
          scopeKind: 'org',
          password: 'branch-head-2026',
        },
      });
      expect(created.statusCode).toBe(201);
      const cookie = await t.signIn('lh-head', 'branch-head-2026');
      // An account the admin created sets its own password before anything else.
      const ownPassword = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword: 'branch-head-2026', newPassword: 'longhai-head-own-2026' },
      });
      expect(ownPassword.statusCode).toBe(204);
      const response = await list('limit=200', cookie);
      const { items, total } = response.json();
      const [expected] = await t.database.db
        .select({ n: count() })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.branchId, branch.id)));
      expect(total).toBe(expected.n);
      expect(items.every((item: { branchId: number }) => item.branchId === branch.id)).toBe(true);
      const [outside] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), sql`${customers.branchId} <> ${branch.id}`))
        .limit(1);
      const response404 = await t.app.inject({ url: `/api/v1/customers/${outside.id}`, headers: { cookie } });
      expect(response404.statusCode).toBe(404);
    });

    it('lets the inspector read every customer of the city', async () => {
      const response = await list('limit=1', await t.signIn('inspector'));
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toBe(await countCustomersOf(t.city.tenantId));
    });

    it("answers 404 to a manager asking for another manager's customer, and for another tenant's", async () => {
      const cookie = await t.signIn('manager01');
      const [foreign] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), sql`${customers.managerId} <> ${manager01.id}`))
        .limit(1);
      const response = await t.app.inject({ url: `/api/v1/customers/${foreign.id}`, headers: { cookie } });
      expect(response.statusCode).toBe(404);
      const otherTenant = await t.app.inject({
        url: `/api/v1/customers/${otherTenantCustomerId}`,
        headers: { cookie: admin },
      });
      expect(otherTenant.statusCode).toBe(404);
      const listed = await list('q=鹭岛');
      expect(listed.json().total).toBe(0);
    });
  });

  describe('search', () => {
    it('ranks an exact licence number first, then licence prefixes', async () => {
      const response = await list('q=350604900001');
      expect(response.json().items[0].licenceNo).toBe('350604900001');
      const prefix = await list('q=3506049&limit=200');
      const items: Item[] = prefix.json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.licenceNo.startsWith('3506049'))).toBe(true);
    });

    it('finds by exact phone', async () => {
      const response = await list('q=13805961234');
      expect(response.json().items[0].name).toBe('恒兴便利店');
    });

    it('finds a 2-character Chinese query in name, owner or address, name matches first', async () => {
      const response = await list('q=龙海&limit=200');
      const { items, total } = response.json() as { items: Item[]; total: number };
      const [expected] = await t.database.db
        .select({ n: count() })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), sql`position('龙海' in ${customers.searchText}) > 0`));
      expect(total).toBe(expected.n);
      expect(total).toBeGreaterThan(1);
      const ranks = items.map((item) => (item.name.includes('龙海') ? 0 : 1));
      expect(ranks).toEqual([...ranks].sort());
      expect(items.every((item) => `${item.name} ${item.owner} ${item.address}`.includes('龙海'))).toBe(true);
    });

    it('finds a store by the pinyin initials or the full pinyin of its name', async () => {
      for (const query of ['hxbl', 'HXBLD', 'hengxing']) {
        const response = await list(`q=${query}&limit=200`);
        expect(response.json().items.map((item: Item) => item.name)).toContain('恒兴便利店');
      }
      const none = await list('q=qqqqzz');
      expect(none.json().total).toBe(0);
    });

    it('finds a 1-character query', async () => {
      const response = await list('q=恒&limit=5');
      expect(response.json().items.map((item: Item) => item.name)).toContain('恒兴便利店');
    });

    it("finds a store by its owner's pinyin or initials, after the stores whose name matches", async () => {
      for (const query of ['zhs', 'zhenghai', 'ZH']) {
        const response = await list(`q=${query}&limit=200`);
        const items: Item[] = response.json().items;
        expect(items.map((item) => item.owner)).toContain('郑海生');
        const nameMatches = await t.database.db
          .select({ id: customers.id })
          .from(customers)
          .where(
            and(
              eq(customers.tenantId, t.city.tenantId),
              sql`(${customers.nameInitials} LIKE ${`${query.toLowerCase()}%`} OR ${customers.namePinyin} LIKE ${`${query.toLowerCase()}%`})`,
            ),
          );
        const byName = new Set(nameMatches.map((row) => row.id));
        const ranks = items.map((item) => (byName.has(item.id) ? 0 : 1));
        expect(ranks).toEqual([...ranks].sort());
      }
    });

    it('keeps the search keys of a store true when its name, owner or address changes', async () => {
      // A demo store, given the owner of 恒兴便利店 first, then another.
      const [{ id }] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId))
        .orderBy(customers.id)
        .limit(1);
      const name = (await t.app.inject({ url: `/api/v1/customers/${id}`, headers: { cookie: admin } })).json().name;
      const service = await t.signIn('service');
      const before = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${id}`,
        headers: { cookie: service },
        payload: { owner: '郑海生' },
      });
      expect(before.statusCode).toBe(200);
      const idsOf = async (query: string) =>
        (await list(`q=${encodeURIComponent(query)}&limit=200`)).json().items.map((item: Item) => item.id);
      expect(await idsOf('zhenghaisheng')).toContain(id);
      // A name without letters has no pinyin: the owner's pinyin must still find the store.
      const edited = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${id}`,
        headers: { cookie: admin },
        payload: { name: '···', owner: '曾小贤', address: '芗城区鹭江路9号' },
      });
      expect(edited.statusCode).toBe(200);
      expect(await idsOf('zengxiaoxian')).toContain(id);
      expect(await idsOf('zxx')).toContain(id);
      expect(await idsOf('鹭江')).toContain(id);
      expect(await idsOf('zhenghaisheng')).not.toContain(id);
      expect(await idsOf(name)).not.toContain(id);
    });

    it.each([
      ['a 2-character query', '龙海'],
      ['a 1-character query', '店'],
      ['pinyin initials', 'h'],
      ['a licence prefix', '3506'],
      ['a 3-character query', '便利店'],
    ])('pages through every match of %s by rank, then sort, without repeats', async (_case, query) => {
      for (const sort of ['licenceNo', '-updatedAt']) {
        const seen: Item[] = [];
        let cursor: string | null = null;
        let total = 0;
        do {
          const response = await list(
            `q=${encodeURIComponent(query)}&limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          const body: { items: Item[]; total: number; totalIsEstimate: boolean; nextCursor: string | null } =
            response.json();
          expect(body.totalIsEstimate).toBe(false);
          seen.push(...body.items);
          total = body.total;
          cursor = body.nextCursor;
        } while (cursor);
        expect(total).toBeGreaterThan(7);
        expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
        expect(seen.length).toBe(total);
        if (sort === 'licenceNo' && /^\d+$/.test(query)) {
          expect(seen.map((item) => item.licenceNo)).toEqual(seen.map((item) => item.licenceNo).sort());
        }
      }
    });

    it.each([
      ['licenceNo', '龙海'],
      ['-updatedAt', 'h'],
      ['name', '店'],
    ])('reads a sparse tier through its indexes with the same result (sort %s, q=%s)', async (sort, q) => {
      const [root] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.id, t.city.rootOrgUnitId));
      const scope = { kind: 'org' as const, orgUnitId: root.id, orgPath: root.path, orgUnitName: root.name };
      // A window of 3 rows makes nearly every tier "sparse"; the default window reads them in order.
      const pages = async (orderedWindow?: number) => {
        const ids: number[] = [];
        let after: Parameters<typeof findCustomerPage>[4]['after'];
        do {
          const page = await findCustomerPage(
            t.database.db,
            t.city.tenantId,
            scope,
            { q },
            { sort: sort as 'licenceNo', limit: 9, after, orderedWindow },
          );
          ids.push(...page.items.map((item) => item.id));
          after = page.next;
        } while (after);
        return ids;
      };
      const inOrder = await pages();
      expect(inOrder.length).toBeGreaterThan(9);
      expect(await pages(3)).toEqual(inOrder);
    });

    it('counts a broad search up to a limit, then answers an estimate and says so', async () => {
      const [root] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.id, t.city.rootOrgUnitId));
      const page = (exactTotalLimit?: number) =>
        findCustomerPage(
          t.database.db,
          t.city.tenantId,
          { kind: 'org', orgUnitId: root.id, orgPath: root.path, orgUnitName: root.name },
          { q: '店' },
          { sort: 'licenceNo', limit: 5, exactTotalLimit },
        );
      const exact = await page();
      expect(exact.totalIsEstimate).toBe(false);
      const [expected] = await t.database.db
        .select({ n: count() })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), sql`position('店' in ${customers.searchText}) > 0`));
      expect(exact.total).toBe(expected.n);
      const estimated = await page(10);
      expect(estimated.totalIsEstimate).toBe(true);
      expect(estimated.total).toBeGreaterThan(10);
      expect(estimated.items.map((item) => item.id)).toEqual(exact.items.map((item) => item.id));
    });

    it('pages through everything with the cursor, without repeats, in any sort', async () => {
      for (const sort of ['licenceNo', '-name', '-updatedAt']) {
        const seen: number[] = [];
        let cursor: string | null = null;
        let total = 0;
        do {
          const response = await list(`limit=70&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
          const body: { items: Item[]; total: number; nextCursor: string | null } = response.json();
          seen.push(...body.items.map((item) => item.id));
          total = body.total;
          cursor = body.nextCursor;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(total);
      }
    });

    it('filters by format, district and tag', async () => {
      const response = await list('format=convenience&districtCode=350604&tag=社区店&limit=200');
      const items = response.json().items;
      expect(items.map((item: Item) => item.licenceNo)).toContain('350604900001');
      for (const item of items) expect(item).toMatchObject({ format: 'convenience', district: { code: '350604' } });
    });

    it('refuses a forged cursor with 400', async () => {
      const response = await list('cursor=bm9uc2Vuc2U');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
    });
  });

  describe('editing and status', () => {
    const idOf = async (licenceNo: string) => {
      const [row] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.licenceNo, licenceNo));
      return row.id;
    };

    it('lets the service centre change contact details but nothing else', async () => {
      const id = await idOf('350604900001');
      const service = await t.signIn('service');
      const patch = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'PATCH', url: `/api/v1/customers/${id}`, headers: { cookie: service }, payload });
      const allowed = await patch({ phone: '0596-6543210' });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().phone).toBe('0596-6543210');
      const refused = await patch({ format: 'supermarket' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FIELD_NOT_EDITABLE', field: 'format' });
      const [entry] = await auditOf(id, 'update');
      expect(entry.before.phone).toBe('13805961234');
      expect(entry.after.phone).toBe('0596-6543210');
    });

    it('changes status only with a reason, audited, and never out of 注销', async () => {
      const id = await idOf('350604900001');
      const post = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: `/api/v1/customers/${id}/status`, headers: { cookie: admin }, payload });
      const noReason = await post({ status: 'suspended', reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ code: 'STATUS_REASON_REQUIRED', field: 'reason' });
      const suspended = await post({ status: 'suspended', reason: '店面装修，暂停营业' });
      expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '店面装修，暂停营业' });
      const [entry] = await auditOf(id, 'change_status');
      expect(entry.before.status).toBe('active');
      expect(entry.after).toMatchObject({ status: 'suspended', statusReason: '店面装修，暂停营业' });
      expect((await post({ status: 'cancelled', reason: '许可证注销' })).statusCode).toBe(200);
      const reopened = await post({ status: 'active', reason: '重新开业' });
      expect(reopened.statusCode).toBe(409);
      expect(reopened.json().detail).toBe('客户状态不能从“注销”变为“正常”。');
    });
  });

  describe('history', () => {
    it("shows a customer's changes, newest first, to whoever may see the customer", async () => {
      const [row] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.licenceNo, '350604900001'));
      const cookie = await t.signIn('manager01');
      const response = await t.app.inject({ url: `/api/v1/customers/${row.id}/history?limit=2`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      const first = response.json();
      expect(first.items.map((item: { action: string }) => item.action)).toEqual(['change_status', 'change_status']);
      const rest = await t.app.inject({
        url: `/api/v1/customers/${row.id}/history?cursor=${first.nextCursor}`,
        headers: { cookie },
      });
      expect(rest.json().items.map((item: { action: string }) => item.action)).toEqual(['update', 'create']);
      const other = await t.app.inject({
        url: `/api/v1/customers/${row.id}/history`,
        headers: { cookie: await t.signIn('manager02') },
      });
      expect(other.statusCode).toBe(404);
    });
  });

  describe('reassigning', () => {
    const branchCustomers = async (branchId: number) =>
      t.database.db
        .select({ id: customers.id, managerId: customers.managerId })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.branchId, branchId)));
    const reassign = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/customers/reassign', headers: { cookie: admin }, payload });

    it('moves nothing when one id is unknown or another tenant’s', async () => {
      const rows = await branchCustomers(manager01.branchId);
      const target = t.city.managers.find((manager) => manager.username === 'manager02');
      const auditBefore = await t.database.db.select({ n: count() }).from(auditLog);
      for (const stranger of [99_999_999, otherTenantCustomerId]) {
        const response = await reassign({
          customerIds: [...rows.map((row) => row.id), stranger],
          managerId: target?.id,
        });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'CUSTOMERS_NOT_FOUND', field: 'customerIds' });
      }
      expect(await branchCustomers(manager01.branchId)).toEqual(rows);
      expect(await t.database.db.select({ n: count() }).from(auditLog)).toEqual(auditBefore);
    });

    it('moves a whole branch to another manager (and branch) at once, one audit entry per customer', async () => {
      const rows = await branchCustomers(manager01.branchId);
      const target = t.city.managers.find((manager) => manager.username === 'manager02');
      if (!target) throw new Error('manager02 missing');
      const response = await reassign({ customerIds: rows.map((row) => row.id), managerId: target.id });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ reassigned: rows.length, unchanged: 0 });
      const moved = await branchCustomers(target.branchId);
      expect(moved.filter((row) => rows.some((original) => original.id === row.id))).toHaveLength(rows.length);
      const [entry] = await auditOf(rows[0].id, 'reassign');
      expect(entry.before).toEqual({ managerId: rows[0].managerId, branchId: manager01.branchId });
      expect(entry.after).toEqual({ managerId: target.id, branchId: target.branchId });
      const again = await reassign({ customerIds: [rows[0].id], managerId: target.id });
      expect(again.json()).toEqual({ reassigned: 0, unchanged: 1 });
    });

    it('refuses more than 1,000 customers at once', async () => {
      const response = await reassign({
        customerIds: Array.from({ length: 1001 }, (_, index) => index + 1),
        managerId: manager01.id,
      });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('retailer', () => {
    it('is signed out and kept out once its licence is cancelled (注销)', async () => {
      const [row] = await t.database.db
        .select({ id: customers.id, licenceNo: customers.licenceNo })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
        .orderBy(sql`${customers.id} DESC`)
        .limit(1);
      const signIn = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/portal/auth/login',
          payload: { licenceNo: row.licenceNo, password: testPassword },
        });
      const cookie = sessionCookieOf(await signIn());
      const cancelled = await t.app.inject({
        method: 'POST',
        url: `/api/v1/customers/${row.id}/status`,
        headers: { cookie: admin },
        payload: { status: 'cancelled', reason: '许可证到期未延续' },
      });
      expect(cancelled.statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await signIn()).statusCode).toBe(401);
    });

    it('signs in with the licence number and sees its own record only', async () => {
      const [mine, other] = await t.database.db
        .select({ id: customers.id, licenceNo: customers.licenceNo })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId))
        .orderBy(customers.id)
        .limit(2);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: mine.licenceNo, password: testPassword },
      });
      expect(login.statusCode).toBe(200);
      const cookie = sessionCookieOf(login);
      const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
      expect(me.json()).toMatchObject({ role: 'retailer', scope: { kind: 'customer', customerId: mine.id } });
      const own = await t.app.inject({ url: `/api/v1/customers/${mine.id}`, headers: { cookie } });
      expect(own.statusCode).toBe(200);
      expect(own.json().licenceNo).toBe(mine.licenceNo);
      expect((await t.app.inject({ url: `/api/v1/customers/${other.id}`, headers: { cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/v1/customers', headers: { cookie } })).statusCode).toBe(403);
    });
  });
});
