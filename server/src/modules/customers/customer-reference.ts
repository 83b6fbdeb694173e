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
