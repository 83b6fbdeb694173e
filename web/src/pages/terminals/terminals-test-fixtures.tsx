import type { Application, AwardedStore, Inspection, StoreTerminal, Tier } from './terminals.api.ts';

// The terminal pages' tests: the seed city's 品牌示范店 (two mandatory items and 五度 scored, pass
// 60) and one store's application, inspection and award.

export const tier: Tier = {
  id: 3,
  name: '品牌示范店',
  rank: 2,
  passScore: 60,
  maxScore: 40,
  fundingYuan: 5000,
  fixtures: ['烟架', '招牌'],
  reinspectionMonths: 12,
  active: true,
  items: [
    { id: 'licence', name: '亮证经营、明码标价', category: 'service', mandatory: true, maxScore: 0 },
    { id: 'visible', name: '显眼度', category: 'display', mandatory: false, maxScore: 20 },
    { id: 'clean', name: '整洁度', category: 'display', mandatory: false, maxScore: 20 },
  ],
};
export const higherTier: Tier = { ...tier, id: 2, name: '品牌精品店', rank: 3, fundingYuan: 10_000 };

export const application = (extra: Partial<Application> = {}): Application => ({
  id: 41,
  customerId: 280,
  licenceNo: '350602100280',
  customerName: '芗城便民店',
  branchId: 3,
  branchName: '芗城分公司',
  tierId: tier.id,
  tierName: tier.name,
  status: 'submitted',
  source: 'portal',
  note: '门店面积 40 平方米',
  photoIds: [501, 502],
  createdAt: '2026-12-01T02:00:00.000Z',
  reviewedAt: null,
  reviewNote: null,
  decidedAt: null,
  decisionNote: null,
  ...extra,
});

export const inspection: Inspection = {
  id: 61,
  customerId: 280,
  customerName: '芗城便民店',
  tierId: tier.id,
  tierName: tier.name,
  applicationId: 41,
  inspectedAt: '2026-12-03T03:00:00.000Z',
  inspectorName: '客户经理 陈',
  score: 34,
  passScore: 30,
  awarded: true,
  outcome: 'awarded',
  reason: null,
  note: null,
  photoIds: [601, 602, 603],
};

export const awardedStore: AwardedStore = {
  customerId: 280,
  licenceNo: '350602100280',
  name: '芗城便民店',
  address: '芗城区胜利路 12 号',
  storeStatus: 'active',
  branchId: 3,
  branchName: '芗城分公司',
  managerName: '客户经理 陈',
  tierId: tier.id,
  tierName: tier.name,
  awardedOn: '2025-12-03',
  dueOn: '2026-12-03',
  overdue: true,
};

export const storeTerminal: StoreTerminal = {
  customerId: 280,
  award: {
    id: 71,
    tierId: tier.id,
    tierName: tier.name,
    status: 'active',
    awardedOn: '2025-12-03',
    dueOn: '2026-12-03',
    overdue: true,
    endedOn: null,
    endReason: null,
  },
  nextDueOn: '2026-12-03',
  history: [],
  applications: [application({ status: 'awarded' })],
  inspections: [inspection],
};
