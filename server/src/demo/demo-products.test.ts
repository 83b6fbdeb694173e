import { describe, expect, it } from 'vitest';
import {
  checkProductCode,
  checkProductPrices,
  defaultPriceClass,
  retailMargin,
} from '../modules/products/product.rules.ts';
import { demoProductCatalogue, demoProductSeed } from './demo-products.ts';
import { createRandom } from './random.ts';

describe(demoProductCatalogue.name, () => {
  const catalogue = demoProductCatalogue(createRandom(demoProductSeed));
  const wholesaleYuan = catalogue.map((product) => product.wholesalePriceFen / 100);

  it('holds about 300 products', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(280);
    expect(catalogue.length).toBeLessThanOrEqual(320);
  });

  it('is the same for the same seed and different for another', () => {
    expect(demoProductCatalogue(createRandom(demoProductSeed))).toEqual(catalogue);
    expect(demoProductCatalogue(createRandom(1))).not.toEqual(catalogue);
  });

  it('gives every product a unique, valid bar code and a unique name', () => {
    expect(new Set(catalogue.map((product) => product.code)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((product) => product.name)).size).toBe(catalogue.length);
    for (const product of catalogue) {
      expect(checkProductCode(product.code)).toBe(product.code);
      expect(product.code).toMatch(/^69\d{11}$/);
      expect(product.name.startsWith(`${product.brand}(`)).toBe(true);
    }
  });

  it('prices cartons from about 100 to about 1,000 yuan, with a small cheap tail', () => {
    expect(Math.max(...wholesaleYuan)).toBeGreaterThan(800);
    expect(Math.max(...wholesaleYuan)).toBeLessThanOrEqual(1_000);
    expect(Math.min(...wholesaleYuan)).toBeGreaterThan(15);
    const inRange = wholesaleYuan.filter((yuan) => yuan >= 80 && yuan <= 1_000).length;
    expect(inRange / catalogue.length).toBeGreaterThan(0.8);
    const median = [...wholesaleYuan].sort((a, b) => a - b)[Math.floor(catalogue.length / 2)];
    expect(median).toBeGreaterThan(100);
    expect(median).toBeLessThan(300);
  });

  it('keeps the suggested retail price 9.4–13.4 % of retail above wholesale, a round price a pack', () => {
    for (const product of catalogue) {
      expect(() => checkProductPrices(product)).not.toThrow();
      const margin = retailMargin(product);
      expect(margin).toBeGreaterThanOrEqual(0.0939);
      expect(margin).toBeLessThanOrEqual(0.1341);
      expect(product.retailPriceFen % 50).toBe(0);
    }
  });

  it('has every price class, most products in the upper ones, each the default of its price', () => {
    const byClass = [1, 2, 3, 4, 5].map((priceClass) => catalogue.filter((p) => p.priceClass === priceClass).length);
    for (const count of byClass) expect(count).toBeGreaterThan(0);
    expect(byClass[0]).toBeGreaterThan(byClass[3] + byClass[4]);
    for (const product of catalogue) expect(product.priceClass).toBe(defaultPriceClass(product.wholesalePriceFen));
  });

  it('covers the big brand families, with a few new and a handful of discontinued products', () => {
    const brands = new Set(catalogue.map((product) => product.brand));
    for (const brand of [
      '中华',
      '芙蓉王',
      '七匹狼',
      '利群',
      '玉溪',
      '黄鹤楼',
      '云烟',
      '红塔山',
      '白沙',
      '双喜',
      '南京',
      '真龙',
    ]) {
      expect(brands.has(brand)).toBe(true);
    }
    expect(brands.size).toBeGreaterThanOrEqual(25);
    const fresh = catalogue.filter((product) => product.isNew).length;
    const discontinued = catalogue.filter((product) => product.status === 'discontinued').length;
    expect(fresh).toBeGreaterThanOrEqual(5);
    expect(fresh).toBeLessThan(catalogue.length * 0.15);
    expect(discontinued).toBeGreaterThanOrEqual(2);
    expect(discontinued).toBeLessThanOrEqual(15);
    expect(catalogue.find((product) => product.name === '中华(硬)')?.retailPriceFen).toBe(450_00);
  });
});
