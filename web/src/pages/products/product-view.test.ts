import { describe, expect, it } from 'vitest';
import {
  defaultPriceClassOf,
  ean13IsValid,
  formatPrice,
  hasProductFilters,
  parseProductListView,
  productChanges,
  productFilterQuery,
  productFormValuesOf,
  retailMargin,
  retailPriceProblem,
  toNewProductRequest,
  toProductSearchParams,
} from './product-view.ts';
import type { Product } from './products.api.ts';

const zhonghua: Product = {
  id: 7,
  code: '6901028075862',
  brand: '中华',
  name: '中华(硬)',
  priceClass: 1,
  wholesalePrice: 376.3,
  retailPrice: 450,
  status: 'active',
  isNew: false,
  createdAt: '2026-11-23T02:00:00Z',
  updatedAt: '2026-11-23T02:00:00Z',
};

describe(parseProductListView.name, () => {
  it.each([
    ['', { q: '', brand: undefined, priceClass: undefined, status: undefined, isNew: undefined, limit: 50 }],
    [
      'q=中华&brand=利群&priceClass=2&status=discontinued&isNew=true&limit=100',
      { q: '中华', brand: '利群', priceClass: 2, status: 'discontinued', isNew: true, limit: 100 },
    ],
    [
      'priceClass=9&status=gone&isNew=maybe&limit=7',
      { q: '', brand: undefined, priceClass: undefined, status: undefined, isNew: undefined, limit: 50 },
    ],
  ])('%s', (search, view) => {
    expect(parseProductListView(new URLSearchParams(search))).toEqual(view);
  });

  it('round-trips through the URL and gives the API only the filters set', () => {
    const view = parseProductListView(new URLSearchParams('brand=中华&isNew=true&limit=20'));
    expect(parseProductListView(toProductSearchParams(view))).toEqual(view);
    expect(productFilterQuery(view)).toEqual({ brand: '中华', isNew: 'true' });
    expect(hasProductFilters(view)).toBe(true);
    expect(hasProductFilters(parseProductListView(new URLSearchParams('limit=20')))).toBe(false);
  });
});

describe(formatPrice.name, () => {
  it.each([
    [376.3, 'zh-CN', '¥376.30'],
    [1250, 'zh-CN', '¥1,250.00'],
    [210.94, 'en', 'CN¥210.94'],
    [null, 'zh-CN', '—'],
  ] as const)('%s in %s → %s', (value, locale, text) => {
    expect(formatPrice(value, locale)).toBe(text);
  });
});

describe(defaultPriceClassOf.name, () => {
  it.each([
    [450, 1],
    [140, 1],
    [139.99, 2],
    [98, 2],
    [97.99, 3],
    [42, 3],
    [41.99, 4],
    [23.1, 4],
    [23.09, 5],
  ])('%d yuan → class %i (the server’s thresholds)', (price, priceClass) => {
    expect(defaultPriceClassOf(price)).toBe(priceClass);
  });
});

describe(retailPriceProblem.name, () => {
  it.each([
    [376.3, 450, null],
    [100, 150, null],
    [100, 100, 'notAbove'],
    [376.3, 45, 'notAbove'],
    [37.63, 450, 'markupTooHigh'],
    [null, 450, null],
  ])('wholesale %s, retail %s → %s', (wholesale, retail, problem) => {
    expect(retailPriceProblem(wholesale, retail)).toBe(problem);
  });

  it('computes the margin on the retail price', () => {
    expect(retailMargin(90, 100)).toBeCloseTo(0.1);
    expect(retailMargin(0, 100)).toBeNull();
  });
});

describe(ean13IsValid.name, () => {
  it.each([
    ['6901028075862', true],
    ['6901028075863', false],
    ['53010101', true],
  ])('%s → %s', (code, valid) => {
    expect(ean13IsValid(code)).toBe(valid);
  });
});

describe('the drawer form', () => {
  it('shows a default class as automatic, a class set by hand as it is', () => {
    expect(productFormValuesOf(zhonghua).priceClass).toBeNull();
    expect(productFormValuesOf({ ...zhonghua, priceClass: 2 }).priceClass).toBe(2);
  });

  it('sends only what changed; an automatic class follows a new price', () => {
    const values = productFormValuesOf(zhonghua);
    expect(productChanges(zhonghua, values)).toEqual({});
    expect(productChanges(zhonghua, { ...values, name: ' 中华(硬新版) ', isNew: true })).toEqual({
      name: '中华(硬新版)',
      isNew: true,
    });
    expect(productChanges(zhonghua, { ...values, wholesalePrice: 80, retailPrice: 90 })).toEqual({
      wholesalePrice: 80,
      retailPrice: 90,
      priceClass: 3,
    });
    const byHand = { ...zhonghua, priceClass: 2 };
    expect(productChanges(byHand, { ...productFormValuesOf(byHand), wholesalePrice: 80, retailPrice: 90 })).toEqual({
      wholesalePrice: 80,
      retailPrice: 90,
    });
  });

  it('leaves the class out of a new product set to automatic', () => {
    const request = toNewProductRequest({ ...productFormValuesOf(zhonghua), code: ' 6901028075862 ' });
    expect(request).toEqual({
      code: '6901028075862',
      brand: '中华',
      name: '中华(硬)',
      wholesalePrice: 376.3,
      retailPrice: 450,
      status: 'active',
      isNew: false,
    });
  });
});
