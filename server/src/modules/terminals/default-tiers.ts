import type { TierItem } from './terminals.rules.ts';

// The four tiers the seed city built (品牌形象店, 品牌精品店, 品牌示范店, 品牌体验店), highest first as the
// issue lists them, seeded into a tenant on first use and edited there. Every tier is scored on
// 吕梁's 五度 (20 points each, 100 in all); the mandatory items grow with the tier. Items share
// their ids across tiers, so a failed re-inspection can tell which lower tier's standard the same
// results still meet.

const fiveDegrees: TierItem[] = [
  { id: 'visible', name: '显眼度（陈列位置醒目、顾客一眼可见）', category: 'display', mandatory: false, maxScore: 20 },
  { id: 'clean', name: '整洁度（柜台、货架、烟柜干净整齐）', category: 'display', mandatory: false, maxScore: 20 },
  { id: 'stocked', name: '丰富度（品规齐全、不断档）', category: 'display', mandatory: false, maxScore: 20 },
  { id: 'brands', name: '规范度（重点品牌按要求陈列）', category: 'display', mandatory: false, maxScore: 20 },
  { id: 'sustained', name: '持续度（自上次评定以来保持良好）', category: 'display', mandatory: false, maxScore: 20 },
];

const item = (id: string, name: string, category: TierItem['category']): TierItem => ({
  id,
  name,
  category,
  mandatory: true,
  maxScore: 0,
});

const licence = item('licence', '亮证经营、明码标价', 'service');
const rack = item('rack', '标准烟架', 'fixtures');
const cabinet = item('cabinet', '标准烟柜', 'fixtures');
const signage = item('signage', '统一门头招牌', 'signage');
const ordering = item('digital-ordering', '网上订货、扫码结算', 'digital');
const screen = item('screen', '数字屏（品牌宣传）', 'digital');
const service = item('service', '服务规范（文明服务、消费引导）', 'service');

export type DefaultTier = {
  name: string;
  rank: number;
  passScore: number;
  fundingYuan: number;
  fixtures: string[];
  reinspectionMonths: number;
  items: TierItem[];
};

export const defaultTerminalTiers: readonly DefaultTier[] = [
  {
    name: '品牌形象店',
    rank: 4,
    passScore: 90,
    fundingYuan: 20_000,
    fixtures: ['烟柜', '烟架', '招牌', '数字屏'],
    reinspectionMonths: 6,
    items: [licence, cabinet, rack, signage, ordering, screen, service, ...fiveDegrees],
  },
  {
    name: '品牌精品店',
    rank: 3,
    passScore: 85,
    fundingYuan: 10_000,
    fixtures: ['烟柜', '烟架', '招牌'],
    reinspectionMonths: 6,
    items: [licence, cabinet, rack, signage, ordering, service, ...fiveDegrees],
  },
  {
    name: '品牌示范店',
    rank: 2,
    passScore: 80,
    fundingYuan: 5_000,
    fixtures: ['烟柜', '烟架'],
    reinspectionMonths: 12,
    items: [licence, cabinet, rack, ordering, ...fiveDegrees],
  },
  {
    name: '品牌体验店',
    rank: 1,
    passScore: 75,
    fundingYuan: 3_000,
    fixtures: ['烟架', '烟套'],
    reinspectionMonths: 12,
    items: [licence, rack, ...fiveDegrees],
  },
];
