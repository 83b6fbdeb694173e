import type { CustomerFormat, CustomerStatus, OrderChannel, UrbanRural } from './customers.schema.ts';

// Chinese labels of the code names, for exports, imports and the console.
export const customerFormatLabels: Record<CustomerFormat, string> = {
  convenience: '便利店',
  supermarket: '超市',
  grocery: '食杂店',
  tobacco_liquor: '烟酒商店',
  entertainment: '娱乐服务',
  mall: '商场',
  other: '其他',
};

export const customerStatusLabels: Record<CustomerStatus, string> = {
  active: '正常',
  suspended: '暂停',
  closed: '歇业',
  cancelled: '注销',
};

export const urbanRuralLabels: Record<UrbanRural, string> = { urban: '城镇', rural: '乡村' };

export const orderChannelLabels: Record<OrderChannel, string> = { online: '网上', phone: '电话', visit: '上门' };

// How the list may be sorted; '-' means descending.
export const customerSorts = ['licenceNo', '-licenceNo', 'name', '-name', 'updatedAt', '-updatedAt'] as const;
export type CustomerSort = (typeof customerSorts)[number];

export type DistrictData = { code: string; name: string; urbanShare: number };

// 漳州市 (Zhangzhou, Fujian): its 11 districts, GB/T 2260 as of 2021 (龙海 and 长泰 became
// districts that year). A new city company is given its districts from lists like this one.
export const zhangzhouDistricts: readonly DistrictData[] = [
  { code: '350602', name: '芗城区', urbanShare: 0.92 },
  { code: '350603', name: '龙文区', urbanShare: 0.85 },
  { code: '350604', name: '龙海区', urbanShare: 0.55 },
  { code: '350605', name: '长泰区', urbanShare: 0.45 },
  { code: '350622', name: '云霄县', urbanShare: 0.4 },
  { code: '350623', name: '漳浦县', urbanShare: 0.38 },
  { code: '350624', name: '诏安县', urbanShare: 0.36 },
  { code: '350626', name: '东山县', urbanShare: 0.5 },
  { code: '350627', name: '南靖县', urbanShare: 0.35 },
  { code: '350628', name: '平和县', urbanShare: 0.33 },
  { code: '350629', name: '华安县', urbanShare: 0.3 },
];
