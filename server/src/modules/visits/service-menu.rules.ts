import type { CustomerClass } from '../customers/index.ts';
import type { ServiceCategory } from './visits.schema.ts';

// 菜单式服务: the default menu (5 大类 24 小项, 12 of them 品牌培育) and the service-method ratings.

export type DefaultServiceItem = {
  code: string;
  category: ServiceCategory;
  name: string;
  standard: string;
  frequency: string;
  performedBy: string;
  entitledClasses: CustomerClass[];
};

const all: CustomerClass[] = ['demonstration', 'growth', 'ordinary', 'special'];
const demoGrowth: CustomerClass[] = ['demonstration', 'growth'];
const demoOnly: CustomerClass[] = ['demonstration'];
const manager = '客户经理' as const;

// Keeps each default's texts as literal types: the console's English for
// them is typed by these texts (web/src/shared/i18n/built-in-names.ts).
function item<
  const Name extends string,
  const Standard extends string,
  const Frequency extends string,
  const PerformedBy extends string = typeof manager,
>(
  code: string,
  category: ServiceCategory,
  name: Name,
  standard: Standard,
  frequency: Frequency,
  entitledClasses: CustomerClass[],
  performedBy: PerformedBy = manager as PerformedBy,
): DefaultServiceItem & { name: Name; standard: Standard; frequency: Frequency; performedBy: PerformedBy } {
  return { code, category, name, standard, frequency, performedBy, entitledClasses };
}

export const defaultServiceMenu = [
  item('B01', 'brand', '新品推介', '新品上市两周内上门介绍卖点、价格与目标消费群', '新品上市时', all),
  item('B02', 'brand', '卖点培训', '讲解重点品牌的口味、包装与话术，现场演练', '每月1次', demoGrowth),
  item('B03', 'brand', '陈列指导', '按陈列标准调整柜台与背柜，拍照留痕', '每次走访', all),
  item('B04', 'brand', '宣传促销物料', '配送并布置品牌宣传物料，登记去向', '按投放计划', demoGrowth),
  item('B05', 'brand', '品牌课堂', '组织零售户参加品牌知识课堂', '每季度1次', demoOnly, '营销中心'),
  item('B06', 'brand', '目标消费者追踪', '协助记录重点品牌目标消费者的购买情况', '每月1次', demoOnly),
  item('B07', 'brand', '上柜跟踪', '检查目标品牌是否上柜并记录', '每次走访', all),
  item('B08', 'brand', '动销跟踪', '跟踪重点品牌的周销量与动销情况', '每两周1次', demoGrowth),
  item('B09', 'brand', '库存跟踪', '盘点重点品牌库存，提示断货与积压', '每次走访', all),
  item('B10', 'brand', '品牌信息传递', '传递品牌投放、价格与市场动态', '每月1次', all),
  item('B11', 'brand', '市场反馈收集', '收集消费者与零售户对品牌的意见', '每月1次', demoGrowth),
  item('B12', 'brand', '品牌培育示范', '在示范店开展品牌培育示范与经验推广', '每季度1次', demoOnly),
  item('G01', 'guidance', '销售数据分析', '分析近期进销存数据并给出建议', '每月1次', demoGrowth),
  item('G02', 'guidance', '经营策略指导', '结合商圈与客群制定经营策略', '每季度1次', demoGrowth),
  item('G03', 'guidance', '品类管理', '指导品类结构与价位段布局', '每季度1次', demoOnly),
  item('I01', 'image', '店面设计', '协助店招、柜台与动线设计', '按需', demoOnly, '营销中心'),
  item('I02', 'image', '陈列标准', '按终端陈列标准检查并整改', '每次走访', all),
  item('I03', 'image', '设施支持', '配置或维护陈列柜、价签等设施', '按需', demoGrowth, '营销中心'),
  item('N01', 'information', '营销信息', '推送货源、价格与促销信息', '每周', all),
  item('N02', 'information', '政策法规宣传', '宣传专卖法规与经营政策', '每季度1次', all),
  item('N03', 'information', '真假烟鉴别', '讲解真假卷烟鉴别方法', '每半年1次', all),
  item('C01', 'convenience', '网上订货辅导', '指导网上订货操作与问题处理', '按需', all),
  item('C02', 'convenience', '结算与刷卡服务', '办理电子结算与刷卡相关事宜', '按需', all, '客服中心'),
  item('C03', 'convenience', '店员培训', '培训店员的卷烟知识与服务规范', '每半年1次', demoGrowth),
] as const satisfies readonly DefaultServiceItem[];

// The texts of the default menu, which the console shows in English in English.
type DefaultItem = (typeof defaultServiceMenu)[number];
export type DefaultServiceText =
  | DefaultItem['name']
  | DefaultItem['standard']
  | DefaultItem['frequency']
  | DefaultItem['performedBy'];

// A store's menu: the active items its class is entitled to (a store not yet classified: 普通客户).
export function entitledItemsOf<T extends { entitledClasses: readonly string[]; active: boolean }>(
  items: readonly T[],
  classCode: CustomerClass | null,
): T[] {
  const effective = classCode ?? 'ordinary';
  return items.filter((candidate) => candidate.active && candidate.entitledClasses.includes(effective));
}

// 按信用等级限定: an item limited to credit levels is for stores holding one of them on the day they
// ask (the level in force); an item without a limit (null or empty) is for every level.
export function isOpenToCreditLevel(item: { creditLevels: readonly string[] | null }, level: string | null): boolean {
  if (!item.creditLevels || item.creditLevels.length === 0) return true;
  return level !== null && item.creditLevels.includes(level);
}

// 服务方式库: a method's average on each axis and overall; below the threshold with enough ratings,
// it is flagged for retirement.
export const retirementThreshold = 2.5;
export const minimumRatingsToJudge = 3;

export type MethodRating = { itemId: number; effectiveness: number; pertinence: number; economy: number };

export type MethodScore = {
  itemId: number;
  ratings: number;
  effectiveness: number | null;
  pertinence: number | null;
  economy: number | null;
  overall: number | null;
  isFlaggedForRetirement: boolean;
};

export function rankServiceMethods(itemIds: readonly number[], ratings: readonly MethodRating[]): MethodScore[] {
  const sums = new Map<number, { n: number; e: number; p: number; c: number }>();
  for (const id of itemIds) sums.set(id, { n: 0, e: 0, p: 0, c: 0 });
  for (const rating of ratings) {
    const sum = sums.get(rating.itemId);
    if (!sum) continue;
    sum.n += 1;
    sum.e += rating.effectiveness;
    sum.p += rating.pertinence;
    sum.c += rating.economy;
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  const scores = [...sums.entries()].map(([itemId, sum]): MethodScore => {
    if (sum.n === 0)
      return {
        itemId,
        ratings: 0,
        effectiveness: null,
        pertinence: null,
        economy: null,
        overall: null,
        isFlaggedForRetirement: false,
      };
    const overall = (sum.e + sum.p + sum.c) / (3 * sum.n);
    return {
      itemId,
      ratings: sum.n,
      effectiveness: round(sum.e / sum.n),
      pertinence: round(sum.p / sum.n),
      economy: round(sum.c / sum.n),
      overall: round(overall),
      isFlaggedForRetirement: sum.n >= minimumRatingsToJudge && overall < retirementThreshold,
    };
  });
  // Best first; unrated last, in menu order.
  return scores.sort((a, b) => (b.overall ?? -1) - (a.overall ?? -1) || a.itemId - b.itemId);
}
