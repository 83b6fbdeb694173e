import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { stubApi, stubPermissions } from '../../test/api-stub.ts';
import { CycleDetailPage, emptyProductsKey } from './CycleDetail.tsx';
import { CustomerGrades } from './components/CustomerGrades.tsx';
import { GradesPage } from './Grades.tsx';
import { CyclesPage } from './index.tsx';
import { supplyMessages } from './messages.ts';
import { PhoneOrdersPage } from './PhoneOrders.tsx';
import type { CycleDetail, StoreQuota } from './supply.api.ts';

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
const service: CurrentUser = { ...marketing, id: 3, username: 'service', role: 'service' };

const draftCycle: CycleDetail = {
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
        cap: 6,
      },
      outcome: null,
    },
  ],
};

// A zh-CN text of this folder's messages by its key.
const zhCN = (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], supplyMessages['zh-CN']);

const reference = { districts: [{ code: '350602', name: '芗城区' }], branches: [], managers: [], tags: [] };

// What GET /auth/permissions answers each (the part of it these pages ask about).
const operationsOf: Record<string, string[]> = {
  marketing: [
    'POST /api/v1/supply/cycles',
    'PUT /api/v1/supply/cycles/:id/products',
    'POST /api/v1/supply/cycles/:id/preview',
    'POST /api/v1/supply/cycles/:id/publish',
    'POST /api/v1/supply/grade-runs',
    'POST /api/v1/supply/grade-runs/:id/publish',
  ],
  service: ['POST /api/v1/supply/orders'],
  manager01: [],
};

function renderAt(user: CurrentUser, entry: string) {
  stubPermissions(operationsOf[user.username] ?? []);
  const router = createMemoryRouter(
    [
      { path: '/supply/cycles', element: <CyclesPage /> },
      { path: '/supply/cycles/:id', element: <CycleDetailPage /> },
      { path: '/supply/phone-orders', element: <PhoneOrdersPage /> },
      { path: '/supply/grades', element: <GradesPage /> },
      { path: '/customers/:id', element: <CustomerGrades customerId={280} /> },
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

// The drawer and the order table are large antd trees: on a shared 2-core machine they take a while.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CyclesPage', () => {
  it('lists cycles newest first and offers creation to marketing only', async () => {
    const cycles = {
      items: [
        { ...draftCycle, id: 6, code: '2026-W48', weekStart: '2026-11-23', status: 'published', productCount: 12 },
        { ...draftCycle, productCount: 1 },
      ],
    };
    stubApi({ 'GET /supply/cycles': { status: 200, body: cycles } });
    renderAt(marketing, '/supply/cycles');
    const links = await screen.findAllByRole('link', { name: /2026-W4/ });
    expect(links.map((link) => link.textContent)).toEqual(['2026-W49', '2026-W48']);
    expect(screen.getAllByText('各户订货日 08:00–17:00')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /新建订货周期/ })).toBeTruthy();
    cleanup();
    renderAt(manager, '/supply/cycles');
    await screen.findAllByRole('link', { name: /2026-W4/ });
    expect(screen.queryByRole('button', { name: /新建订货周期/ })).toBeNull();
  });
});

describe('CycleDetailPage', () => {
  it('saves an edited strategy as the whole product list, and refuses overlapping grade bands first', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: draftCycle },
      'GET /customers/reference': { status: 200, body: reference },
      'PUT /supply/cycles/7/products': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return { status: 200, body: draftCycle };
      },
    });
    renderAt(marketing, '/supply/cycles/7');
    expect(await screen.findByText('中华(硬)')).toBeTruthy();
    expect(screen.getByText('示范客户 ×1.2')).toBeTruthy();
    expect(screen.getByText('限量 6')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /策略/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: /添加一档/ }));
    // The new band starts at grade 30 (after 1–30), which overlaps; its quantity is blank.
    fireEvent.change(within(drawer).getByLabelText('每户条数 2'), { target: { value: '5' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect((await within(drawer).findAllByText('第 1 行和第 2 行的档位重叠')).length).toBeGreaterThan(0);
    expect(bodies).toEqual([]);
    // Make the first band 1–20 and the second 21–30.
    fireEvent.change(within(drawer).getByLabelText('截止档位 1'), { target: { value: '20' } });
    fireEvent.change(within(drawer).getByLabelText('起始档位 2'), { target: { value: '21' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      products: [
        {
          productId: 11,
          supply: 1200,
          strategy: {
            base: {
              kind: 'grade_table',
              table: [
                { fromGrade: 1, toGrade: 20, qty: 2 },
                { fromGrade: 21, toGrade: 30, qty: 5 },
              ],
            },
            classMultipliers: { demonstration: 1.2 },
            cap: 6,
          },
        },
      ],
    });
  });

  it('previews the allocation: supply vs allocated, stores at 0 and the scale', async () => {
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: draftCycle },
      'POST /supply/cycles/7/preview': {
        status: 200,
        body: {
          products: [
            {
              productId: 11,
              name: '中华(硬)',
              supply: 1200,
              allocated: 1198,
              eligibleStores: 24000,
              storesAtZero: 23001,
              scale: 0.0833,
              distribution: [
                { quota: 0, stores: 23001 },
                { quota: 1, stores: 800 },
                { quota: 2, stores: 199 },
              ],
            },
          ],
          totals: { supply: 1200, allocated: 1198 },
        },
      },
    });
    renderAt(marketing, '/supply/cycles/7');
    fireEvent.click(await screen.findByRole('button', { name: /预览投放/ }));
    expect(await screen.findByText('货源合计 1,200 条，投放合计 1,198 条')).toBeTruthy();
    const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes('24,000'));
    expect(row?.textContent).toContain('23,001');
    expect(row?.textContent).toContain('×0.083');
  });

  it('shows a manager the strategies read-only, without preview or publish', async () => {
    stubApi({
      'GET /supply/cycles/7': { status: 200, body: { ...draftCycle } },
      'GET /customers/reference': { status: 200, body: reference },
    });
    renderAt(manager, '/supply/cycles/7');
    expect(await screen.findByText('中华(硬)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /预览投放/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /发\s*布/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /添加卷烟/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /查\s*看/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).queryByRole('button', { name: /保\s*存/ })).toBeNull();
  });

  it('says an ended cycle offered nothing, without inviting anyone to add', async () => {
    stubApi({
      'GET /supply/cycles/7': {
        status: 200,
        body: {
          ...draftCycle,
          status: 'closed',
          publishedAt: '2026-11-30T00:00:00.000Z',
          productCount: 0,
          products: [],
        },
      },
      'GET /customers/reference': { status: 200, body: reference },
    });
    renderAt(marketing, '/supply/cycles/7');
    expect(await screen.findByText('本周期已结束，没有投放卷烟。')).toBeTruthy();
    expect(await screen.findByText('本周期已结束，策略与配额只读。')).toBeTruthy();
    expect(screen.queryByText(/请先添加/)).toBeNull();
    expect(screen.queryByRole('button', { name: /添加卷烟/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /预览投放/ })).toBeNull();
  });

  it.each([
    ['draft', true, '本周期还没有投放卷烟，请先添加。'],
    ['draft', false, '本周期还没有投放卷烟。'],
    ['published', true, '本周期没有投放卷烟。'],
    ['closed', true, '本周期已结束，没有投放卷烟。'],
  ] as const)('words the empty list of a %s cycle (may edit: %s) as “%s”', (status, canEdit, text) => {
    expect(zhCN(emptyProductsKey(status, canEdit))).toBe(text);
  });

  it('shows demand and the online-ordering rate of a published cycle', async () => {
    stubApi({
      'GET /supply/cycles/7': {
        status: 200,
        body: {
          ...draftCycle,
          status: 'published',
          publishedAt: '2026-11-29T02:00:00.000Z',
          products: [
            {
              ...draftCycle.products[0],
              outcome: { allocated: 1198, eligibleStores: 24000, storesAtZero: 23001, scale: 0.08 },
            },
          ],
        },
      },
      'GET /supply/cycles/7/demand': {
        status: 200,
        body: {
          items: [
            {
              productId: 11,
              code: '6901028075862',
              name: '中华(硬)',
              supply: 1200,
              quotaTotal: 1198,
              ordered: 950,
              storesOrdered: 700,
              storesAtCap: 412,
            },
          ],
        },
      },
      'GET /supply/cycles/7/online-rate': {
        status: 200,
        body: {
          byBranch: [
            {
              branchId: 4,
              branchName: '龙海营销部',
              stores: 3000,
              storesOrdered: 2500,
              storesOnline: 1770,
              storeRate: 0.708,
              qty: 10000,
              qtyOnline: 7062,
              volumeRate: 0.7062,
            },
          ],
          total: {
            stores: 3000,
            storesOrdered: 2500,
            storesOnline: 1770,
            storeRate: 0.708,
            qty: 10000,
            qtyOnline: 7062,
            volumeRate: 0.7062,
          },
        },
      },
    });
    renderAt(marketing, '/supply/cycles/7');
    expect(await screen.findByText('共分配 1,198 条 · 24,000 户可订 · 23,001 户未分到')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '需求汇总' }));
    expect(await screen.findByText('412')).toBeTruthy();
    expect(screen.getByText('79.3%')).toBeTruthy(); // 950 of 1,198 ordered
    expect(screen.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      '/api/v1/supply/cycles/7/demand/export',
    );
    fireEvent.click(screen.getByRole('tab', { name: '网上订货率' }));
    expect((await screen.findAllByText('70.8%')).length).toBe(2); // branch row and total
    expect(screen.getAllByText('70.6%').length).toBe(2);
    expect(screen.queryByRole('button', { name: /发\s*布/ })).toBeNull();
  });
});

describe('PhoneOrdersPage', () => {
  const quotas: StoreQuota[] = [
    {
      productId: 11,
      name: '中华(硬)',
      code: '6901028075862',
      wholesalePrice: 450,
      quota: 5,
      ordered: 2,
      remaining: 3,
      explanation: '档位 24 → 5',
    },
    {
      productId: 12,
      name: '利群(新版)',
      code: '6901028118170',
      wholesalePrice: 210.94,
      quota: null,
      ordered: 0,
      remaining: null,
      explanation: '不限量',
    },
  ];

  it('submits the typed lines with an Idempotency-Key and shows QUOTA_EXCEEDED as the server words it', async () => {
    const calls: { body: unknown; key: string | undefined }[] = [];
    let reply = 409;
    stubApi({
      'GET /supply/cycles': { status: 200, body: { items: [{ ...draftCycle, status: 'published' }] } },
      'GET /customers': {
        status: 200,
        body: {
          items: [{ id: 280, licenceNo: '350602100562', name: '红星便利', owner: '严国辉', branchName: '市区营销部' }],
        },
      },
      'GET /supply/cycles/7/quotas/280': { status: 200, body: { items: quotas } },
      'GET /supply/orders': { status: 200, body: { items: [] } },
      'POST /supply/orders': (init) => {
        calls.push({
          body: JSON.parse(String(init?.body)),
          key: (init?.headers as Record<string, string> | undefined)?.['Idempotency-Key'],
        });
        return reply === 409
          ? {
              status: 409,
              body: {
                status: 409,
                code: 'QUOTA_EXCEEDED',
                title: 'Conflict',
                detail: '中华(硬) 超过剩余配额：申请 3 条，剩余 1 条',
              },
            }
          : {
              status: 201,
              body: {
                orderId: 901,
                lines: [
                  { productId: 11, code: '6901028075862', name: '中华(硬)', qty: 3, unitPrice: 450, amount: 1350 },
                  { productId: 12, code: 'x', name: '利群(新版)', qty: 10, unitPrice: 210.94, amount: 2109.4 },
                ],
                total: 3459.4,
              },
            };
      },
    });
    renderAt(service, '/supply/phone-orders');
    const storeSelect = await screen.findByRole('combobox', { name: '客户' });
    fireEvent.change(storeSelect, { target: { value: '红星' } });
    fireEvent.click(await screen.findByText('红星便利 · 350602100562 · 严国辉'));
    expect(await screen.findByText('档位 24 → 5')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('订购数量（条） 中华(硬)'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('订购数量（条） 利群(新版)'), { target: { value: '10' } });
    expect(await screen.findByText('合计 2 种 13 条，¥3,459.40')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /提交订单/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^提交订单$/, hidden: false }));
    expect(await screen.findByText('超过配额')).toBeTruthy();
    expect(screen.getByText('中华(硬) 超过剩余配额：申请 3 条，剩余 1 条')).toBeTruthy();

    // The same order again (a retry) carries the same key.
    reply = 201;
    fireEvent.click(screen.getAllByRole('button', { name: /提交订单/ })[0]);
    const confirms = await screen.findAllByRole('button', { name: /^提交订单$/ });
    fireEvent.click(confirms.at(-1) as HTMLElement);
    expect(await screen.findByText('订单已提交')).toBeTruthy();
    expect(calls).toHaveLength(2);
    expect(calls[0].body).toEqual({
      customerId: 280,
      lines: [
        { productId: 11, qty: 3 },
        { productId: 12, qty: 10 },
      ],
    });
    expect(calls[0].key).toBeTruthy();
    expect(calls[1].key).toBe(calls[0].key);
  });
});

describe('GradesPage', () => {
  const run = {
    id: 2,
    periodFrom: '2026-08-24',
    periodTo: '2026-11-22',
    weights: { amount: 70, quantity: 30 },
    effectiveOn: '2026-11-30',
    status: 'draft',
    storeCount: 24000,
    createdAt: '2026-11-24T01:00:00Z',
    publishedAt: null,
  };

  it('shows the latest run and lets marketing publish a draft after confirming', async () => {
    const published: string[] = [];
    stubApi({
      'GET /supply/grade-runs': { status: 200, body: { items: [{ ...run, id: 1, status: 'published' }, run] } },
      'GET /supply/grade-runs/2': {
        status: 200,
        body: {
          ...run,
          distribution: [
            { grade: 1, count: 5000 },
            { grade: 30, count: 800 },
          ],
        },
      },
      'POST /supply/grade-runs/2/publish': () => {
        published.push('2');
        return { status: 200, body: { ...run, status: 'published' } };
      },
    });
    renderAt(marketing, '/supply/grades');
    expect(await screen.findByText('批次 2 的档位分布')).toBeTruthy();
    expect(screen.getByText('金额 70% · 数量 30% · 生效日期 2026-11-30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /发\s*布/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /发\s*布/ }));
    await waitFor(() => expect(published).toEqual(['2']));
  });

  it('offers a manager neither compute nor publish', async () => {
    stubApi({
      'GET /supply/grade-runs': { status: 200, body: { items: [run] } },
      'GET /supply/grade-runs/2': { status: 200, body: { ...run, distribution: [] } },
    });
    renderAt(manager, '/supply/grades');
    expect(await screen.findByText('批次 2 的档位分布')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /计算档位/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /发\s*布/ })).toBeNull();
  });
});

describe('CustomerGrades (the 360° view tab)', () => {
  it("shows the store's current grade and its history, newest first, money in yuan", async () => {
    stubApi({
      'GET /customers/280/grades': {
        status: 200,
        body: {
          items: [
            { runId: 1, grade: 17, score: 55.04, amount: 12000, quantity: 180, effectiveOn: '2026-11-16' },
            { runId: 2, grade: 19, score: 62.71, amount: 13117.65, quantity: 191, effectiveOn: '2026-11-23' },
          ],
        },
      },
    });
    renderAt(manager, '/customers/280');
    expect(await screen.findByText('当前档位')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '2026-11-2319 档62.7¥13,117.65191',
      '2026-11-1617 档55¥12,000.00180',
    ]);
  });
});
