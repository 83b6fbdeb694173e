import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { customerCredit } from '../../test/credit-fixture.ts';
import type {
  Appeal,
  AppealListItem,
  CreditModel,
  CreditRun,
  Distribution,
  RunStorePage,
  ViolationPage,
} from './credit.api.ts';
import { defaultCreditModel } from './credit-default-model.fixture.ts';

// The credit pages' tests: who signs in, and what the server answers (credit.contract.ts) for
// the seed city's November run.

const tenant = { id: 1, name: '漳州市烟草公司' };

export const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林',
  role: 'marketing',
  tenant,
  orgUnit: tenant,
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

export const inspector: CurrentUser = {
  ...marketing,
  id: 4,
  username: 'inspector',
  displayName: '督察 王',
  role: 'inspector',
};

export const levels = (counts: [number, number, number, number, number, number]) => {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return (['AAA', 'AA', 'A', 'B', 'C', 'D'] as const).map((level, index) => ({
    level,
    count: counts[index] ?? 0,
    share: Math.round(((counts[index] ?? 0) / total) * 1000) / 10,
  }));
};

export const model = (overrides: Partial<CreditModel> = {}): CreditModel => ({
  id: 1,
  version: 1,
  name: '信用评价模型（默认）',
  status: 'approved',
  definition: defaultCreditModel,
  createdAt: '2026-01-05T02:00:00.000Z',
  approvedAt: '2026-01-06T02:00:00.000Z',
  ...overrides,
});

export const distribution: Distribution = {
  total: 2000,
  levels: levels([12, 58, 1910, 14, 4, 2]),
  runId: 12,
  effectiveFrom: '2026-12-01',
  groups: [
    { key: '3', label: '芗城分公司', total: 1200, levels: levels([8, 30, 1150, 8, 3, 1]) },
    { key: '4', label: '龙文分公司', total: 800, levels: levels([4, 28, 760, 6, 1, 1]) },
  ],
};

export const run = (overrides: Partial<CreditRun> = {}): CreditRun => ({
  id: 12,
  modelId: 1,
  month: '2026-11',
  status: 'computed',
  effectiveFrom: null,
  createdAt: '2026-12-01T01:00:00.000Z',
  computedAt: '2026-12-01T01:00:05.000Z',
  publishedAt: null,
  summary: {
    total: 2000,
    levels: levels([12, 58, 1910, 14, 4, 2]),
    branches: [
      { branchId: 3, branchName: '芗城分公司', total: 1200, up: 9, down: 4, changed: 13 },
      { branchId: 4, branchName: '龙文分公司', total: 800, up: 3, down: 0, changed: 3 },
    ],
    movers: [
      { customerId: 280, name: '红星便利', branchName: '芗城分公司', from: 'A', to: 'B', fromScore: 101, toScore: 84 },
      {
        customerId: 281,
        name: '金叶烟酒',
        branchName: '龙文分公司',
        from: 'A',
        to: 'AA',
        fromScore: 108,
        toScore: 111,
      },
    ],
    alerts: [{ level: 'AA', fromShare: 0.5, toShare: 2.9, points: 2.4 }],
    comparedWithRunId: 11,
  },
  ...overrides,
});

export const storePage: RunStorePage = {
  total: 1,
  page: 1,
  pageSize: 20,
  items: [
    {
      customerId: 280,
      licenceNo: '350602100009',
      name: '红星便利',
      branchId: 3,
      branchName: '芗城分公司',
      score: 84,
      level: 'B',
      activity: 3,
      previousLevel: 'A',
      previousScore: 101,
    },
  ],
};

export { customerCredit };

const appealBase = {
  id: 5,
  customerId: 280,
  runId: 12,
  itemKey: 'late_payment:order:812',
  reason: '该笔货款已于当天结清，银行回单见照片。',
  photoIds: [31],
  status: 'open' as const,
  dueOn: '2026-12-22',
  decidedAt: null,
  note: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  customerName: '红星便利',
  licenceNo: '350602100009',
  branchName: '芗城分公司',
  decidedByName: null,
};

export const appealListItem = (overrides: Partial<AppealListItem> = {}): AppealListItem => ({
  ...appealBase,
  ...overrides,
});

export const appeal = (overrides: Partial<Appeal> = {}): Appeal => ({
  ...appealBase,
  item: customerCredit.items[1] ?? null,
  level: 'B',
  score: 84,
  ...overrides,
});

export const violations: ViolationPage = {
  total: 2,
  page: 1,
  pageSize: 20,
  items: [
    {
      id: 7,
      customerId: 280,
      customerName: '红星便利',
      licenceNo: '350602100009',
      occurredOn: '2026-10-12',
      type: 'illegal_purchase',
      severity: 'major',
      documentNo: '漳烟专罚〔2026〕31号',
      note: null,
      source: 'entered',
      createdAt: '2026-10-13T02:00:00.000Z',
      voidedAt: null,
      voidReason: null,
    },
    {
      id: 6,
      customerId: 281,
      customerName: '金叶烟酒',
      licenceNo: '350602100010',
      occurredOn: '2026-08-02',
      type: 'price',
      severity: 'minor',
      documentNo: '漳烟专罚〔2026〕12号',
      note: null,
      source: 'imported',
      createdAt: '2026-08-03T02:00:00.000Z',
      voidedAt: '2026-08-05T02:00:00.000Z',
      voidReason: '录入重复',
    },
  ],
};
