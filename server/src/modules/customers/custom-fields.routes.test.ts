import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Custom fields end to end: an administrator defines them, editors fill them, the list filters by
// them — plus the list's reference data and the portal accounts of new stores.
describe.each(testDatabaseKinds)('custom fields and portal accounts on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let marketing: string;
  let manager01: { id: number; branchId: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('admin');
    marketing = await t.signIn('marketing');
    const found = t.city.managers.find((manager) => manager.username === 'manager01');
    if (!found) throw new Error('manager01 missing from the demo city');
    manager01 = found;
  });
  afterAll(async () => t?.close());

  const defineField = (payload: Record<string, unknown>, cookie = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/customer-fields', headers: { cookie }, payload });
  const changeField = (id: number, payload: Record<string, unknown>, cookie = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/customer-fields/${id}`, headers: { cookie }, payload });
  const createCustomer = (licenceNo: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: marketing },
      payload: {
        licenceNo,
        name: '学府便利店',
        owner: '林晓',
        phone: '13805960000',
        address: '芗城区大学路8号',
        urbanRural: 'urban',
        format: 'convenience',
        managerId: manager01.id,
        orderDay: 3,
        orderChannel: 'online',
        ...extra,
      },
    });
  const list = async (query: string, cookie = marketing) => {
    const response = await t.app.inject({ url: `/api/v1/customers?${query}`, headers: { cookie } });
    return response;
  };

  let areaFieldId: number;

  describe('defining', () => {
    it('lets an administrator define fields of each kind, in order, audited', async () => {
      const area = await defineField({
        key: 'area_type',
        label: '商圈类型',
        kind: 'select',
        options: ['社区', '学校', '商业街'],
      });
      expect(area.statusCode).toBe(201);
      expect(area.json()).toMatchObject({
        key: 'area_type',
        kind: 'select',
        required: false,
        active: true,
        position: 1,
      });
      areaFieldId = area.json().id;
      for (const payload of [
        { key: 'floor_area', label: '营业面积', kind: 'number' },
        { key: 'opened_on', label: '开业日期', kind: 'date' },
        { key: 'services', label: '增值服务', kind: 'multiselect', options: ['快递代收', '充值缴费', '彩票'] },
        { key: 'remark', label: '备注', kind: 'text' },
      ]) {
        expect((await defineField(payload)).statusCode).toBe(201);
      }
      const fields = await t.app.inject({ url: '/api/v1/customer-fields', headers: { cookie: marketing } });
      expect(fields.json().items.map((field: { key: string }) => field.key)).toEqual([
        'area_type',
        'floor_area',
        'opened_on',
        'services',
        'remark',
      ]);
      const audit = await t.app.inject({ url: '/api/v1/audit?entity=customer_field', headers: { cookie: admin } });
      expect(audit.json().items.length).toBeGreaterThanOrEqual(5);
    });

    it.each([
      [{ key: 'area_type', label: '另一个', kind: 'text' }, 409, 'CUSTOM_FIELD_KEY_TAKEN'],
      [{ key: 'other', label: '商圈类型', kind: 'text' }, 409, 'CUSTOM_FIELD_LABEL_TAKEN'],
      [{ key: 'Bad-Key', label: '坏', kind: 'text' }, 400, 'CUSTOM_FIELD_KEY_INVALID'],
      [{ key: 'choice', label: '选择', kind: 'select', options: [] }, 400, 'CUSTOM_FIELD_OPTIONS_INVALID'],
      [{ key: 'choice', label: '选择', kind: 'color' }, 400, 'VALIDATION_FAILED'],
    ])('refuses %o with %i %s', async (payload, status, code) => {
      const response = await defineField(payload);
      expect(response.statusCode).toBe(status);
      expect(response.json().code).toBe(code);
    });

    it.each(['marketing', 'service', 'manager01'])(
      'lets only administrators define fields: %s gets 403',
      async (who) => {
        const response = await defineField({ key: 'x', label: '某字段', kind: 'text' }, await t.signIn(who));
        expect(response.statusCode).toBe(403);
      },
    );
  });

  describe('values', () => {
    let customerId: number;

    it('stores the values of a new customer and shows them on the record', async () => {
      const response = await createCustomer('350602910001', {
        customFields: { area_type: '学校', floor_area: 45.5, opened_on: '2019-09-01', services: ['彩票', '快递代收'] },
      });
      expect(response.statusCode).toBe(201);
      customerId = response.json().id;
      expect(response.json().customFields).toEqual({
        area_type: '学校',
        floor_area: 45.5,
        opened_on: '2019-09-01',
        services: ['快递代收', '彩票'],
      });
    });

    it('merges an edit and clears a value with null', async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${customerId}`,
        headers: { cookie: marketing },
        payload: { customFields: { remark: '靠近小学正门', opened_on: null } },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().customFields).toEqual({
        area_type: '学校',
        floor_area: 45.5,
        services: ['快递代收', '彩票'],
        remark: '靠近小学正门',
      });
    });

    it.each([
      [{ area_type: '医院' }, 'CUSTOM_FIELD_OPTION_UNKNOWN', 'customFields.area_type'],
      [{ floor_area: '很大' }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.floor_area'],
      [{ nonexistent: 1 }, 'CUSTOM_FIELD_UNKNOWN', 'customFields.nonexistent'],
    ])('refuses %o with 400 %s naming %s, changing nothing', async (customFields, code, field) => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${customerId}`,
        headers: { cookie: marketing },
        payload: { name: '改名的店', customFields },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code, field });
      const unchanged = await t.app.inject({ url: `/api/v1/customers/${customerId}`, headers: { cookie: marketing } });
      expect(unchanged.json().name).toBe('学府便利店');
    });

    it('lets the service centre not edit custom fields (contact details only)', async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${customerId}`,
        headers: { cookie: await t.signIn('service') },
        payload: { customFields: { remark: '客服改的' } },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FIELD_NOT_EDITABLE');
    });

    it('enforces a field made required on the next create', async () => {
      const required = await defineField({ key: 'contact_wechat', label: '微信号', kind: 'text', required: true });
      expect(required.statusCode).toBe(201);
      const missing = await createCustomer('350602910002');
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'CUSTOM_FIELD_REQUIRED', field: 'customFields.contact_wechat' });
      expect(missing.json().detail).toContain('微信号');
      const ok = await createCustomer('350602910002', {
        customFields: { contact_wechat: 'xuefu2019', area_type: '社区' },
      });
      expect(ok.statusCode).toBe(201);
      // Inactive again, it asks nothing more.
      expect((await changeField(required.json().id, { active: false })).statusCode).toBe(200);
      expect((await createCustomer('350602910003', { customFields: { floor_area: 120 } })).statusCode).toBe(201);
    });

    it('refuses to drop an option stores still hold, and allows dropping an unused one', async () => {
      const inUse = await changeField(areaFieldId, { options: ['社区', '商业街'] });
      expect(inUse.statusCode).toBe(409);
      expect(inUse.json()).toMatchObject({ code: 'CUSTOM_FIELD_OPTION_IN_USE', field: 'options' });
      expect(inUse.json().detail).toContain('学校');
      const unused = await changeField(areaFieldId, { options: ['社区', '学校', '城中村'], label: '商圈' });
      expect(unused.statusCode).toBe(200);
      expect(unused.json()).toMatchObject({ label: '商圈', options: ['社区', '学校', '城中村'], key: 'area_type' });
    });
  });

  describe('filtering the list', () => {
    it.each([
      ['cf.area_type=学校', ['350602910001']],
      ['cf.services=彩票', ['350602910001']],
      ['cf.floor_area=40..50', ['350602910001']],
      ['cf.floor_area=100..', ['350602910003']],
      ['cf.remark=小学', ['350602910001']],
      ['cf.area_type=社区&cf.floor_area=..10', []],
    ])('%s finds %o', async (query, licences) => {
      const response = await list(encodeURI(query));
      expect(response.statusCode).toBe(200);
      expect(
        response
          .json()
          .items.map((item: { licenceNo: string }) => item.licenceNo)
          .sort(),
      ).toEqual(licences);
      expect(response.json().total).toBe(licences.length);
    });

    it.each([
      ['cf.nonexistent=1', 'CUSTOM_FIELD_UNKNOWN'],
      ['cf.floor_area=abc', 'CUSTOM_FIELD_FILTER_INVALID'],
      ['grade=3', 'QUERY_PARAMETER_UNKNOWN'],
    ])('refuses %s with 400 %s', async (query, code) => {
      const response = await list(query);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(code);
    });
  });

  describe('reference data of the list', () => {
    it("gives a city user every district, the city's managers and the tags in use", async () => {
      const response = await t.app.inject({ url: '/api/v1/customers/reference', headers: { cookie: marketing } });
      expect(response.statusCode).toBe(200);
      const reference = response.json();
      expect(reference.districts).toHaveLength(11);
      expect(reference.districts[0]).toEqual({ code: '350602', name: '芗城区' });
      expect(reference.managers).toHaveLength(200);
      expect(reference.branches.length).toBeGreaterThanOrEqual(10);
      expect(reference.managers[0]).toMatchObject({ username: 'manager01' });
    });

    it('gives a manager only themselves and their own unit', async () => {
      const response = await t.app.inject({
        url: '/api/v1/customers/reference',
        headers: { cookie: await t.signIn('manager01') },
      });
      const reference = response.json();
      expect(reference.managers.map((manager: { id: number }) => manager.id)).toEqual([manager01.id]);
      expect(reference.branches.map((branch: { id: number }) => branch.id)).toEqual([manager01.branchId]);
    });
  });

  describe('portal accounts of new stores', () => {
    it('opens an account without a usable password, then issues a one-time password the store must change', async () => {
      const created = await createCustomer('350602910009', { customFields: { floor_area: 30 } });
      expect(created.statusCode).toBe(201);
      const [account] = await t.database.db
        .select({ id: users.id, mustChangePassword: users.mustChangePassword })
        .from(users)
        .where(and(eq(users.username, '350602910009'), eq(users.role, 'retailer')));
      expect(account).toMatchObject({ mustChangePassword: true });
      const portalLogin = (password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/portal/auth/login',
          payload: { licenceNo: '350602910009', password },
        });
      expect((await portalLogin('!not-issued')).statusCode).toBe(401);

      const issued = await t.app.inject({
        method: 'POST',
        url: `/api/v1/customers/${created.json().id}/portal-password`,
        headers: { cookie: await t.signIn('service') },
      });
      expect(issued.statusCode).toBe(200);
      const { username, password } = issued.json();
      expect(username).toBe('350602910009');
      expect(password).toMatch(/^[a-zA-Z2-9]{10}$/);
      const signedIn = await portalLogin(password);
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json().user.mustChangePassword).toBe(true);
      const history = await t.app.inject({
        url: `/api/v1/customers/${created.json().id}/history`,
        headers: { cookie: marketing },
      });
      const entry = history.json().items.find((item: { action: string }) => item.action === 'issue_portal_password');
      expect(JSON.stringify(entry)).not.toContain(password);
    });

    it("keeps a manager from issuing passwords, and another manager's store invisible", async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers/1/portal-password',
        headers: { cookie: await t.signIn('manager01') },
      });
      expect(response.statusCode).toBe(403);
    });
  });
});
