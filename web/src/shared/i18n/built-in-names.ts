import { useTranslation } from 'react-i18next';
import type {
  DefaultCategoryName,
  DefaultServiceFailureName,
} from '../../../../server/src/modules/tickets/ticket-reference.ts';
import type { DefaultServiceText } from '../../../../server/src/modules/visits/service-menu.rules.ts';

// A city company's complaint categories, service failures and service menu are its data, in
// Chinese: it renames them and adds its own. It starts from the server's defaults
// (tickets/ticket-reference.ts, visits/service-menu.rules.ts), whose texts are known here, so
// English mode shows a default's English while the company still uses the default's words, and
// the company's own words otherwise (a renamed or added entry has no translation to show). Keyed
// by the Chinese text, as gettext keys by its source text: the display sites have the name, and a
// renamed default stops matching by itself. Typed by the defaults: a new one without its English
// fails to compile.
type BuiltInText = DefaultCategoryName | DefaultServiceFailureName | DefaultServiceText;

export const builtInEnglish: Record<BuiltInText, string> = {
  // 客户抱怨库 (complaint categories)
  服务态度: 'Service attitude',
  服务及时性: 'Service timeliness',
  服务规范: 'Service conduct',
  送货服务: 'Delivery',
  货源供应: 'Supply availability',
  产品质量: 'Product quality',
  价格: 'Price',
  许可证办理: 'Licensing',
  专卖检查: 'Monopoly inspection',
  市场秩序与假烟: 'Market order and counterfeits',
  订货系统: 'Ordering system',
  其他: 'Other',
  // 常见服务失误 (service failures)
  送货延误: 'Late delivery',
  错送漏送: 'Wrong or missing goods',
  服务人员态度生硬: 'Curt staff',
  货源投放解释不清: 'Supply allocation not explained',
  订货系统故障: 'Ordering system failure',
  答复不及时: 'Late reply',
  // 菜单式服务 (the service menu): names
  新品推介: 'New product introduction',
  卖点培训: 'Selling-point training',
  陈列指导: 'Display guidance',
  宣传促销物料: 'Promotional materials',
  品牌课堂: 'Brand class',
  目标消费者追踪: 'Target consumer tracking',
  上柜跟踪: 'Listing tracking',
  动销跟踪: 'Sell-through tracking',
  库存跟踪: 'Stock tracking',
  品牌信息传递: 'Brand news',
  市场反馈收集: 'Market feedback',
  品牌培育示范: 'Brand-building showcase',
  销售数据分析: 'Sales data review',
  经营策略指导: 'Business strategy advice',
  品类管理: 'Category management',
  店面设计: 'Store design',
  陈列标准: 'Display standards',
  设施支持: 'Fixtures support',
  营销信息: 'Marketing news',
  政策法规宣传: 'Policy and regulation briefings',
  真假烟鉴别: 'Spotting counterfeits',
  网上订货辅导: 'Online ordering help',
  结算与刷卡服务: 'Payment and card services',
  店员培训: 'Shop staff training',
  // … their standards
  '新品上市两周内上门介绍卖点、价格与目标消费群':
    'Within two weeks of a launch, present its selling points, price and target buyers in store',
  '讲解重点品牌的口味、包装与话术，现场演练':
    "Explain key brands' taste, pack and sales talk, and practise it on the spot",
  '按陈列标准调整柜台与背柜，拍照留痕':
    'Arrange the counter and back shelf to the display standard; photograph the result',
  '配送并布置品牌宣传物料，登记去向': 'Deliver and set up brand materials; record where they went',
  组织零售户参加品牌知识课堂: 'Invite retailers to a brand knowledge class',
  协助记录重点品牌目标消费者的购买情况: "Help record target consumers' purchases of key brands",
  检查目标品牌是否上柜并记录: 'Check and record whether target brands are on the shelf',
  跟踪重点品牌的周销量与动销情况: "Track key brands' weekly sales and sell-through",
  '盘点重点品牌库存，提示断货与积压': 'Count key brands in stock; flag shortages and overstock',
  '传递品牌投放、价格与市场动态': 'Pass on brand supply, prices and market news',
  收集消费者与零售户对品牌的意见: "Collect consumers' and retailers' views of brands",
  在示范店开展品牌培育示范与经验推广: 'Run brand-building showcases in model stores and share what works',
  分析近期进销存数据并给出建议: 'Review recent purchases, sales and stock, and advise',
  结合商圈与客群制定经营策略: 'Plan a business strategy for the trading area and its customers',
  指导品类结构与价位段布局: 'Advise on the range and its price bands',
  '协助店招、柜台与动线设计': 'Help design the sign, counters and customer flow',
  按终端陈列标准检查并整改: 'Check against the display standard and put it right',
  '配置或维护陈列柜、价签等设施': 'Provide or maintain display cases, price tags and other fixtures',
  '推送货源、价格与促销信息': 'Send supply, price and promotion news',
  宣传专卖法规与经营政策: 'Explain monopoly law and trading policy',
  讲解真假卷烟鉴别方法: 'Show how to tell genuine cigarettes from counterfeits',
  指导网上订货操作与问题处理: 'Help with online ordering and its problems',
  办理电子结算与刷卡相关事宜: 'Handle electronic payment and card matters',
  培训店员的卷烟知识与服务规范: 'Train shop staff in cigarette knowledge and service conduct',
  // how often, and by whom
  新品上市时: 'When a new product launches',
  每月1次: 'Monthly',
  每次走访: 'Every visit',
  按投放计划: 'As the supply plan says',
  每季度1次: 'Quarterly',
  每两周1次: 'Every two weeks',
  按需: 'On request',
  每周: 'Weekly',
  每半年1次: 'Twice a year',
  客户经理: 'Customer manager',
  营销中心: 'Marketing centre',
  客服中心: 'Service centre',
};

// The tenant's text as the active language shows it: a default's English in English, else as stored.
export function useBuiltInName(): (text: string) => string {
  const { i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  return (text) => (isEnglish && Object.hasOwn(builtInEnglish, text) ? builtInEnglish[text as BuiltInText] : text);
}
