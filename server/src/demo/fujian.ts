import { type Division, districtsOfCity } from '../modules/customers/index.ts';
import type { DemoBranch, DemoDistrict } from './zhangzhou.ts';

// The province demo (`kewo demo --scale province`): every prefecture-level city company of 福建省
// in one deployment — 漳州市 first, exactly as the city demo makes it, then the other eight.
// Their districts come from the GB/T 2260 data file (districtsOfCity); sizes follow the 2020
// census population, so the province holds ~250,000 stores.
export type Bounds = readonly [south: number, west: number, north: number, east: number];

export type ProvinceCity = {
  cityCode: string;
  // Tenant code, and the prefix of its staff usernames (fuzhou-admin, fuzhou-manager01):
  // usernames are unique across a deployment.
  tenantCode: string;
  name: string;
  population: number;
  // Rough bounding box of the city: store coordinates fall inside it (district boxes are drawn
  // for 漳州 only).
  bounds: Bounds;
};

export const provinceName = '福建省';
export const provinceCustomerCount = 250_000;
// 漳州's share of the province total: the default province keeps the city demo's 24,000 stores.
export const zhangzhouShare = 24_000 / provinceCustomerCount;
// One customer manager for ~120 stores (漳州: 200 for 24,000).
export const storesPerManager = 120;

// Population in 10,000s (第七次全国人口普查, 2020).
export const otherFujianCities: readonly ProvinceCity[] = [
  { cityCode: '3501', tenantCode: 'fuzhou', name: '福州市', population: 829, bounds: [25.25, 118.1, 26.65, 119.95] },
  { cityCode: '3502', tenantCode: 'xiamen', name: '厦门市', population: 516, bounds: [24.4, 117.9, 24.85, 118.4] },
  { cityCode: '3503', tenantCode: 'putian', name: '莆田市', population: 321, bounds: [24.95, 118.65, 25.7, 119.35] },
  { cityCode: '3504', tenantCode: 'sanming', name: '三明市', population: 249, bounds: [25.5, 116.4, 27.05, 118.25] },
  { cityCode: '3505', tenantCode: 'quanzhou', name: '泉州市', population: 878, bounds: [24.5, 117.6, 25.9, 118.95] },
  { cityCode: '3507', tenantCode: 'nanping', name: '南平市', population: 268, bounds: [26.3, 117.05, 28.3, 118.95] },
  { cityCode: '3508', tenantCode: 'longyan', name: '龙岩市', population: 272, bounds: [24.45, 115.9, 26.0, 117.7] },
  { cityCode: '3509', tenantCode: 'ningde', name: '宁德市', population: 315, bounds: [26.3, 118.55, 27.65, 120.45] },
];

// 金门县 (350527) is in GB/T 2260 under 泉州, but no licence is issued there from the mainland.
const districtsWithoutStores = new Set(['350527']);

// Share of a district's stores in towns (城镇): highest in a city's 区, then in its county-level
// cities (县级市), lowest in 县 and 旗.
export function urbanShareOf(districtName: string): number {
  if (districtName.endsWith('区')) return 0.8;
  if (districtName.endsWith('市')) return 0.55;
  return 0.38;
}

// Weight of a district in its city's stores (and so its branch's staff): a county-level city is
// typically the largest, a county the smallest.
function storeWeightOf(districtName: string): number {
  if (districtName.endsWith('市')) return 1.3;
  if (districtName.endsWith('区')) return 1;
  return 0.8;
}

export function demoDistrictsOf(city: ProvinceCity): DemoDistrict[] {
  return districtsOfCity(city.cityCode)
    .filter((district) => !districtsWithoutStores.has(district.code))
    .map((district: Division) => ({ ...district, urbanShare: urbanShareOf(district.name) }));
}

// One county branch (县级营销部) per district, named after it (鼓楼区 → 鼓楼营销部).
export function demoBranchesOf(districts: readonly DemoDistrict[]): DemoBranch[] {
  const total = districts.reduce((sum, district) => sum + storeWeightOf(district.name), 0);
  return districts.map((district) => ({
    code: `d${district.code}`,
    name: `${district.name.length > 2 ? district.name.slice(0, -1) : district.name}营销部`,
    districtCodes: [district.code],
    share: storeWeightOf(district.name) / total,
  }));
}
