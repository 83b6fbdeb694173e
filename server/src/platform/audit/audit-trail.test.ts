import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { customers } from '../../modules/customers/customers.schema.ts';
import { products } from '../../modules/products/products.schema.ts';
import { orders } from '../../modules/supply/supply.schema.ts';
import { tickets } from '../../modules/tickets/tickets.schema.ts';
import { serviceRequests, visitPlanItems, visits } from '../../modules/visits/visits.schema.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { orgUnits, users } from '../identity/identity.schema.ts';
import { auditLog } from './audit.schema.ts';
import { type AuditCatalogue, platformAudit } from './audit-catalogue.ts';

// Every write leaves its audit row: one table over the write routes of every module. For each row
// (a route, a valid request, the user who sends it) the write must happen, and exactly the audit
// rows it names must appear — no more, no fewer — each with the actor, the entity, its id and the
// before / after snapshot. A use case that forgets to audit, audits the wrong entity or id, or
// drops the snapshot fails here.

type Who = 'admin' | 'marketing' | 'service' | 'manager' | 'retailer';

// What a snapshot must be: absent (null), or an object holding at least these fields.
type Snapshot = null | Record<string, unknown>;
type ExpectedEntry = { action: string; entity: string; entityId: string | number; before: Snapshot; after: Snapshot };

type Request = { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown };

type WriteCase = {
  route: string;
  as: Who;
  // Reads what the request needs (ids of the rows it writes); runs before the audit baseline.
  request: () => Promise<Request>;
  status: number;
  // The write happened: its effect, read back.
  written: (response: LightMyRequestResponse) => Promise<void>;
  audit: (response: LightMyRequestResponse) => ExpectedEntry[];
};

describe.each(testDatabaseKinds)('the audit trail of every write on %s', (kind) => {
  let t: TestApp;
  const cookies = {} as Record<Who, string>;
  const actors = {} as Record<Who, { id: number; displayName: string }>;
  // What earlier rows of the table made, for later rows.
  const made = {} as Record<string, number>;
  let store: { id: number; licenceNo: string; latitude: number | null; longitude: number | null };
  let manager01: { id: number; branchId: number };
  let manager02: { id: number; branchId: number };
  let rootPath: string;

  const inject = (who: Who, request: Request) =>
    t.app.inject({ ...request, payload: request.payload as never, headers: { cookie: cookies[who] } });
  const get = async (who: Who, url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  const one = async <Row>(rows: Promise<Row[]>) => {
    const [row] = await rows;
    expect(row).toBeDefined();
    return row;
  };

  async function userOf(where: ReturnType<typeof eq>) {
    return one(t.database.db.select({ id: users.id, displayName: users.displayName }).from(users).where(where));
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    const tenant = eq(users.tenantId, t.city.tenantId);
    const first = t.city.managers.find((manager) => manager.username === 'manager01');
    const second = t.city.managers.find((manager) => manager.username === 'manager02');
    expect(first && second).toBeTruthy();
    manager01 = first as { id: number; branchId: number };
    manager02 = second as { id: number; branchId: number };
    // A store of manager01's, its retailer account signed in too.
    store = await one(
      t.database.db
        .select({
          id: customers.id,
          licenceNo: customers.licenceNo,
          latitude: customers.latitude,
          longitude: customers.longitude,
        })
        .from(customers)
        .where(
          and(
            eq(customers.tenantId, t.city.tenantId),
            eq(customers.managerId, manager01.id),
            eq(customers.status, 'active'),
          ),
        )
        .orderBy(asc(customers.id))
        .limit(1),
    );
    for (const who of ['admin', 'marketing', 'service'] as const) {
      cookies[who] = await t.signIn(who);
      actors[who] = await userOf(and(tenant, eq(users.username, who)) as ReturnType<typeof eq>);
    }
    cookies.manager = await t.signIn('manager01');
    actors.manager = await userOf(eq(users.id, manager01.id));
    const portal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licenceNo, password: testPassword },
    });
    expect(portal.statusCode).toBe(200);
    cookies.retailer = sessionCookieOf(portal);
    actors.retailer = await userOf(and(tenant, eq(users.customerId, store.id)) as ReturnType<typeof eq>);
    const root = await one(
      t.database.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, t.city.rootOrgUnitId)),
    );
    rootPath = root.path;
  });
  afterAll(async () => t?.close());

  const customerPayload = {
    licenceNo: '350604900101',
    name: '审计便利店',
    owner: '林晓',
    phone: '13805960101',
    address: '龙海区审计路1号',
    urbanRural: 'urban',
    format: 'convenience',
    orderDay: 3,
    orderChannel: 'online',
  };
  const visitPosition = () => ({ latitude: store.latitude ?? 24.5, longitude: store.longitude ?? 117.6 });

  const cases: WriteCase[] = [
    // ── Organisation: org units and users ──
    {
      route: 'POST /org-units',
      as: 'admin',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/org-units',
        payload: { parentId: t.city.rootOrgUnitId, kind: 'department', name: '审计部', code: 'AUDIT-1' },
      }),
      status: 201,
      written: async (response) => {
        made.orgUnit = response.json().id;
        const row = await one(t.database.db.select().from(orgUnits).where(eq(orgUnits.id, made.orgUnit)));
        expect(row).toMatchObject({ name: '审计部', path: `${rootPath}${made.orgUnit}/` });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'org_unit',
          entityId: response.json().id,
          before: null,
          after: { name: '审计部', code: 'AUDIT-1', path: `${rootPath}${response.json().id}/` },
        },
      ],
    },
    {
      route: 'PATCH /org-units/:id',
      as: 'admin',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/org-units/${made.orgUnit}`,
        payload: { name: '审计二部' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(orgUnits).where(eq(orgUnits.id, made.orgUnit)));
        expect(row.name).toBe('审计二部');
      },
      audit: () => [
        {
          action: 'update',
          entity: 'org_unit',
          entityId: made.orgUnit,
          before: { name: '审计部' },
          after: { name: '审计二部' },
        },
      ],
    },
    {
      route: 'POST /users',
      as: 'admin',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: 'audit-clerk',
          displayName: '审计员',
          role: 'service',
          orgUnitId: made.orgUnit,
          scopeKind: 'org',
          password: 'Kewo-Audit-2026!',
        },
      }),
      status: 201,
      written: async (response) => {
        made.user = response.json().id;
        const row = await one(t.database.db.select().from(users).where(eq(users.id, made.user)));
        expect(row).toMatchObject({ username: 'audit-clerk', role: 'service', orgUnitId: made.orgUnit });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'user',
          entityId: response.json().id,
          before: null,
          after: { username: 'audit-clerk', role: 'service' },
        },
      ],
    },
    {
      route: 'PATCH /users/:id',
      as: 'admin',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/users/${made.user}`,
        payload: { displayName: '审计员二' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(users).where(eq(users.id, made.user)));
        expect(row.displayName).toBe('审计员二');
      },
      audit: () => [
        {
          action: 'update',
          entity: 'user',
          entityId: made.user,
          before: { displayName: '审计员' },
          after: { displayName: '审计员二' },
        },
      ],
    },

    // ── Customers and their custom fields ──
    {
      route: 'POST /customer-fields',
      as: 'admin',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/customer-fields',
        payload: { key: 'audit_note', label: '审计备注', kind: 'text' },
      }),
      status: 201,
      written: async (response) => {
        made.field = response.json().id;
        const fields = await get('marketing', '/api/v1/customer-fields');
        expect(fields.items ?? fields).toEqual(
          expect.arrayContaining([expect.objectContaining({ key: 'audit_note' })]),
        );
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'customer_field',
          entityId: response.json().id,
          before: null,
          after: { key: 'audit_note', label: '审计备注' },
        },
      ],
    },
    {
      route: 'PATCH /customer-fields/:id',
      as: 'admin',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/customer-fields/${made.field}`,
        payload: { label: '审计备注（改）' },
      }),
      status: 200,
      written: async (response) => expect(response.json()).toMatchObject({ label: '审计备注（改）' }),
      audit: () => [
        {
          action: 'update',
          entity: 'customer_field',
          entityId: made.field,
          before: { label: '审计备注' },
          after: { label: '审计备注（改）' },
        },
      ],
    },
    {
      route: 'POST /customers',
      as: 'marketing',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { ...customerPayload, managerId: manager01.id },
      }),
      status: 201,
      written: async (response) => {
        made.customer = response.json().id;
        const row = await one(t.database.db.select().from(customers).where(eq(customers.id, made.customer)));
        expect(row).toMatchObject({ licenceNo: '350604900101', managerId: manager01.id });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'customer',
          entityId: response.json().id,
          before: null,
          after: { licenceNo: '350604900101', name: '审计便利店', managerId: manager01.id },
        },
      ],
    },
    {
      route: 'PATCH /customers/:id',
      as: 'marketing',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/customers/${made.customer}`,
        payload: { owner: '郑海生' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(customers).where(eq(customers.id, made.customer)));
        expect(row.owner).toBe('郑海生');
      },
      audit: () => [
        {
          action: 'update',
          entity: 'customer',
          entityId: made.customer,
          before: { owner: '林晓' },
          after: { owner: '郑海生' },
        },
      ],
    },
    {
      route: 'POST /customers/reassign',
      as: 'admin',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/customers/reassign',
        payload: { customerIds: [made.customer], managerId: manager02.id },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(customers).where(eq(customers.id, made.customer)));
        expect(row).toMatchObject({ managerId: manager02.id, branchId: manager02.branchId });
      },
      audit: () => [
        {
          action: 'reassign',
          entity: 'customer',
          entityId: made.customer,
          before: { managerId: manager01.id, branchId: manager01.branchId },
          after: { managerId: manager02.id, branchId: manager02.branchId },
        },
      ],
    },

    {
      route: 'POST /customers/:id/status',
      as: 'admin',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/customers/${made.customer}/status`,
        payload: { status: 'suspended', reason: '停业整顿' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(customers).where(eq(customers.id, made.customer)));
        expect(row.status).toBe('suspended');
      },
      audit: () => [
        {
          action: 'change_status',
          entity: 'customer',
          entityId: made.customer,
          before: { status: 'active' },
          after: { status: 'suspended', statusReason: '停业整顿' },
        },
      ],
    },

    // ── Products ──
    {
      route: 'POST /products',
      as: 'marketing',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/products',
        payload: { code: '53019977', brand: '审计', name: '审计(软)', wholesalePrice: 100, retailPrice: 115 },
      }),
      status: 201,
      written: async (response) => {
        made.product = response.json().id;
        const row = await one(t.database.db.select().from(products).where(eq(products.id, made.product)));
        expect(row).toMatchObject({ code: '53019977', name: '审计(软)' });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'product',
          entityId: response.json().id,
          before: null,
          after: { code: '53019977', name: '审计(软)' },
        },
      ],
    },
    {
      route: 'PATCH /products/:id',
      as: 'marketing',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/products/${made.product}`,
        payload: { name: '审计(硬)' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(products).where(eq(products.id, made.product)));
        expect(row.name).toBe('审计(硬)');
      },
      audit: () => [
        {
          action: 'update',
          entity: 'product',
          entityId: made.product,
          before: { name: '审计(软)' },
          after: { name: '审计(硬)' },
        },
      ],
    },

    // ── Supply: a cycle, its allocation, orders ──
    {
      route: 'POST /supply/cycles',
      as: 'marketing',
      request: async () => ({ method: 'POST', url: '/api/v1/supply/cycles', payload: { weekStart: '2026-12-07' } }),
      status: 201,
      written: async (response) => {
        made.cycle = response.json().id;
        expect(response.json()).toMatchObject({ code: '2026-W50', status: 'draft' });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'order_cycle',
          entityId: response.json().id,
          before: null,
          after: { weekStart: '2026-12-07' },
        },
      ],
    },
    {
      route: 'PUT /supply/cycles/:id/products',
      as: 'marketing',
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/supply/cycles/${made.cycle}/products`,
        payload: { products: [{ productId: made.product, supply: null, strategy: { base: { kind: 'unlimited' } } }] },
      }),
      status: 200,
      written: async () => {
        const detail = await get('marketing', `/api/v1/supply/cycles/${made.cycle}`);
        expect(detail.productCount).toBe(1);
      },
      audit: () => [
        {
          action: 'set_products',
          entity: 'order_cycle',
          entityId: made.cycle,
          before: null,
          after: { products: [expect.objectContaining({ productId: made.product, supply: null })] },
        },
      ],
    },
    {
      route: 'POST /supply/cycles/:id/publish',
      as: 'marketing',
      request: async () => ({ method: 'POST', url: `/api/v1/supply/cycles/${made.cycle}/publish` }),
      status: 200,
      written: async (response) => expect(response.json().status).toBe('published'),
      audit: () => [{ action: 'publish', entity: 'order_cycle', entityId: made.cycle, before: null, after: {} }],
    },
    {
      route: 'POST /portal/orders',
      as: 'retailer',
      request: async () => {
        const cycle = await get('retailer', '/api/v1/portal/cycle');
        expect(cycle.isOpen).toBe(true);
        const item = cycle.items.find(
          (candidate: { remaining: number | null }) => candidate.remaining === null || candidate.remaining >= 2,
        );
        expect(item).toBeDefined();
        made.orderProduct = item.productId;
        return {
          method: 'POST',
          url: '/api/v1/portal/orders',
          payload: { lines: [{ productId: item.productId, qty: 1 }] },
        };
      },
      status: 201,
      written: async (response) => {
        made.order = response.json().orderId;
        const row = await one(t.database.db.select().from(orders).where(eq(orders.id, made.order)));
        expect(row).toMatchObject({ customerId: store.id, channel: 'online' });
      },
      audit: (response) => [
        {
          action: 'place',
          entity: 'order',
          entityId: response.json().orderId,
          before: null,
          after: { customerId: store.id, channel: 'online', lines: [{ productId: made.orderProduct, qty: 1 }] },
        },
      ],
    },
    {
      route: 'PUT /portal/orders/:id',
      as: 'retailer',
      request: async () => ({
        method: 'PUT',
        url: `/api/v1/portal/orders/${made.order}`,
        payload: { lines: [{ productId: made.orderProduct, qty: 2 }] },
      }),
      status: 200,
      written: async (response) =>
        expect(response.json().lines).toMatchObject([{ productId: made.orderProduct, qty: 2 }]),
      audit: () => [
        {
          action: 'change',
          entity: 'order',
          entityId: made.order,
          before: { lines: [{ productId: made.orderProduct, qty: 1 }] },
          after: { lines: [{ productId: made.orderProduct, qty: 2 }] },
        },
      ],
    },
    {
      route: 'DELETE /portal/orders/:id',
      as: 'retailer',
      request: async () => ({ method: 'DELETE', url: `/api/v1/portal/orders/${made.order}` }),
      status: 204,
      written: async () => {
        const row = await one(t.database.db.select().from(orders).where(eq(orders.id, made.order)));
        expect(row.status).toBe('cancelled');
      },
      audit: () => [
        {
          action: 'cancel',
          entity: 'order',
          entityId: made.order,
          before: { lines: [{ productId: made.orderProduct, qty: 2 }] },
          after: null,
        },
      ],
    },
    {
      route: 'POST /supply/orders (phone order)',
      as: 'service',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/supply/orders',
        payload: { customerId: store.id, lines: [{ productId: made.orderProduct, qty: 1 }] },
      }),
      status: 201,
      written: async (response) => {
        const row = await one(t.database.db.select().from(orders).where(eq(orders.id, response.json().orderId)));
        expect(row).toMatchObject({ customerId: store.id, channel: 'phone' });
      },
      audit: (response) => [
        {
          action: 'place',
          entity: 'order',
          entityId: response.json().orderId,
          before: null,
          after: { customerId: store.id, channel: 'phone', lines: [{ productId: made.orderProduct, qty: 1 }] },
        },
      ],
    },

    // ── Classification: a run, a manager's override, the centre's approval ──
    {
      route: 'POST /classification/runs',
      as: 'marketing',
      request: async () => {
        const ruleSets = await get('marketing', '/api/v1/classification/rule-sets');
        expect(ruleSets.items.length).toBeGreaterThan(0);
        made.ruleSet = ruleSets.items[0].id;
        return { method: 'POST', url: '/api/v1/classification/runs', payload: { ruleSetId: made.ruleSet } };
      },
      status: 201,
      written: async (response) => {
        made.run = response.json().id;
        expect(response.json().status).toBe('proposed');
      },
      audit: (response) => [
        {
          action: 'compute',
          entity: 'classification_run',
          entityId: response.json().id,
          before: null,
          after: { ruleSetId: made.ruleSet },
        },
      ],
    },
    {
      route: 'PUT /classification/runs/:id/proposals/:customerId/override',
      as: 'manager',
      request: async () => {
        const own = await get('manager', `/api/v1/classification/runs/${made.run}/proposals?limit=200`);
        const proposal = own.items.find(
          (item: { proposedClass: string; currentClass: string | null; customerId: number }) =>
            item.proposedClass !== 'demonstration' && item.currentClass !== 'special',
        );
        expect(proposal).toBeDefined();
        made.overridden = proposal.customerId;
        return {
          method: 'PUT',
          url: `/api/v1/classification/runs/${made.run}/proposals/${proposal.customerId}/override`,
          payload: { class: 'demonstration', demoType: 'terminal', reason: '门头与陈列已按标准改造' },
        };
      },
      status: 200,
      written: async (response) =>
        expect(response.json().override).toEqual({
          class: 'demonstration',
          demoType: 'terminal',
          reason: '门头与陈列已按标准改造',
        }),
      audit: () => [
        {
          action: 'override',
          entity: 'class_proposal',
          entityId: `${made.run}/${made.overridden}`,
          before: { class: null, demoType: null, reason: null },
          after: { class: 'demonstration', demoType: 'terminal', reason: '门头与陈列已按标准改造' },
        },
      ],
    },
    {
      route: 'POST /classification/runs/:id/approve',
      as: 'marketing',
      request: async () => ({ method: 'POST', url: `/api/v1/classification/runs/${made.run}/approve`, payload: {} }),
      status: 200,
      written: async (response) => {
        expect(response.json().status).toBe('applied');
        const row = await one(t.database.db.select().from(customers).where(eq(customers.id, made.overridden)));
        expect(row.classCode).toBe('demonstration');
      },
      audit: () => [
        {
          action: 'approve',
          entity: 'classification_run',
          entityId: made.run,
          before: null,
          after: { status: 'applied' },
        },
      ],
    },

    // ── Visits: a plan move, a visit, a service request ──
    {
      route: 'POST /visits/plan/items',
      as: 'manager',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/visits/plan/items',
        payload: { customerId: store.id, date: '2026-11-24', reason: '新品推介' },
      }),
      status: 201,
      written: async (response) => {
        made.planItem = response.json().id;
        const row = await one(t.database.db.select().from(visitPlanItems).where(eq(visitPlanItems.id, made.planItem)));
        expect(row).toMatchObject({ customerId: store.id, plannedOn: '2026-11-24', status: 'planned' });
      },
      audit: (response) => [
        {
          action: 'add',
          entity: 'visit_plan_item',
          entityId: response.json().id,
          before: null,
          after: { customerId: store.id, date: '2026-11-24', reason: '新品推介' },
        },
      ],
    },
    {
      route: 'POST /visits/plan/items/:id/move',
      as: 'manager',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/visits/plan/items/${made.planItem}/move`,
        payload: { date: '2026-11-27', reason: '客户外出' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(visitPlanItems).where(eq(visitPlanItems.id, made.planItem)));
        expect(row.plannedOn).toBe('2026-11-27');
      },
      audit: () => [
        {
          action: 'move',
          entity: 'visit_plan_item',
          entityId: made.planItem,
          before: { date: '2026-11-24' },
          after: { date: '2026-11-27', reason: '客户外出' },
        },
      ],
    },
    {
      route: 'POST /visits',
      as: 'manager',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/visits',
        payload: {
          customerId: store.id,
          checkInAt: '2026-11-23T01:30:00Z',
          checkOutAt: '2026-11-23T01:45:00Z',
          checkInPosition: visitPosition(),
          checklist: { displayStandard: true, pricesMarked: true, targetBrandsOnShelf: false, issues: '价签缺失两处' },
        },
      }),
      status: 201,
      written: async (response) => {
        made.visit = response.json().id;
        const row = await one(t.database.db.select().from(visits).where(eq(visits.id, made.visit)));
        expect(row).toMatchObject({ customerId: store.id, managerId: manager01.id });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'visit',
          entityId: response.json().id,
          before: null,
          after: { customerId: store.id, checkInAt: '2026-11-23T01:30:00Z' },
        },
      ],
    },
    {
      route: 'POST /portal/services/requests',
      as: 'retailer',
      request: async () => {
        const menu = await get('retailer', '/api/v1/portal/services');
        expect(menu.items.length).toBeGreaterThan(0);
        made.serviceItem = menu.items[0].id;
        return {
          method: 'POST',
          url: '/api/v1/portal/services/requests',
          payload: { itemId: made.serviceItem, note: '希望下周安排' },
        };
      },
      status: 201,
      written: async (response) => {
        const row = await one(
          t.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, response.json().id)),
        );
        expect(row).toMatchObject({ customerId: store.id, itemId: made.serviceItem });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'service_request',
          entityId: response.json().id,
          before: null,
          after: { customerId: store.id, itemId: made.serviceItem, note: '希望下周安排' },
        },
      ],
    },

    // ── Tickets: filed from the portal and by phone, moved through the workflow ──
    {
      route: 'POST /portal/tickets',
      as: 'retailer',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/portal/tickets',
        payload: { type: 'complaint', categoryCode: 'price', description: '价格公示与实际不符。' },
      }),
      status: 201,
      written: async (response) => {
        made.ticket = response.json().id;
        const row = await one(t.database.db.select().from(tickets).where(eq(tickets.id, made.ticket)));
        expect(row).toMatchObject({ customerId: store.id, categoryCode: 'price', channel: 'portal' });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'ticket',
          entityId: response.json().id,
          before: null,
          after: { id: response.json().id, customerId: store.id, categoryCode: 'price' },
        },
      ],
    },
    {
      route: 'POST /tickets/:id/replies',
      as: 'service',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/tickets/${made.ticket}/replies`,
        payload: { body: '您好，正在核实价签。', visibleToCustomer: true },
      }),
      status: 200,
      written: async (response) => expect(response.json()).toMatchObject({ firstResponseSla: 'met' }),
      audit: () => [
        {
          action: 'reply',
          entity: 'ticket',
          entityId: made.ticket,
          before: null,
          after: { body: '您好，正在核实价签。', visibleToCustomer: true },
        },
      ],
    },
    {
      route: 'POST /tickets/:id/transitions',
      as: 'service',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/tickets/${made.ticket}/transitions`,
        payload: { to: 'resolved', note: '已核实并更正价签' },
      }),
      status: 200,
      written: async () => {
        const row = await one(t.database.db.select().from(tickets).where(eq(tickets.id, made.ticket)));
        expect(row.status).toBe('resolved');
      },
      audit: () => [
        {
          action: 'transition:resolved',
          entity: 'ticket',
          entityId: made.ticket,
          before: { id: made.ticket, status: 'in_progress' },
          after: { id: made.ticket, status: 'resolved' },
        },
      ],
    },
    {
      route: 'PATCH /ticket-categories/:code',
      as: 'service',
      request: async () => ({ method: 'PATCH', url: '/api/v1/ticket-categories/price', payload: { name: '价格公示' } }),
      status: 200,
      written: async (response) =>
        expect(response.json()).toEqual(
          expect.arrayContaining([expect.objectContaining({ code: 'price', name: '价格公示' })]),
        ),
      audit: () => [
        {
          action: 'edit',
          entity: 'ticket_category',
          entityId: 'price',
          before: { code: 'price', name: '价格' },
          after: { code: 'price', name: '价格公示' },
        },
      ],
    },
    {
      route: 'POST /tickets (phone)',
      as: 'service',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: {
          customerId: store.id,
          type: 'complaint',
          channel: 'phone',
          categoryCode: 'quality',
          description: '电话反映：一条卷烟受潮。',
        },
      }),
      status: 201,
      written: async (response) => {
        const row = await one(t.database.db.select().from(tickets).where(eq(tickets.id, response.json().id)));
        expect(row).toMatchObject({ customerId: store.id, channel: 'phone', createdBy: actors.service.id });
      },
      audit: (response) => [
        {
          action: 'create',
          entity: 'ticket',
          entityId: response.json().id,
          before: null,
          after: { customerId: store.id, channel: 'phone', categoryCode: 'quality' },
        },
      ],
    },
  ];

  async function lastAuditId(): Promise<number> {
    const [row] = await t.database.db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
    return row.id;
  }

  async function auditSince(id: number) {
    return t.database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
  }

  const snapshot = (expected: Snapshot) => (expected === null ? null : expect.objectContaining(expected));

  it.each(cases.map((entry) => [entry.route, entry] as const))('%s', async (_route, entry) => {
    const request = await entry.request();
    const baseline = await lastAuditId();
    const response = await inject(entry.as, request);
    expect(response.statusCode, response.body).toBe(entry.status);
    await entry.written(response);
    const rows = await auditSince(baseline);
    const actor = actors[entry.as];
    expect(rows).toEqual(
      entry.audit(response).map((expected) =>
        expect.objectContaining({
          tenantId: t.city.tenantId,
          actorId: actor.id,
          actorName: actor.displayName,
          action: expected.action,
          entity: expected.entity,
          entityId: String(expected.entityId),
          before: snapshot(expected.before),
          after: snapshot(expected.after),
        }),
      ),
    );
    // No secret reaches the trail, whatever the snapshot.
    for (const row of rows)
      expect(JSON.stringify([row.before, row.after])).not.toMatch(/"password(Hash)?"|Kewo-Audit-2026/);
  });

  it('POST /auth/login: the sign-in, as the user who signed in, naming the session', async () => {
    const baseline = await lastAuditId();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'inspector', password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const token = sessionCookieOf(response).slice('kewo_session='.length);
    const inspector = await userOf(
      and(eq(users.tenantId, t.city.tenantId), eq(users.username, 'inspector')) as ReturnType<typeof eq>,
    );
    const rows = await auditSince(baseline);
    expect(rows).toEqual([
      expect.objectContaining({
        tenantId: t.city.tenantId,
        actorId: inspector.id,
        actorName: inspector.displayName,
        action: 'sign_in',
        entity: 'session',
        entityId: createHash('sha256').update(token).digest('hex').slice(0, 16),
        before: null,
        after: null,
      }),
    ]);
  });

  // Runs last: by now the trail holds the demo's seeding and every write above. Each row must
  // name what a catalogue declares (platform/audit/audit-catalogue.ts and every *.audit.ts), so
  // the console has a word for it in both languages (web/src/shared/i18n/audit-labels.ts).
  it('records only what the audit catalogues declare, so the console can name every row', async () => {
    const declared = import.meta.glob<Record<string, unknown>>('../../**/*.audit.ts', { eager: true });
    const catalogues: AuditCatalogue[] = [
      platformAudit,
      ...Object.values(declared).flatMap((exports) => Object.values(exports) as AuditCatalogue[]),
    ];
    const declaredChanges = new Set(
      catalogues.flatMap((catalogue) =>
        Object.entries(catalogue.entities).flatMap(([entity, actions]) =>
          actions.map((action) => `${entity} ${action}`),
        ),
      ),
    );
    const declaredActors = new Set(catalogues.flatMap((catalogue) => catalogue.systemActors ?? []));
    const recorded = await t.database.db
      .selectDistinct({ entity: auditLog.entity, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tenantId, t.city.tenantId));
    expect(recorded.length).toBeGreaterThan(40);
    expect(
      recorded.map((row) => `${row.entity} ${row.action}`).filter((change) => !declaredChanges.has(change)),
    ).toEqual([]);
    const systemActors = await t.database.db
      .selectDistinct({ name: auditLog.actorName })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.city.tenantId), sql`${auditLog.actorId} IS NULL`));
    expect(systemActors.map((row) => row.name.split(':')[0]).filter((name) => !declaredActors.has(name))).toEqual([]);
    expect(systemActors.map((row) => row.name)).toContain('demo');
  });
});
