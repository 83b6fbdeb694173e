import type { CreditDefinition } from './credit.api.ts';

// The server's default model (server/src/modules/credit/default-model.ts), as a page test's fixture.
export const defaultCreditModel: CreditDefinition = {
  base: 100,
  bands: [
    { level: 'AAA', min: 120 },
    { level: 'AA', min: 110 },
    { level: 'A', min: 100 },
    { level: 'B', min: 85 },
    { level: 'C', min: 70 },
    { level: 'D', min: null },
  ],
  rules: [
    { rule: 'late_payment', label: '逾期结算', points: -2, sourceKind: 'order' },
    { rule: 'failed_deduction', label: '扣款失败', points: -5, sourceKind: 'order' },
    { rule: 'violation_minor', label: '一般违规', points: -5, sourceKind: 'violation' },
    { rule: 'violation_major', label: '较重违规', points: -10, sourceKind: 'violation' },
    { rule: 'violation_severe', label: '严重违规', points: -20, sourceKind: 'violation' },
    { rule: 'unmarked_prices', label: '未明码标价（一季度 3 次及以上）', points: -3, sourceKind: 'visit', minCount: 3 },
    { rule: 'price_deviation', label: '价格偏离指导价', points: -2, sourceKind: 'visit' },
    { rule: 'unfounded_complaint', label: '不实投诉', points: -3, sourceKind: 'ticket' },
    { rule: 'malicious_complaint', label: '恶意投诉', points: -10, sourceKind: 'ticket' },
    { rule: 'ordering_streak', label: '连续 12 周期订货（修复激励）', points: 3, sourceKind: 'cycle', cycles: 12 },
  ],
  caps: [{ rule: 'severe_violation_12m', label: '12 个月内严重违规', capLevel: 'B' }],
  indicators: [
    {
      indicator: 'on_time_rate',
      label: '按时结算率',
      steps: [
        { min: 100, points: 2 },
        { min: 95, points: 1 },
      ],
    },
    {
      indicator: 'ordering_regularity',
      label: '订货规律性',
      steps: [
        { min: 90, points: 2 },
        { min: 70, points: 1 },
      ],
    },
    {
      indicator: 'tenure',
      label: '经营年限（月）',
      steps: [
        { min: 60, points: 2 },
        { min: 24, points: 1 },
      ],
    },
    {
      indicator: 'information_cooperation',
      label: '信息合作（次）',
      steps: [
        { min: 12, points: 2 },
        { min: 4, points: 1 },
      ],
    },
  ],
  activityAxis: true,
  alertSharePoints: 2,
};
