import { DomainError } from '../../platform/errors/domain-error.ts';

// Pure rules of the product catalogue (卷烟规格): the code, the prices per carton (条) and the
// price class (价类). Money is integer fen (分) here.

export const priceClasses = [1, 2, 3, 4, 5] as const;
export type PriceClass = (typeof priceClasses)[number];
export const priceClassLabels: Record<PriceClass, string> = { 1: '一类', 2: '二类', 3: '三类', 4: '四类', 5: '五类' };

// 价类 are defined by the industry on the 调拨价 (the factory's price to the commercial company, per
// 200-stick carton, without VAT): 一类 ≥ 100 元, 二类 70–100, 三类 30–70, 四类 16.5–30, 五类 < 16.5.
// A city company keeps the 批发价 (its price to retailers, VAT included), which runs about 1.4 times
// the 调拨价 (13 % VAT and the commercial margin with the wholesale consumption tax). The thresholds
// below are the 调拨价 ones × 1.4, on the wholesale price; a product's class may still be set by hand
// where the real 调拨价 says otherwise. Lower bound of each class, in fen.
export const priceClassFloorsFen: Readonly<Record<PriceClass, number>> = {
  1: 14_000,
  2: 9_800,
  3: 4_200,
  4: 2_310,
  5: 0,
};

export function defaultPriceClass(wholesalePriceFen: number): PriceClass {
  for (const priceClass of priceClasses) {
    if (wholesalePriceFen >= priceClassFloorsFen[priceClass]) return priceClass;
  }
  return 5;
}

// An edit keeps a class set by hand; a class that was the default of the old price follows the new
// price. A class given with the edit wins.
export function priceClassAfterEdit(
  before: { priceClass: number; wholesalePriceFen: number },
  changes: { priceClass?: number; wholesalePriceFen?: number },
): number {
  if (changes.priceClass !== undefined) return changes.priceClass;
  if (changes.wholesalePriceFen === undefined || changes.wholesalePriceFen === before.wholesalePriceFen)
    return before.priceClass;
  const wasDefault = before.priceClass === defaultPriceClass(before.wholesalePriceFen);
  return wasDefault ? defaultPriceClass(changes.wholesalePriceFen) : before.priceClass;
}

// ---- Code ----

// A product code is what the city company's systems key products by: the carton's bar code
// (EAN-13, 69… for China, e.g. 6901028075862) or the shorter internal 卷烟代码 (e.g. 53010101):
// 4–20 digits or Latin letters. A 13-digit code is a bar code, so its check digit must hold — a
// mistyped bar code is caught here instead of at the warehouse scanner.
export function checkProductCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-Z]{4,20}$/.test(code)) throw new DomainError('PRODUCT_CODE_INVALID', { code: raw.trim() }, 'code');
  if (/^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) !== Number(code[12])) {
    throw new DomainError(
      'PRODUCT_BARCODE_CHECK_DIGIT',
      { code, expected: ean13CheckDigit(code.slice(0, 12)) },
      'code',
    );
  }
  return code;
}

// GS1 check digit of the first 12 digits: weights 1, 3, 1, 3 … from the left.
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(first12[index]) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

// ---- Prices ----

// The highest price a carton may have: well above any product sold (the dearest are a few
// thousand yuan a carton), low enough to catch a price typed in fen or with extra zeros.
export const maxCartonPriceFen = 2_000_000;
// The suggested retail price may be at most this much above the wholesale price. Real retail
// margins (批零差率) are about 10–20 %; a retail price double the wholesale one means one of the two
// was typed per pack (包) instead of per carton (条).
export const maxRetailMarkup = 0.5;

// Yuan as the API and spreadsheets speak them (210.94) → fen; undefined unless a whole number of fen.
export function yuanToFen(yuan: number): number | undefined {
  if (!Number.isFinite(yuan)) return undefined;
  const fen = Math.round(yuan * 100);
  return Math.abs(fen - yuan * 100) < 1e-6 ? fen : undefined;
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export type ProductPrices = { wholesalePriceFen: number; retailPriceFen: number };

// The retailer buys at the wholesale price and sells at the suggested retail price, so retail must
// be above wholesale (the 批零差 is the store's margin), and by no more than maxRetailMarkup.
export function checkProductPrices(prices: ProductPrices): void {
  for (const field of ['wholesalePriceFen', 'retailPriceFen'] as const) {
    const value = prices[field];
    if (!Number.isInteger(value) || value <= 0 || value > maxCartonPriceFen) {
      throw new DomainError(
        'PRODUCT_PRICE_INVALID',
        { max: maxCartonPriceFen / 100 },
        field === 'wholesalePriceFen' ? 'wholesalePrice' : 'retailPrice',
      );
    }
  }
  const { wholesalePriceFen, retailPriceFen } = prices;
  const yuan = {
    wholesalePrice: fenToYuan(wholesalePriceFen).toFixed(2),
    retailPrice: fenToYuan(retailPriceFen).toFixed(2),
  };
  if (retailPriceFen <= wholesalePriceFen)
    throw new DomainError('PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE', yuan, 'retailPrice');
  if (retailPriceFen > wholesalePriceFen * (1 + maxRetailMarkup)) {
    throw new DomainError('PRODUCT_RETAIL_MARKUP_TOO_HIGH', { ...yuan, percent: maxRetailMarkup * 100 }, 'retailPrice');
  }
}

// The store's margin on a carton, as a share of the retail price (批零差率).
export function retailMargin(prices: ProductPrices): number {
  return (prices.retailPriceFen - prices.wholesalePriceFen) / prices.retailPriceFen;
}

// ---- Text ----

export const productTextLimits = { brand: 20, name: 40 } as const;
