import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type {
  AllocationDraft,
  IndexRow,
  MarginAnswer,
  MarginRow,
  Observation,
  Warning,
  WarningRule,
} from './prices.api.ts';

// The prices pages' tests: who signs in, and what the server answers for the seed city.

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

export const inspector: CurrentUser = {
  id: 4,
  username: 'inspector',
  displayName: '专卖稽查 王',
  role: 'inspector',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

export const products = {
  status: 200,
  body: {
    items: [
      {
        id: 11,
        code: '6901028000011',
        name: '七匹狼(通仙)',
        brand: '七匹狼',
        priceClass: 2,
        wholesalePrice: 210,
        retailPrice: 250,
      },
      {
        id: 12,
        code: '6901028000012',
        name: '七匹狼(通天)',
        brand: '七匹狼',
        priceClass: 1,
        wholesalePrice: 420,
        retailPrice: 500,
      },
      {
        id: 13,
        code: '6901028075862',
        name: '中华(硬)',
        brand: '中华',
        priceClass: 1,
        wholesalePrice: 450,
        retailPrice: 500,
      },
    ].map((product) => ({
      ...product,
      status: 'active',
      isNew: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
    total: 3,
    nextCursor: null,
  },
};

export function indexRow(overrides: Partial<IndexRow> = {}): IndexRow {
  return {
    key: '3',
    label: '芗城分公司',
    observations: 42,
    meanPackPrice: 23.4,
    suggestedPackPrice: 25,
    index: 93.6,
    simpleIndex: 93.6,
    weightedIndex: 93.6,
    weighting: 'product',
    products: 1,
    weightCartons: 0,
    ...overrides,
  };
}

export const definition = {
  zh: '价格指数 = 剔除离群值后的平均实际零售价 ÷ 建议零售价 × 100',
  en: 'Index = mean observed price after outliers ÷ suggested × 100',
};

export const warning: Warning = {
  id: 31,
  productId: 11,
  productName: '七匹狼(通仙)',
  productCode: '6901028000011',
  brand: '七匹狼',
  region: { kind: 'district', key: '350602', label: '芗城区' },
  week: '2026-W48',
  weekStart: '2026-11-23',
  firstWeek: '2026-W46',
  weeks: 3,
  index: 93.2,
  previousIndex: 94.1,
  observations: 37,
  meanPackPrice: 23.3,
  suggestedPackPrice: 25,
  level: 'yellow',
  rule: '指数 93.20 低于黄色下限 95（默认规则）',
  status: 'new',
  ownerId: null,
  ownerName: null,
  actionNote: '',
  createdAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
  acknowledgedAt: null,
  actionTakenAt: null,
  closedAt: null,
};

export const allocationDraft: AllocationDraft = {
  warningId: 31,
  cycle: { id: 52, code: '2026-W50', weekStart: '2026-12-07', status: 'draft' },
  createWeekStart: null,
  product: { id: 11, code: '6901028000011', name: '七匹狼(通仙)', brand: '七匹狼' },
  region: warning.region,
  segment: { districtCodes: ['350602'] },
  regionMultipliers: { districts: { '350602': 0.7 } },
  factor: 0.7,
  level: 'yellow',
  index: 93.2,
  suggestion: { zh: '芗城区投放调减', en: 'Reduce supply to 芗城区' },
};

export const defaultRule: WarningRule = {
  id: null,
  scope: 'default',
  priceClass: null,
  productId: null,
  productName: null,
  yellowFloor: 95,
  yellowCeiling: 105,
  redFloor: 90,
  redCeiling: 110,
  dropPoints: 5,
  minObservations: 5,
  updatedAt: null,
};

export function marginRow(overrides: Partial<MarginRow> = {}): MarginRow {
  return {
    key: '3',
    label: '芗城分公司',
    retailAmount: 1_250_000,
    wholesaleAmount: 1_102_500,
    margin: 0.118,
    cartons: 5000,
    stores: 120,
    sources: { own: 0.4, district: 0.5, suggested: 0.1 },
    lastYear: { retailAmount: 1_200_000, wholesaleAmount: 1_074_000, margin: 0.105 },
    change: 0.013,
    ...overrides,
  };
}

export const margin: MarginAnswer = {
  from: '2026-01-01',
  to: '2026-12-02',
  lastYearFrom: '2025-01-02',
  lastYearTo: '2025-12-03',
  groupBy: 'branch',
  storedWeeks: 47,
  liveWeeks: 1,
  asOf: '2026-12-02T02:00:00.000Z',
  rows: [marginRow()],
  total: marginRow({ key: 'all', label: '全市', margin: 0.1176, change: 0.0128 }),
};

export const observation: Observation = {
  id: 901,
  key: 'inspection:901:11',
  source: 'inspection',
  productId: 11,
  productName: '七匹狼(通仙)',
  brand: '七匹狼',
  customerId: null,
  storeName: null,
  licenceNo: null,
  marketPoint: '胜利路农贸市场',
  districtCode: '350602',
  branchId: 3,
  packPrice: 22,
  suggestedPackPrice: 25,
  observedAt: '2026-12-02T02:00:00.000Z',
  reportedBy: 4,
  reporterName: '专卖稽查 王',
  flagged: false,
  flagReason: null,
  note: '',
};
