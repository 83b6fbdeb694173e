import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The prices module's codes: 价格采集 (observations), 价格指数 and 价格预警. Placeholders are filled
// from DomainError.details.
export const priceErrors = {
  PRICE_PRODUCT_UNKNOWN: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 不存在或已停售。',
    en: 'The product {productId} does not exist or is discontinued.',
  },
  PRICE_INVALID: {
    status: 400,
    'zh-CN': '单包零售价须大于 0 元、不超过 {max} 元，且最多两位小数（填写的是 {packPrice}）。',
    en: 'The pack price must be above 0 and at most {max} yuan, with at most 2 decimals (given: {packPrice}).',
  },
  PRICE_LOOKS_LIKE_CARTON: {
    status: 400,
    'zh-CN':
      '{packPrice} 元接近整条建议零售价 {cartonPrice} 元：请填写单包价格（建议零售价约 {suggestedPackPrice} 元/包）。',
    en: '{packPrice} yuan is close to the carton’s suggested retail price of {cartonPrice} yuan: enter the price of one pack (suggested about {suggestedPackPrice} yuan a pack).',
  },
  PRICE_CONFIRMATION_REQUIRED: {
    status: 409,
    'zh-CN':
      '{packPrice} 元是建议零售价 {suggestedPackPrice} 元/包的 {percent}%，超出 30%–300% 的合理范围。请核对；确认无误请带 confirm: true 再次提交（该记录将标记待复核，不计入指数）。',
    en: '{packPrice} yuan is {percent} % of the suggested {suggestedPackPrice} yuan a pack, outside the plausible 30–300 %. Check it; if it is right, send it again with confirm: true (it is kept, flagged for review, and not counted in the index).',
  },
  PRICE_OTHER_STORE: {
    status: 403,
    'zh-CN': '只能上报本店（{ownCustomerId}）的价格。',
    en: 'You may report prices for your own store ({ownCustomerId}) only.',
  },
  PRICE_REPORT_LIMIT: {
    status: 429,
    'zh-CN': '该店今天已上报此规格 {limit} 次，请明天再报。',
    en: 'This store has reported this product {limit} times today; report again tomorrow.',
  },
  PRICE_WARNING_OWNER_UNKNOWN: {
    status: 400,
    'zh-CN': '负责人 {ownerId} 不是本公司在职员工。',
    en: 'The owner {ownerId} is not an active staff member of this company.',
  },
  PRICE_STORE_UNKNOWN: {
    status: 400,
    'zh-CN': '客户 {customerId} 不存在、不在营或不在您的管辖范围内。',
    en: 'The store {customerId} does not exist, is not in business, or is outside your scope.',
  },
  PRICE_PLACE_REQUIRED: {
    status: 400,
    'zh-CN': '请指定客户，或填写无证/非客户采集点的名称和所在区县（二者择一）。',
    en: 'Give either a store, or a market point’s name and its district (one of the two).',
  },
  PRICE_DISTRICT_UNKNOWN: {
    status: 400,
    'zh-CN': '区县 {districtCode} 不在本公司服务范围内。',
    en: 'The district {districtCode} is not served by this company.',
  },
  PRICE_BRANCH_UNKNOWN: {
    status: 400,
    'zh-CN': '营销部 {branchId} 不存在或不在您的管辖范围内。',
    en: 'The branch {branchId} does not exist or is outside your scope.',
  },
  PRICE_OBSERVED_AT_INVALID: {
    status: 400,
    'zh-CN': '采集时间须在过去 31 天内，且不晚于现在。',
    en: 'The observation time must lie within the last 31 days and not in the future.',
  },
  PRICE_WEEK_INVALID: {
    status: 400,
    'zh-CN': '周次 {week} 无效，请使用 YYYY-Www 格式（如 2026-W49）。',
    en: 'The week {week} is not valid; use YYYY-Www (e.g. 2026-W49).',
  },
  PRICE_RANGE_INVALID: {
    status: 400,
    'zh-CN': '周次范围无效：起始周晚于结束周，或超过 {maxWeeks} 周。',
    en: 'The range of weeks is not valid: it starts after it ends, or spans more than {maxWeeks} weeks.',
  },
  PRICE_TREND_TARGET: {
    status: 400,
    'zh-CN': '请指定一个规格（productId）或一个品牌（brand），二者择一。',
    en: 'Give one product (productId) or one brand (brand), not both.',
  },
  PRICE_RULE_BANDS_INVALID: {
    status: 400,
    'zh-CN':
      '预警区间无效：下限须小于上限（黄色 {yellowFloor}–{yellowCeiling}，红色 {redFloor}–{redCeiling}），且红色区间须包含黄色区间。',
    en: 'The bands are not valid: each floor must be below its ceiling (yellow {yellowFloor}–{yellowCeiling}, red {redFloor}–{redCeiling}), and the red band must contain the yellow one.',
  },
  PRICE_RULE_TARGET_INVALID: {
    status: 400,
    'zh-CN': '规则适用对象无效：默认规则不指定价类和规格；价类规则须指定价类（1–5）；规格规则须指定已有规格。',
    en: 'The rule’s target is not valid: a default rule names no class or product; a class rule names a class (1–5); a product rule names a known product.',
  },
  PRICE_RULE_DUPLICATE: {
    status: 409,
    'zh-CN': '该对象已有预警规则（{ruleId}），请修改原规则。',
    en: 'There is already a rule for this target ({ruleId}); edit that one.',
  },
  PRICE_WARNING_STATUS: {
    status: 409,
    'zh-CN': '预警当前状态为“{status}”，不能改为“{next}”（状态只能向前：新预警 → 已确认 → 已处置 → 已关闭）。',
    en: 'The warning is {status}; it cannot become {next} (status only moves forward: new → acknowledged → action taken → closed).',
  },
  PRICE_WARNING_NOTE_REQUIRED: {
    status: 400,
    'zh-CN': '标记“已处置”时请填写处置措施。',
    en: 'Describe the action taken.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    prices: typeof priceErrors;
  }
}
