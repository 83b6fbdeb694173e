import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { stubApi, stubPermissions } from '../../test/api-stub.ts';
import { CycleDetailPage } from './CycleDetail.tsx';
import type { CycleDetail } from './supply.api.ts';

// A price warning's link into a cycle (限点限量): the product's strategy opens with the warning's
// region preset to a reduced factor, under a banner; nothing is saved until the user saves.

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
const manager: CurrentUser = { ...marketing, id: 5, username: 'manager01', role: 'manager', scope: { kind: 'own' } };

const cycle: CycleDetail = {
  id: 7,
  code: '2026-W49',
  weekStart: '2026-11-30',
  opensAt: '2026-11-30T00:00:00.000Z',
  closesAt: '2026-12-06T09:00:00.000Z',
  orderDayOnly: true,
  dailyCutoff: '17:00',
  lineCap: 500,
  status: 'draft',
  productCount: 1,
  publishedAt: null,
  products: [
    {
      productId: 11,
      code: '6901028075862',
      name: '中华(硬)',
      brand: '中华',
      priceClass: 1,
      wholesalePrice: 450,
      supply: 1200,
      strategy: {
        base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 2 }] },
        classMultipliers: { demonstration: 1.2 },
        regionMultipliers: { districts: { '350602': 1.2 } },
        cap: 6,
      },
      outcome: null,
    },
  ],
};

const reference = {
  districts: [
    { code: '350602', name: '芗城区' },
    { code: '350623', name: '漳浦县' },
  ],
  branches: [{ id: 4, name: '漳浦营销部' }],
  managers: [],
  tags: [],
};

const link = '/supply/cycles/7?product=11&reduceDistricts=350623&reduceBranches=4&factor=0.8&from=warning:42';

function renderAt(user: CurrentUser, entry: string, operations: string[]) {
  stubPermissions(operations);
  const router = createMemoryRouter([{ path: '/supply/cycles/:id', element: <CycleDetailPage /> }], {
    initialEntries: [entry],
  });
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

const marketingOperations = [
  'PUT /api/v1/supply/cycles/:id/products',
  'POST /api/v1/supply/cycles/:id/preview',
  'POST /api/v1/supply/cycles/:id/publish',
];

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CycleDetailPage opened from a price warning', () => {
  it('opens the product’s strategy with the regions preset, saves only on 保存, then drops the link', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: cycle },
      'GET /customers/reference': { status: 200, body: reference },
      'PUT /supply/cycles/7/products': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return { status: 200, body: cycle };
      },
    });
    const router = renderAt(marketing, link, marketingOperations);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('来自价格预警 #42：建议对该区域调减投放')).toBeTruthy();
    expect(await within(drawer).findByText(/已预填区域系数 ×0.8：漳浦县、漳浦营销部/)).toBeTruthy();
    // The saved row stays; the warning's district and branch are added at 0.8.
    expect((within(drawer).getByLabelText('系数 1') as HTMLInputElement).value).toBe('1.2');
    expect((within(drawer).getByLabelText('系数 2') as HTMLInputElement).value).toBe('0.8');
    expect((within(drawer).getByLabelText('系数 3') as HTMLInputElement).value).toBe('0.8');
    expect(drawer.querySelector('[data-region-row="district:350623"]')).toBeTruthy();
    expect(drawer.querySelector('[data-region-row="branch:4"]')).toBeTruthy();
    expect(bodies).toEqual([]);
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      products: [
        {
          productId: 11,
          supply: 1200,
          strategy: {
            base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 2 }] },
            classMultipliers: { demonstration: 1.2 },
            regionMultipliers: { districts: { '350602': 1.2, '350623': 0.8 }, branches: { '4': 0.8 } },
            cap: 6,
          },
        },
      ],
    });
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('saves nothing when the drawer is closed, and does not reopen it', async () => {
    const fetchMock = stubApi({
      'GET /supply/cycles/7': { status: 200, body: cycle },
      'GET /customers/reference': { status: 200, body: reference },
    });
    const router = renderAt(marketing, link, marketingOperations);
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
    // The table shows the strategy as saved: 芗城区 ×1.2, no 漳浦县.
    expect(await screen.findByText('区域 芗城区 ×1.2')).toBeTruthy();
    expect(screen.queryByText(/区域 漳浦县/)).toBeNull();
  });

  it('shows a manager the strategy in force, read-only, under the banner', async () => {
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: cycle },
      'GET /customers/reference': { status: 200, body: reference },
    });
    renderAt(manager, link, []);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('来自价格预警 #42：建议对该区域调减投放')).toBeTruthy();
    expect(within(drawer).getByText(/你没有修改投放策略的权限/)).toBeTruthy();
    expect(within(drawer).queryByLabelText('系数 2')).toBeNull();
    expect(within(drawer).queryByRole('button', { name: /保\s*存/ })).toBeNull();
  });

  it('says so when the cycle does not offer the product', async () => {
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: cycle },
      'GET /customers/reference': { status: 200, body: reference },
    });
    renderAt(marketing, '/supply/cycles/7?product=99&reduceDistricts=350623&from=warning:42', marketingOperations);
    expect(await screen.findByText('来自价格预警 #42：本周期没有该卷烟（#99），请先添加后再设区域系数。')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves the factor for the user to fill when the link’s is not valid', async () => {
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: cycle },
      'GET /customers/reference': { status: 200, body: reference },
    });
    renderAt(marketing, '/supply/cycles/7?product=11&reduceDistricts=350623&factor=12', marketingOperations);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('建议对该区域调减投放')).toBeTruthy();
    expect(await within(drawer).findByText(/已预填区域：漳浦县，请填写系数/)).toBeTruthy();
    expect((within(drawer).getByLabelText('系数 2') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect((await within(drawer).findAllByText('区域系数第 2 行未选区域或未填系数')).length).toBeGreaterThan(0);
  });
});
