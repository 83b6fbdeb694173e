import type { CustomerInsert } from '../modules/customers/index.ts';
import { searchKeysOf } from '../modules/customers/index.ts';
import type { Bounds } from './fujian.ts';
import { personName, type Random } from './random.ts';
import type { DemoDistrict } from './zhangzhou.ts';

type Format = CustomerInsert['format'];

// 业态 shares of a typical city: grocery stores most, then convenience, tobacco & liquor, …
const formatShares: readonly (readonly [Format, number])[] = [
  ['grocery', 0.5],
  ['convenience', 0.21],
  ['tobacco_liquor', 0.14],
  ['supermarket', 0.08],
  ['entertainment', 0.045],
  ['mall', 0.015],
  ['other', 0.01],
];

const nameSuffixes: Record<Format, readonly string[]> = {
  grocery: ['食杂店', '商店', '小卖部', '杂货店'],
  convenience: ['便利店', '便利', '便民店'],
  tobacco_liquor: ['烟酒商行', '烟酒店', '名烟名酒'],
  supermarket: ['超市', '购物超市', '生活超市'],
  entertainment: ['网吧', 'KTV', '棋牌室', '台球室'],
  mall: ['商场', '购物中心', '百货'],
  other: ['宾馆商品部', '茶叶店', '加油站便利店'],
};

const namePrefixes = [
  ...['恒兴', '鑫源', '万家', '永盛', '福满', '金源', '祥和', '兴隆', '佳佳', '顺发', '新华', '大众'],
  ...['好运', '旺旺', '利民', '惠民', '家家乐', '天天', '宏达', '和顺', '源丰', '隆昌', '益华', '嘉禾'],
  ...['友谊', '阳光', '百佳', '红星', '金福', '聚福', '永辉', '华联', '春晖', '月港'],
];
const roads = [
  ...['胜利路', '新华路', '延安路', '瑞京路', '大同路', '解放路', '人民路', '建设路', '中山路', '元光路'],
  ...['水仙大街', '九龙大道', '迎宾路', '青年路', '博爱路', '南昌路', '金峰路', '工业路', '滨江路', '幸福路'],
];
const towns = ['城关', '新圩', '东风', '红星', '和平', '太平', '南山', '五里', '高坑', '石亭'];
const villageParts = ['东', '西', '南', '北', '前', '后', '新', '上', '下', '大'];
const tags = ['社区店', '学校周边', '景区', '农贸市场', '交通要道', '工业区'];

// Stores order on one day of the week, 周一 to 周六 (1–6); the demo's cycles close on the last.
export const lastDemoOrderDay = 6;

// Order channel (订货方式): the seed city orders 70.8% online.
const channelShares = [
  ['online', 0.708],
  ['phone', 0.22],
  ['visit', 0.072],
] as const;

export type DemoCustomerPlace = {
  district: DemoDistrict;
  // Where its coordinates fall: the district's box where one is drawn, else the city's.
  bounds: Bounds;
  branchId: number;
  orgPath: string;
  managerId: number;
};

// One realistic store in a district, with a licence serial unique in the district.
export function generateDemoCustomer(
  random: Random,
  place: DemoCustomerPlace,
  serial: number,
  tenantId: number,
  now: Date,
): CustomerInsert {
  const { district } = place;
  const format = random.weighted(formatShares);
  const owner = personName(random);
  const shortDistrict = district.name.replace(/[区县]$/, '');
  const roll = random.next();
  const prefix = roll < 0.2 ? shortDistrict : roll < 0.3 ? `阿${owner.slice(-1)}` : random.pick(namePrefixes);
  const name = `${prefix}${random.pick(nameSuffixes[format])}`;
  const isUrban = random.next() < district.urbanShare;
  const number = random.integer(1, 388);
  const address = isUrban
    ? `${district.name}${random.pick(roads)}${number}号`
    : `${district.name}${random.pick(towns)}镇${random.pick(villageParts)}${random.pick(['村', '洋', '坑', '厝'])}${number}号`;
  const [south, west, north, east] = place.bounds;
  const validDays = random.integer(30, 5 * 365);
  const statusRoll = random.next();
  return {
    tenantId,
    licenceNo: `${district.code}${String(serial).padStart(6, '0')}`,
    name,
    ...searchKeysOf({ name, owner, address }),
    owner,
    phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.integer(0, 999_999_999)).padStart(9, '0')}`,
    address,
    districtCode: district.code,
    urbanRural: isUrban ? 'urban' : 'rural',
    format,
    status: statusRoll < 0.96 ? 'active' : statusRoll < 0.98 ? 'suspended' : 'closed',
    managerId: place.managerId,
    branchId: place.branchId,
    orgPath: place.orgPath,
    // Mon–Sat: the order cycle leaves Sunday free.
    orderDay: random.integer(1, lastDemoOrderDay),
    orderChannel: random.weighted(channelShares),
    latitude: round(south + random.next() * (north - south), 6),
    longitude: round(west + random.next() * (east - west), 6),
    licenceValidUntil: new Date(now.getTime() + validDays * 86_400_000).toISOString().slice(0, 10),
    tags: random.next() < 0.2 ? [random.pick(tags)] : [],
    createdAt: now,
    updatedAt: now,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
