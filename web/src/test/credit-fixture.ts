import type { CustomerCredit } from '../shared/credit.ts';

// A store's credit as GET /customers/:id/credit (and, with howToRaise, GET /portal/credit) answers:
// level B under a cap, four ledger items (one under an open appeal), two indicators, two months.
export const customerCredit: CustomerCredit = {
  customerId: 280,
  level: 'B',
  score: 84,
  effectiveFrom: '2026-12-01',
  runId: 12,
  month: '2026-11',
  base: 100,
  items: [
    {
      key: 'violation_major:violation:7',
      rule: 'violation_major',
      label: '较重违规',
      points: -10,
      source: { kind: 'violation', id: '7', at: '2026-10-12' },
    },
    {
      key: 'late_payment:order:812',
      rule: 'late_payment',
      label: '逾期结算',
      points: -2,
      source: { kind: 'order', id: '812', at: '2026-11-03' },
      frozen: true,
    },
    {
      key: 'unfounded_complaint:ticket:55',
      rule: 'unfounded_complaint',
      label: '不实投诉',
      points: -3,
      source: { kind: 'ticket', id: '55', at: '2026-09-20' },
    },
    {
      key: 'on_time_rate:indicator:on_time_rate',
      rule: 'on_time_rate',
      label: '按时结算率',
      points: -1,
      source: { kind: 'indicator', id: 'on_time_rate', at: '2026-11-30' },
    },
  ],
  caps: [
    {
      rule: 'severe_violation_12m',
      label: '12 个月内严重违规',
      capLevel: 'B',
      source: { kind: 'violation', id: '7', at: '2026-10-12' },
    },
  ],
  indicators: [
    { indicator: 'on_time_rate', label: '按时结算率', value: 92.5, points: 0 },
    { indicator: 'tenure', label: '经营年限（月）', value: 40, points: 1 },
  ],
  activity: 3,
  history: [
    { runId: 11, month: '2026-10', effectiveFrom: '2026-11-01', level: 'A', score: 101 },
    { runId: 12, month: '2026-11', effectiveFrom: '2026-12-01', level: 'B', score: 84 },
  ],
  appeal: {
    id: 5,
    customerId: 280,
    runId: 12,
    itemKey: 'late_payment:order:812',
    reason: '该笔货款已于当天结清，银行回单见照片。',
    photoIds: [31],
    status: 'open',
    dueOn: '2026-12-22',
    decidedAt: null,
    note: null,
    createdAt: '2026-12-01T08:00:00.000Z',
  },
};
