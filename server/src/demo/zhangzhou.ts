// The demo city: 漳州市 (Zhangzhou, Fujian), the city of the seed report. District codes are
// GB/T 2260 as of 2021 (龙海 and 长泰 became districts that year).
export const demoCity = {
  tenantCode: 'zhangzhou',
  name: '漳州市烟草公司',
  province: '福建省',
} as const;

export type DemoDistrict = { code: string; name: string; urbanShare: number };

// Its 11 districts (licence numbers start with their codes), each with the share of its stores that
// are in towns (城镇) rather than villages.
export const demoDistricts: readonly DemoDistrict[] = [
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

// Rough bounding boxes [south, west, north, east] of each district, for store coordinates.
export const districtBounds: Record<string, readonly [number, number, number, number]> = {
  '350602': [24.48, 117.58, 24.56, 117.7],
  '350603': [24.48, 117.7, 24.56, 117.8],
  '350604': [24.3, 117.7, 24.55, 118.05],
  '350605': [24.55, 117.7, 24.8, 118.05],
  '350622': [23.85, 117.2, 24.1, 117.45],
  '350623': [23.9, 117.5, 24.3, 117.95],
  '350624': [23.6, 116.95, 24.0, 117.3],
  '350626': [23.6, 117.35, 23.8, 117.55],
  '350627': [24.4, 117.05, 24.9, 117.45],
  '350628': [24.0, 116.9, 24.45, 117.45],
  '350629': [24.85, 117.35, 25.2, 117.75],
};

// County branches (县级营销部). The two central districts share the city branch, as is common.
// `share` is the branch's part of the city's ~24,000 stores and ~200 customer managers.
export type DemoBranch = { code: string; name: string; districtCodes: readonly string[]; share: number };

export const demoBranches: readonly DemoBranch[] = [
  { code: 'xc', name: '市区营销部', districtCodes: ['350602', '350603'], share: 0.2 },
  { code: 'lh', name: '龙海营销部', districtCodes: ['350604'], share: 0.14 },
  { code: 'ct', name: '长泰营销部', districtCodes: ['350605'], share: 0.05 },
  { code: 'yx', name: '云霄营销部', districtCodes: ['350622'], share: 0.08 },
  { code: 'zp', name: '漳浦营销部', districtCodes: ['350623'], share: 0.13 },
  { code: 'za', name: '诏安营销部', districtCodes: ['350624'], share: 0.1 },
  { code: 'ds', name: '东山营销部', districtCodes: ['350626'], share: 0.05 },
  { code: 'nj', name: '南靖营销部', districtCodes: ['350627'], share: 0.1 },
  { code: 'ph', name: '平和营销部', districtCodes: ['350628'], share: 0.1 },
  { code: 'ha', name: '华安营销部', districtCodes: ['350629'], share: 0.05 },
];

// Departments of the city company where the other staff roles sit.
export const demoDepartments = [
  { code: 'marketing', name: '营销中心' },
  { code: 'service', name: '客户服务中心' },
  { code: 'inspection', name: '督察考评办' },
  { code: 'it', name: '信息中心' },
] as const;
