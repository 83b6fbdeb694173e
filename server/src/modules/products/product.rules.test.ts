import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  checkProductCode,
  checkProductPrices,
  defaultPriceClass,
  ean13CheckDigit,
  priceClassAfterEdit,
  retailMargin,
  yuanToFen,
} from './product.rules.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe(defaultPriceClass.name, () => {
  it.each([
    [1_000_00, 1, '软中华-like, far above the floor'],
    [140_00, 1, 'exactly the 一类 floor'],
    [139_99, 2, 'a fen below 一类'],
    [98_00, 2, 'exactly the 二类 floor'],
    [97_99, 3, 'a fen below 二类'],
    [42_00, 3, 'exactly the 三类 floor'],
    [41_99, 4, 'a fen below 三类'],
    [23_10, 4, 'exactly the 四类 floor'],
    [23_09, 5, 'a fen below 四类'],
    [1, 5, 'the cheapest possible'],
  ])('%i fen → class %i (%s)', (fen, expected) => {
    expect(defaultPriceClass(fen)).toBe(expected);
  });
});

describe(priceClassAfterEdit.name, () => {
  const defaulted = { priceClass: 2, wholesalePriceFen: 120_00 };
  const setByHand = { priceClass: 1, wholesalePriceFen: 120_00 };
  it.each([
    ['a class given with the edit wins', defaulted, { priceClass: 4, wholesalePriceFen: 300_00 }, 4],
    ['no price change keeps the class', setByHand, {}, 1],
    ['the same price keeps the class', setByHand, { wholesalePriceFen: 120_00 }, 1],
    ['a default class follows a new price', defaulted, { wholesalePriceFen: 300_00 }, 1],
    ['a default class follows a lower price', defaulted, { wholesalePriceFen: 50_00 }, 3],
    ['a class set by hand stays when the price moves', setByHand, { wholesalePriceFen: 50_00 }, 1],
  ] as const)('%s', (_name, before, changes, expected) => {
    expect(priceClassAfterEdit(before, changes)).toBe(expected);
  });
});

describe(checkProductCode.name, () => {
  it.each([
    ['6901028075862', '6901028075862', 'an EAN-13 bar code with its check digit'],
    [' 53010101 ', '53010101', 'an internal code, trimmed'],
    ['zh1001', 'ZH1001', 'letters, upper-cased'],
    ['1234', '1234', 'four characters'],
  ])('%s → %s (%s)', (raw, expected) => {
    expect(checkProductCode(raw)).toBe(expected);
  });

  it.each([
    ['6901028075863', 'PRODUCT_BARCODE_CHECK_DIGIT', 'a bar code with a wrong check digit'],
    ['123', 'PRODUCT_CODE_INVALID', 'too short'],
    ['1'.repeat(21), 'PRODUCT_CODE_INVALID', 'too long'],
    ['6901-0280', 'PRODUCT_CODE_INVALID', 'a hyphen'],
    ['中华001', 'PRODUCT_CODE_INVALID', 'Chinese characters'],
    ['', 'PRODUCT_CODE_INVALID', 'empty'],
  ])('%s → %s (%s)', (raw, expected) => {
    expect(codeOf(() => checkProductCode(raw))).toBe(expected);
  });
});

describe(ean13CheckDigit.name, () => {
  it.each([
    ['690102807586', 2],
    ['400638133393', 1],
    ['000000000000', 0],
  ])('%s → %i', (first12, digit) => {
    expect(ean13CheckDigit(first12)).toBe(digit);
  });
});

describe(checkProductPrices.name, () => {
  it.each([
    [376_30, 450_00, undefined, '硬中华: retail 19.6 % above wholesale'],
    [100_00, 100_01, undefined, 'a fen of margin is still a margin'],
    [100_00, 150_00, undefined, 'exactly 1.5 times wholesale'],
    [100_00, 100_00, 'PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE', 'retail equal to wholesale leaves the store nothing'],
    [450_00, 376_30, 'PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE', 'retail below wholesale (swapped)'],
    [376_30, 45_00, 'PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE', 'retail typed per pack'],
    [37_63, 450_00, 'PRODUCT_RETAIL_MARKUP_TOO_HIGH', 'wholesale typed per pack'],
    [100_00, 150_01, 'PRODUCT_RETAIL_MARKUP_TOO_HIGH', 'just above 1.5 times'],
    [0, 100_00, 'PRODUCT_PRICE_INVALID', 'a zero price'],
    [-5_00, 100_00, 'PRODUCT_PRICE_INVALID', 'a negative price'],
    [100_00, 20_000_01, 'PRODUCT_PRICE_INVALID', 'above 20,000 yuan a carton'],
    [100.5, 120_00, 'PRODUCT_PRICE_INVALID', 'not a whole number of fen'],
  ])('wholesale %d, retail %d → %s (%s)', (wholesalePriceFen, retailPriceFen, expected, _reason) => {
    expect(codeOf(() => checkProductPrices({ wholesalePriceFen, retailPriceFen }))).toBe(expected);
  });

  it('names the field at fault', () => {
    try {
      checkProductPrices({ wholesalePriceFen: 0, retailPriceFen: 100 });
    } catch (error) {
      expect((error as DomainError).field).toBe('wholesalePrice');
    }
    expect.assertions(1);
  });
});

describe(yuanToFen.name, () => {
  it.each([
    [210.94, 21_094],
    [376.3, 37_630],
    [0.01, 1],
    [1000, 100_000],
    [0.29, 29],
    [1.005, undefined],
    [Number.NaN, undefined],
  ])('%d yuan → %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });
});

describe(retailMargin.name, () => {
  it('is the share of the retail price the store keeps', () => {
    expect(retailMargin({ wholesalePriceFen: 90_00, retailPriceFen: 100_00 })).toBeCloseTo(0.1);
  });
});
