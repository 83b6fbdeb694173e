import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { stubApi, stubPermissions } from '../../test/api-stub.ts';
// The visits tab is lazy in the app; loaded here up front so its test waits for data, not for code.
import '../visits/components/CustomerVisits.tsx';
import { CustomerDetailPage } from './CustomerDetail.tsx';
import type { Customer } from './customers.api.ts';
import { CustomersPage } from './index.tsx';

const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林晓东',
  role: 'marketing',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 2, name: '营销中心' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

const manager: CurrentUser = {
  ...marketing,
  id: 5,
  username: 'manager01',
  displayName: '万强',
  role: 'manager',
  scope: { kind: 'own' },
};

const store: Customer = {
  id: 280,
  licenceNo: '350602100562',
  name: '红星便利',
  owner: '严国辉',
  phone: '18806360775',
  address: '芗城区元光路100号',
  district: { code: '350602', name: '芗城区' },
  urbanRural: 'urban',
  format: 'convenience',
  status: 'active',
  statusReason: null,
  managerId: 5,
  managerName: '万强',
  branchId: 6,
  branchName: '市区营销部',
  orderDay: 4,
  orderChannel: 'phone',
  latitude: null,
  longitude: null,
  licenceValidUntil: '2020-01-01',
  tags: [],
  class: 'growth',
  demoType: null,
  customFields: { area: 36 },
  createdAt: '2026-11-23T22:36:45.853Z',
  updatedAt: '2026-11-23T22:36:45.853Z',
};

const reference = {
  districts: [{ code: '350602', name: '芗城区' }],
  branches: [{ id: 6, name: '市区营销部' }],
  managers: [{ id: 5, name: '万强', username: 'manager01', branchId: 6 }],
  tags: [],
};

const fields = {
  items: [
    { id: 1, key: 'area', label: '经营面积', kind: 'number', options: [], required: false, position: 1, active: true },
    { id: 2, key: 'old', label: '旧字段', kind: 'text', options: [], required: false, position: 2, active: false },
  ],
};

// What GET /auth/permissions answers each (the part of it these pages ask about).
const operationsOf: Record<string, string[]> = {
  marketing: [
    'POST /api/v1/customers',
    'PATCH /api/v1/customers/:id',
    'POST /api/v1/customers/:id/status',
    'POST /api/v1/customers/:id/portal-password',
    'POST /api/v1/customers/reassign',
    'POST /api/v1/customers/import',
    'PUT /api/v1/classification/customers/:id/class',
  ],
  manager01: ['PUT /api/v1/visits/standards/stores/:customerId', 'POST /api/v1/visits'],
};

function renderAt(user: CurrentUser, entry: string) {
  stubPermissions(operationsOf[user.username] ?? []);
  const router = createMemoryRouter(
    [
      { path: '/customers', element: <CustomersPage /> },
      { path: '/customers/:id', element: <CustomerDetailPage /> },
    ],
    { initialEntries: [entry] },
  );
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <PermissionsGate>
          <RouterProvider router={router} />
        </PermissionsGate>
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}

// The page opens once the permissions are in, a step more than before: as the other page tests.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('CustomersPage', () => {
  it('asks the API for exactly the view in the URL, custom-field filters included', async () => {
    const fetchMock = stubApi({
      'GET /customers': { status: 200, body: { items: [store], total: 12345, nextCursor: 'abc' } },
      'GET /customers/reference': { status: 200, body: reference },
      'GET /customer-fields': { status: 200, body: fields },
    });
    renderAt(marketing, '/customers?districtCode=350602&cf.area=10..20&sort=-name');
    expect(await screen.findByText('共 12,345 家客户')).toBeTruthy();
    const listCall = fetchMock.mock.calls
      .map(([url]) => String(url))
      .find((url) => url.startsWith('/api/v1/customers?'));
    const query = new URL(listCall ?? '', 'http://localhost').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      districtCode: '350602',
      'cf.area': '10..20',
      sort: '-name',
      limit: '20',
    });
    expect(screen.getByRole('button', { name: /新建客户/ })).toBeTruthy();
  });

  it('offers a manager no create, import or bulk actions, but export', async () => {
    stubApi({
      'GET /customers': { status: 200, body: { items: [store], total: 1, nextCursor: null } },
      'GET /customers/reference': { status: 200, body: reference },
      'GET /customer-fields': { status: 200, body: fields },
    });
    renderAt(manager, '/customers');
    expect(await screen.findByText('红星便利')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新建客户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导入/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('button', { name: /导出/ })).toBeTruthy();
  });
});

describe('CustomerDetailPage', () => {
  it('shows the profile, orders, grades, classification, credit, visits, service requests, complaints, brand programmes, benchmark tier, fixtures, prices, surveys and history tabs only, the expired licence and active custom fields', async () => {
    stubApi({
      'GET /customers/280': { status: 200, body: store },
      'GET /customers/reference': { status: 200, body: reference },
      'GET /customer-fields': { status: 200, body: fields },
    });
    renderAt(manager, '/customers/280');
    expect(await screen.findByRole('heading', { name: '红星便利' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '基本信息',
      '订货',
      '档位',
      '客户分类',
      '信用',
      '走访',
      '服务申请',
      '投诉建议',
      '品牌培育',
      '标杆店',
      '终端资产',
      '价格',
      '问卷调研',
      '变更记录',
    ]);
    expect(screen.getByText(/已过期 \d+ 天/)).toBeTruthy();
    expect(screen.getByText('该客户还没有经纬度坐标，无法显示位置。')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('经营面积')).toBeTruthy());
    expect(screen.queryByText('旧字段')).toBeNull();
    // A manager reads; editing, status and reassignment are not offered.
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /变更状态/ })).toBeNull();
  });

  it("lists the store's visits newest first with flags and services, its month's plan, and opens a record read-only", async () => {
    const summary = {
      customerId: 280,
      customerName: '红星便利',
      managerId: 7,
      managerName: '张经理',
      imageScore: 70,
      checkInDistanceM: 20,
      isSuperseded: false,
      servicesDelivered: [],
      flags: [],
      brandChecks: [],
    };
    stubApi({
      'GET /customers/280': { status: 200, body: store },
      'GET /customers/reference': { status: 200, body: reference },
      'GET /customer-fields': { status: 200, body: fields },
      'GET /visits': {
        status: 200,
        body: {
          total: 2,
          items: [
            {
              ...summary,
              id: 12,
              checkInAt: '2026-11-20T02:00:00Z',
              checkOutAt: '2026-11-20T02:01:00Z',
              durationSeconds: 60,
              correctsVisitId: 11,
              servicesDelivered: [3],
              flags: ['short', 'no_position'],
            },
            {
              ...summary,
              id: 11,
              checkInAt: '2026-11-20T01:00:00Z',
              checkOutAt: '2026-11-20T01:15:00Z',
              durationSeconds: 900,
              correctsVisitId: null,
              isSuperseded: true,
            },
          ],
        },
      },
      'GET /visits/plan': {
        status: 200,
        body: {
          month: '2026-11',
          managerId: null,
          workingDays: [],
          items: [
            {
              id: 1,
              customerId: 280,
              customerName: '红星便利',
              classCode: null,
              managerId: 7,
              date: '2026-11-20',
              status: 'done',
              source: 'generated',
              visitId: 12,
            },
            {
              id: 2,
              customerId: 280,
              customerName: '红星便利',
              classCode: null,
              managerId: 7,
              date: '2026-11-27',
              status: 'planned',
              source: 'generated',
              visitId: null,
            },
          ],
        },
      },
      'GET /services/items': {
        status: 200,
        body: {
          items: [
            {
              id: 3,
              code: 'B01',
              category: 'brand',
              name: '新品推介',
              standard: '',
              frequency: '',
              performedBy: '',
              entitledClasses: [],
              active: true,
            },
          ],
        },
      },
      'GET /visits/11': {
        status: 200,
        body: {
          ...summary,
          id: 11,
          planItemId: null,
          correctsVisitId: null,
          correctionReason: null,
          correctedBy: [12],
          checkInAt: '2026-11-20T01:00:00Z',
          checkOutAt: '2026-11-20T01:15:00Z',
          checkInLatitude: 24.5,
          checkInLongitude: 117.6,
          checklist: { displayStandard: true, pricesMarked: false, targetBrandsOnShelf: true, issues: '价签缺失' },
          requestsFulfilled: [],
          stockCounts: [{ productId: 5, name: '中华（硬）', cartons: 3 }],
          prices: [{ productId: 5, name: '中华（硬）', packPriceFen: 4500 }],
          photoIds: [],
          submittedAt: '2026-11-20T01:15:00Z',
        },
      },
    });
    renderAt(manager, '/customers/280?tab=visits');
    const rows = await screen.findAllByTestId('customer-visit-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('更正 #11')).toBeTruthy();
    expect(within(rows[0]).getByText('不足2分钟')).toBeTruthy();
    expect(within(rows[0]).getByText('无定位')).toBeTruthy();
    await waitFor(() => expect(within(rows[0]).getByText('新品推介')).toBeTruthy());
    expect(within(rows[1]).getByText('已被更正')).toBeTruthy();
    expect(await screen.findByText('计划 2 次，已完成 1 次')).toBeTruthy();
    expect(screen.getAllByTestId('customer-plan-item')).toHaveLength(2);
    fireEvent.click(within(rows[0]).getByText('更正 #11'));
    const record = await screen.findByTestId('visit-record');
    expect(within(record).getByText('价签缺失')).toBeTruthy();
    expect(within(record).getByText('中华（硬）')).toBeTruthy();
    expect(within(record).getByText('45.00')).toBeTruthy();
    expect(within(record).getByText('#12')).toBeTruthy();
  });

  it('says "not found" for a customer outside the scope', async () => {
    stubApi({ 'GET /customer-fields': { status: 200, body: fields } });
    renderAt(manager, '/customers/99999');
    expect(await screen.findByText('客户不存在，或不在您的数据范围内。')).toBeTruthy();
  });
});

describe('CustomerFormDrawer (edit)', () => {
  it("sends only what changed and puts the server's field error under the field", async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /customers/280': { status: 200, body: { ...store, latitude: 24.55, longitude: 117.65 } },
      'GET /customers/reference': { status: 200, body: reference },
      'GET /customer-fields': { status: 200, body: fields },
      'GET /customers/280/history': { status: 200, body: { items: [], nextCursor: null } },
      'PATCH /customers/280': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return {
          status: 400,
          body: {
            status: 400,
            code: 'VALIDATION_FAILED',
            title: 'Bad request',
            detail: '电话号码已停机',
            field: 'phone',
          },
        };
      },
    });
    renderAt(marketing, '/customers/280');
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const drawer = await screen.findByRole('dialog');
    const phone = within(drawer).getByLabelText('联系电话');
    await waitFor(() => expect((phone as HTMLInputElement).value).toBe('18806360775'));
    fireEvent.change(phone, { target: { value: '0596-2345678' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByText('电话号码已停机')).toBeTruthy();
    expect(bodies).toEqual([{ phone: '0596-2345678' }]);
  });
});
