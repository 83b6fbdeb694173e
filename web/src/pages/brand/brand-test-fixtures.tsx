import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { testManager } from '../../test/customer-tab.tsx';
import type { KpiDefinition, KpiRow, Programme, ProgrammeSummary } from './brand.api.ts';

// The brand pages' tests: who signs in, and what the server answers for the seed city's
// 七匹狼（通系列） programme.

export const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林',
  role: 'marketing',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

// The 360° tabs' test manager (own stores).
export const manager = testManager;

export function renderAt(path: string, routes: { path: string; element: ReactElement }[], user: CurrentUser) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}

export const programme: Programme = {
  id: 7,
  name: '七匹狼（通系列）品牌培育',
  description: '示范、成长客户的卖点培训与陈列',
  status: 'active',
  productIds: [11, 12],
  products: [
    { id: 11, code: '6901028000011', name: '七匹狼(通仙)', brand: '七匹狼' },
    { id: 12, code: '6901028000012', name: '七匹狼(通天)', brand: '七匹狼' },
  ],
  startDate: '2026-10-05',
  endDate: '2026-12-27',
  segment: { classes: ['demonstration', 'growth'] },
  customerIds: null,
  targetStores: 2000,
  goals: { shelvingRate: 0.85, sellThroughRate: 0.6, stockToSales: { min: 0.5, max: 1.5 } },
  actions: [{ kind: 'classroom', title: '通系列卖点课堂', date: '2026-10-12' }],
  ownerId: 2,
  ownerName: '营销中心 林',
  visitChecks: { visits: 4, items: [{ kind: 'classroom', title: '通系列卖点课堂', done: 3, listed: 4 }] },
  createdAt: '2026-10-01T02:00:00.000Z',
  updatedAt: '2026-10-01T02:00:00.000Z',
};

export const summary: ProgrammeSummary = {
  id: 7,
  name: programme.name,
  status: 'active',
  startDate: programme.startDate,
  endDate: programme.endDate,
  targetStores: 2000,
  goals: programme.goals,
  ownerId: 2,
  ownerName: '营销中心 林',
  productIds: [11, 12],
  updatedAt: '2026-10-01T02:00:00.000Z',
  products: programme.products,
  shelvingRate: 0.617,
  sellThroughRate: 0.652,
};

export function kpiRow(overrides: Partial<KpiRow> = {}): KpiRow {
  return {
    key: 'all',
    label: '全部',
    targetStores: 2000,
    stockedStores: 1234,
    stockedStoresObserved: 1100,
    reorderedStores: 805,
    shelvingRate: 0.617,
    shelvingRateObserved: 0.55,
    sellThroughRate: 0.6524,
    repeatRate: 0.5,
    repeatBase: 900,
    repeatStores: 450,
    quotaFill: 0.9,
    orderedCartons: 4500,
    allocatedCartons: 5000,
    fullLines: 300,
    orderedLines: 1200,
    fullLineRate: 0.25,
    stockToSalesRatio: 1.8,
    stockCartons: 3600,
    weeklySalesCartons: 2000,
    overStockStores: 120,
    outOfStockStores: 35,
    ...overrides,
  };
}

export const definitions: KpiDefinition[] = [
  {
    kpi: 'shelvingRate',
    version: 1,
    name: { zh: '上柜率（按订单）', en: 'Shelving rate (orders)' },
    formula: {
      zh: '期内订购过目标产品的目标客户 ÷ 目标客户（在营）',
      en: 'target stores that ordered ÷ target stores',
    },
  },
];
