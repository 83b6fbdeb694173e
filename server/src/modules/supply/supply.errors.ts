import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The supply module: allocation strategies, grades, order cycles, quotas and orders.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const supplyErrors = {
  // Supply: allocation strategies (货源投放) and grades (档位).
  ALLOCATION_STRATEGY_INVALID: {
    status: 400,
    'zh-CN': '投放策略有误：{reason}',
    en: 'The allocation strategy is not valid: {reasonEn}',
  },
  GRADE_WEIGHTS_INVALID: {
    status: 400,
    'zh-CN': '档位权重须为 0–100 的整数且合计 100（金额 {amount} + 数量 {quantity}）。',
    en: 'Grade weights must be whole numbers from 0 to 100 that add up to 100 (amount {amount} + quantity {quantity}).',
  },
  // 货源与订货 supply and ordering
  NO_OPEN_CYCLE: {
    status: 404,
    'zh-CN': '当前没有开放订货的周期。',
    en: 'There is no order cycle open now.',
  },
  ORDER_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '不在订货时间内（本店订货时间：{opensAt} 至 {closesAt}）。',
    en: 'Ordering is closed (this store orders from {opensAt} to {closesAt}).',
  },
  ORDER_EMPTY: { status: 400, 'zh-CN': '订单至少要有一个品规。', en: 'An order needs at least one line.' },
  ORDER_TOO_MANY_LINES: {
    status: 400,
    'zh-CN': '一张订单最多 {limit} 个品规（收到 {count} 个）。',
    en: 'An order holds at most {limit} lines (got {count}).',
  },
  ORDER_QTY_INVALID: {
    status: 400,
    'zh-CN': '订购数量必须是正整数（条），商品 {productId} 为 {qty}。',
    en: 'Quantities must be whole positive cartons; product {productId} has {qty}.',
  },
  ORDER_LINE_ABOVE_CAP: {
    status: 400,
    'zh-CN': '“{product}”每单最多订 {cap} 条（本次 {qty} 条）。',
    en: '"{product}": an order holds at most {cap} cartons of one product (got {qty}).',
    extensions: ['productId', 'qty', 'cap'],
  },
  ORDER_LINE_DUPLICATE: {
    status: 400,
    'zh-CN': '商品 {productId} 在订单中出现了两次，请合并为一行。',
    en: 'Product {productId} appears twice in the order; put it on one line.',
  },
  QUOTA_EXCEEDED: {
    status: 409,
    'zh-CN': '“{product}”超出可订量：本次 {requested} 条，剩余 {remaining} 条。',
    en: '"{product}" exceeds the quota: {requested} cartons asked, {remaining} left.',
    extensions: ['productId', 'requested', 'remaining'],
  },
  PRODUCT_NOT_IN_CYCLE: {
    status: 409,
    'zh-CN': '商品 {productId} 不在本周期的货源中。',
    en: 'Product {productId} is not offered in this cycle.',
    extensions: ['productId'],
  },
  STORE_NOT_IN_CYCLE: {
    status: 409,
    'zh-CN': '本店不在本周期的投放范围内（投放发布后才建档的客户需等下个周期）。',
    en: 'This store has no allocation in this cycle (stores added after publishing wait for the next cycle).',
  },
  ORDER_CANCELLED: {
    status: 409,
    'zh-CN': '该订单已取消，不能再修改。',
    en: 'This order has been cancelled and cannot be changed.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该 Idempotency-Key 已用于另一笔不同的提交。',
    en: 'This Idempotency-Key was already used for a different submission.',
  },
  CYCLE_NOT_DRAFT: {
    status: 409,
    'zh-CN': '订货周期 {code} 已发布，不能再修改投放策略或重复发布。',
    en: 'Order cycle {code} is already published: its allocation cannot change or be published again.',
  },
  CYCLE_EXISTS: {
    status: 409,
    'zh-CN': '{weekStart} 这一周的订货周期已存在。',
    en: 'An order cycle for the week of {weekStart} already exists.',
  },
  CYCLE_LINE_CAP_INVALID: {
    status: 400,
    'zh-CN': '每单每品限订须为 {min}–{max} 的整数（收到 {lineCap}）。',
    en: 'The cap of cartons per product per order must be a whole number from {min} to {max} (got {lineCap}).',
  },
  CYCLE_WEEK_INVALID: {
    status: 400,
    'zh-CN': '订货周期须从周一开始（收到 {weekStart}）。',
    en: 'An order cycle starts on a Monday (got {weekStart}).',
  },
  CYCLE_WINDOW_INVALID: {
    status: 400,
    'zh-CN': '订货时间有误：开始须早于截止，截止时间格式为 HH:MM。',
    en: 'The ordering window is invalid: it must open before it closes, and the cutoff is HH:MM.',
  },
  CYCLE_HAS_NO_PRODUCTS: {
    status: 409,
    'zh-CN': '订货周期 {code} 还没有投放商品，不能发布。',
    en: 'Order cycle {code} has no products to allocate; it cannot be published.',
  },
  CYCLE_NOT_ENDED: {
    status: 409,
    'zh-CN': '订货周期 {code} 尚未截止（{closesAt} 截止），不能补录历史订单或结束。',
    en: 'Order cycle {code} is still open (it closes at {closesAt}); its history cannot be recorded nor the cycle closed.',
  },
  CYCLE_NOT_PUBLISHED: {
    status: 409,
    'zh-CN': '订货周期 {code} 不是已发布状态，不能补录历史订单或结束。',
    en: 'Order cycle {code} is not published; its history cannot be recorded nor the cycle closed.',
  },
  CYCLE_PRODUCT_UNKNOWN: {
    status: 409,
    'zh-CN': '商品 {productId} 不存在或已停售。',
    en: 'Product {productId} does not exist or is discontinued.',
  },
  GRADE_RUN_NOT_DRAFT: {
    status: 409,
    'zh-CN': '该档位测算已发布。',
    en: 'This grade run has already been published.',
  },
  GRADE_RUN_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能发布最新的档位测算（已有更新的测算 {latestId}）。',
    en: 'Only the latest grade run can be published (run {latestId} is newer).',
  },
  // 结算 settlements
  SETTLEMENT_LATE_DAYS_REQUIRED: {
    status: 422,
    'zh-CN': '逾期结算须填写逾期天数（1–{max} 的整数）。',
    en: 'A late settlement needs its late days (a whole number from 1 to {max}).',
  },
  SETTLEMENT_LATE_DAYS_UNEXPECTED: {
    status: 422,
    'zh-CN': '只有逾期结算才填写逾期天数。',
    en: 'Late days belong to a late settlement only.',
  },
  SETTLEMENT_ORDER_CANCELLED: {
    status: 409,
    'zh-CN': '订单 {orderId} 已取消，不能登记结算。',
    en: 'Order {orderId} is cancelled; it has no settlement.',
  },
  SETTLEMENT_IMPORT_FILE_EMPTY: {
    status: 400,
    'zh-CN': '“{fileName}”中没有数据行：第 1 行应为表头（订单号、结算状态、逾期天数），从第 2 行起每行一张订单。',
    en: '"{fileName}" holds no data rows: row 1 is the header (订单号, 结算状态, 逾期天数), each following row one order.',
  },
  SETTLEMENT_IMPORT_ROWS_INVALID: {
    status: 422,
    'zh-CN': '导入文件中有 {errorCount} 处错误，未导入任何结算。请按错误列表修改后重新导入。',
    en: 'The file has {errorCount} errors; no settlement was imported. Fix the rows listed and import again.',
  },
  SETTLEMENT_IMPORT_ORDER_UNKNOWN: {
    status: 422,
    'zh-CN': '订单号 {orderId} 不存在或不在您的管辖范围内。',
    en: 'Order {orderId} does not exist or is outside your scope.',
  },
  SETTLEMENT_IMPORT_DUPLICATE_IN_FILE: {
    status: 422,
    'zh-CN': '订单号 {orderId} 在文件中重复（第 {firstRow} 行已有）。',
    en: 'Order {orderId} appears twice in the file (first on row {firstRow}).',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    supply: typeof supplyErrors;
  }
}
