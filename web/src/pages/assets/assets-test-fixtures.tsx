import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { testManager } from '../../test/customer-tab.tsx';
import type { Asset, AssetDetail } from './assets.api.ts';

// The fixture register's tests: who signs in, and what the server answers for two fixtures of
// the seed city — a cabinet at a store in business, and one at a store that has closed.

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

export const manager = testManager;

// Everything marketing may do with the register.
export const keeperOperations = [
  'POST /api/v1/assets',
  'POST /api/v1/assets/import',
  'POST /api/v1/assets/:id/issue',
  'POST /api/v1/assets/:id/transfers',
  'POST /api/v1/assets/:id/return',
  'POST /api/v1/assets/:id/write-off',
  'POST /api/v1/assets/:id/audits',
];

export const cabinet: Asset = {
  id: 41,
  tag: 'YG-2026-0041',
  type: 'cabinet',
  model: '立式烟柜 1.2 米',
  valueYuan: 1800,
  status: 'issued',
  customerId: 280,
  customerName: '芗城区好运便利店',
  licenceNo: '350602100280',
  heldSince: '2026-03-01',
  condition: 'good',
  lastAuditedOn: '2026-03-01',
  nextAuditOn: '2026-09-01',
  auditIntervalMonths: 6,
  auditOverdue: true,
  forRecovery: false,
  writeOffReason: null,
  note: null,
};

export const rackAtClosedStore: Asset = {
  ...cabinet,
  id: 42,
  tag: 'YJ-2026-0042',
  type: 'rack',
  model: null,
  valueYuan: 300,
  customerId: 281,
  customerName: '龙文区平安烟酒行',
  licenceNo: '350603100281',
  condition: 'damaged',
  auditOverdue: false,
  forRecovery: true,
  nextAuditOn: '2027-03-01',
};

export const cabinetDetail: AssetDetail = {
  ...cabinet,
  history: [
    {
      id: 1,
      kind: 'register',
      fromCustomerId: null,
      fromCustomerName: null,
      toCustomerId: null,
      toCustomerName: null,
      condition: null,
      visitId: null,
      photoId: null,
      note: null,
      actorName: '营销中心 林',
      occurredAt: '2026-03-01T02:00:00.000Z',
    },
    {
      id: 2,
      kind: 'issue',
      fromCustomerId: null,
      fromCustomerName: null,
      toCustomerId: 280,
      toCustomerName: '芗城区好运便利店',
      condition: null,
      visitId: null,
      photoId: null,
      note: null,
      actorName: '营销中心 林',
      occurredAt: '2026-03-01T02:05:00.000Z',
    },
    {
      id: 3,
      kind: 'audit',
      fromCustomerId: null,
      fromCustomerName: null,
      toCustomerId: null,
      toCustomerName: null,
      condition: 'fair',
      visitId: 9001,
      photoId: 77,
      note: '柜门松动',
      actorName: '客户经理 陈',
      occurredAt: '2026-06-01T03:00:00.000Z',
    },
  ],
};
