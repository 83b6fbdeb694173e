import { describe, expect, it } from 'vitest';
import {
  cartLines,
  cartTotals,
  clampQuantity,
  groupByBrand,
  linesOverLimit,
  matchesSearch,
  parseQuantity,
  quantityLimit,
  setCartQuantity,
  unlimitedLineCeiling,
  yuanToFen,
} from './order-cart.ts';

const items = [
  { productId: 1, code: '6901028075862', name: '中华(硬)', brand: '中华', wholesalePrice: 450.5, remaining: 4 },
  { productId: 2, code: '6901028001915', name: '芙蓉王(硬)', brand: '芙蓉王', wholesalePrice: 4.35, remaining: null },
  { productId: 3, code: '6901028075879', name: '中华(软)', brand: '中华', wholesalePrice: 0.2, remaining: 0 },
  { productId: 4, code: '6901028300117', name: '七匹狼(纯境)', brand: ' ', wholesalePrice: 210.94, remaining: 2 },
];

describe(quantityLimit.name, () => {
  it.each([
    [{ remaining: 4 }, 0, 4],
    [{ remaining: 0 }, 0, 0],
    [{ remaining: 1 }, 3, 4],
    [{ remaining: null }, 0, unlimitedLineCeiling],
    [{ remaining: null }, 5, unlimitedLineCeiling],
    [{ remaining: -2 }, 0, 0],
  ])('%j with %i already in the order → %i', (item, alreadyInOrder, expected) => {
    expect(quantityLimit(item, alreadyInOrder)).toBe(expected);
  });

  it.each([
    [{ remaining: null }, 0, 200, 200],
    [{ remaining: 600 }, 0, 200, 200],
    [{ remaining: 150 }, 100, 200, 200],
    [{ remaining: 4 }, 0, 200, 4],
  ])(
    '%j with %i already in the order, in a cycle capping a line at %i → %i',
    (item, alreadyInOrder, lineCap, expected) => {
      expect(quantityLimit(item, alreadyInOrder, lineCap)).toBe(expected);
    },
  );
});

describe(clampQuantity.name, () => {
  it.each([
    [3, 5, 3],
    [7, 5, 5],
    [0, 5, 0],
    [-1, 5, 0],
    [2.7, 5, 2],
    [Number.NaN, 5, 0],
    [Number.POSITIVE_INFINITY, 5, 0],
    [3, 0, 0],
    [3, -4, 0],
  ])('%d within a limit of %d → %d', (value, limit, expected) => {
    expect(clampQuantity(value, limit)).toBe(expected);
  });
});

describe(parseQuantity.name, () => {
  it.each([
    ['', 0],
    ['12', 12],
    ['012', 12],
    ['3a', 3],
    ['１', 0],
    ['-4', 4],
  ])('%j → %i', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });
});

describe(setCartQuantity.name, () => {
  it('sets a quantity without touching the cart it was given', () => {
    const before = new Map([[1, 2]]);
    const after = setCartQuantity(before, 2, 5);
    expect([...after]).toEqual([
      [1, 2],
      [2, 5],
    ]);
    expect([...before]).toEqual([[1, 2]]);
  });

  it('drops a product set to 0', () => {
    expect([...setCartQuantity(new Map([[1, 2]]), 1, 0)]).toEqual([]);
  });
});

describe(cartTotals.name, () => {
  it('counts products and cartons and adds the money in fen, not in floating yuan', () => {
    const cart = new Map([
      [2, 1],
      [3, 1],
    ]);
    // 4.35 × 100 in floats is 434.99999999999994.
    expect(cartTotals(cart, items)).toEqual({ products: 2, cartons: 2, totalFen: 455, total: 4.55 });
  });

  it('multiplies each price by its cartons', () => {
    const cart = new Map([
      [1, 3],
      [4, 2],
    ]);
    expect(cartTotals(cart, items)).toEqual({ products: 2, cartons: 5, totalFen: 177_338, total: 1773.38 });
  });

  it('ignores products the cycle no longer lists', () => {
    expect(cartTotals(new Map([[99, 5]]), items)).toEqual({ products: 0, cartons: 0, totalFen: 0, total: 0 });
  });
});

describe(yuanToFen.name, () => {
  it.each([
    [210.94, 21_094],
    [0.29, 29],
    [4.35, 435], // 4.35 × 100 is 434.99999999999994
    [100, 10_000],
  ])('%d yuan → %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });
});

describe(cartLines.name, () => {
  it("lists the chosen products in the cycle's order, whatever order they were chosen in", () => {
    const cart = new Map([
      [4, 1],
      [1, 2],
      [99, 3],
    ]);
    expect(cartLines(cart, items)).toEqual([
      { productId: 1, qty: 2 },
      { productId: 4, qty: 1 },
    ]);
  });
});

describe(linesOverLimit.name, () => {
  it('finds the lines above what is left of the quota', () => {
    const cart = new Map([
      [1, 5],
      [2, 500],
      [4, 2],
    ]);
    expect(linesOverLimit(cart, items)).toEqual([1]);
  });

  it('counts what the order being changed already holds', () => {
    const cart = new Map([[1, 5]]);
    expect(linesOverLimit(cart, items, new Map([[1, 1]]))).toEqual([]);
    expect(linesOverLimit(new Map([[1, 6]]), items, new Map([[1, 1]]))).toEqual([1]);
  });
});

describe(groupByBrand.name, () => {
  it('groups by brand in the order the cycle first lists each, blank brands under the other label', () => {
    const groups = groupByBrand(items, '其他');
    expect(groups.map((group) => [group.brand, group.items.map((item) => item.productId)])).toEqual([
      ['中华', [1, 3]],
      ['芙蓉王', [2]],
      ['其他', [4]],
    ]);
  });
});

describe(matchesSearch.name, () => {
  it.each([
    ['', true],
    ['  ', true],
    ['中华', true],
    ['硬', true],
    ['075862', true],
    ['ZHONG', false],
    ['芙蓉', false],
  ])('%j', (search, expected) => {
    expect(matchesSearch(items[0], search)).toBe(expected);
  });
});
