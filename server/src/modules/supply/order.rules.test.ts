import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  applyToQuotas,
  checkLineCaps,
  checkOrderLines,
  cycleProductsOfLines,
  defaultLineCap,
  isLineCap,
  lineCapOf,
  lineDeltas,
} from './order.rules.ts';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.details.reason ?? error.details.product] : error;
  }
  return 'ok';
}

describe('checkOrderLines', () => {
  it.each([
    ['one line', [{ productId: 1, qty: 2 }], 'ok'],
    ['no line', [], ['ORDER_EMPTY', undefined]],
    ['zero cartons', [{ productId: 1, qty: 0 }], ['ORDER_QTY_INVALID', undefined]],
    ['negative cartons', [{ productId: 1, qty: -1 }], ['ORDER_QTY_INVALID', undefined]],
    ['half a carton', [{ productId: 1, qty: 1.5 }], ['ORDER_QTY_INVALID', undefined]],
    [
      'one product twice',
      [
        { productId: 1, qty: 1 },
        { productId: 1, qty: 2 },
      ],
      ['ORDER_LINE_DUPLICATE', undefined],
    ],
    [
      '201 lines',
      Array.from({ length: 201 }, (_, index) => ({ productId: index + 1, qty: 1 })),
      ['ORDER_TOO_MANY_LINES', undefined],
    ],
    ['200 lines', Array.from({ length: 200 }, (_, index) => ({ productId: index + 1, qty: 1 })), 'ok'],
  ])('%s', (_, lines, expected) => {
    expect(codeOf(() => checkOrderLines(lines))).toEqual(expected);
  });
});

describe(checkLineCaps.name, () => {
  const products = new Map([
    [1, { name: '芙蓉王(硬)' }],
    [2, { name: '白沙(精品)' }],
  ]);

  it.each([
    ['a line at the cap', [{ productId: 1, qty: 500 }], 500, 'ok'],
    ['a line of one carton', [{ productId: 1, qty: 1 }], 500, 'ok'],
    ['a line one above the cap', [{ productId: 1, qty: 501 }], 500, ['ORDER_LINE_ABOVE_CAP', '芙蓉王(硬)', 501]],
    [
      'the largest 32-bit integer',
      [{ productId: 1, qty: 2_147_483_647 }],
      500,
      ['ORDER_LINE_ABOVE_CAP', '芙蓉王(硬)', 2_147_483_647],
    ],
    ['2³¹', [{ productId: 1, qty: 2 ** 31 }], 500, ['ORDER_LINE_ABOVE_CAP', '芙蓉王(硬)', 2 ** 31]],
    ['2⁵³', [{ productId: 1, qty: 2 ** 53 }], 500, ['ORDER_LINE_ABOVE_CAP', '芙蓉王(硬)', 2 ** 53]],
    [
      'the second line above it names the second product',
      [
        { productId: 1, qty: 10 },
        { productId: 2, qty: 600 },
      ],
      500,
      ['ORDER_LINE_ABOVE_CAP', '白沙(精品)', 600],
    ],
    ['a cycle with a lower cap', [{ productId: 1, qty: 51 }], 50, ['ORDER_LINE_ABOVE_CAP', '芙蓉王(硬)', 51]],
    ['a cycle with a higher cap', [{ productId: 1, qty: 2_000 }], 5_000, 'ok'],
    [
      'a product not in the cycle is named by its id',
      [{ productId: 9, qty: 501 }],
      500,
      ['ORDER_LINE_ABOVE_CAP', '9', 501],
    ],
  ])('%s', (_, lines, cap, expected) => {
    let result: unknown = 'ok';
    try {
      checkLineCaps(lines, cap, products);
    } catch (error) {
      result = error instanceof DomainError ? [error.code, error.details.product, error.details.qty] : error;
    }
    expect(result).toEqual(expected);
  });

  it('says which cap was passed', () => {
    expect(() => checkLineCaps([{ productId: 2, qty: 501 }], 500, products)).toThrowError(
      expect.objectContaining({ details: { productId: 2, product: '白沙(精品)', qty: 501, cap: 500 } }),
    );
  });

  it.each([
    [defaultLineCap, true],
    [1, true],
    [10_000, true],
    [0, false],
    [10_001, false],
    [2.5, false],
    [-500, false],
  ])('a cycle cap of %s is allowed: %s', (cap, allowed) => {
    expect(isLineCap(cap)).toBe(allowed);
  });

  it.each<[string, number | undefined, unknown]>([
    ['no cap given: the default', undefined, defaultLineCap],
    ['a cap within the range', 50, 50],
    ['0', 0, ['CYCLE_LINE_CAP_INVALID', 0]],
    ['above the range', 10_001, ['CYCLE_LINE_CAP_INVALID', 10_001]],
    ['a fraction', 2.5, ['CYCLE_LINE_CAP_INVALID', 2.5]],
  ])('a new cycle with %s has its line cap or is refused', (_, lineCap, expected) => {
    let result: unknown;
    try {
      result = lineCapOf(lineCap);
    } catch (error) {
      result = error instanceof DomainError ? [error.code, error.details.lineCap] : error;
    }
    expect(result).toEqual(expected);
  });
});

describe(cycleProductsOfLines.name, () => {
  const inCycle = [
    { productId: 1, name: '芙蓉王(硬)' },
    { productId: 2, name: '白沙(精品)' },
  ];

  it.each<[string, Array<{ productId: number; qty: number }>, unknown]>([
    ['every line in the cycle', [{ productId: 2, qty: 1 }], [1, 2]],
    ['no lines', [], [1, 2]],
    [
      'the first line not in the cycle is named',
      [
        { productId: 1, qty: 1 },
        { productId: 9, qty: 1 },
        { productId: 8, qty: 1 },
      ],
      ['PRODUCT_NOT_IN_CYCLE', 9],
    ],
  ])('%s', (_, lines, expected) => {
    let result: unknown;
    try {
      result = [...cycleProductsOfLines(inCycle, lines).keys()];
    } catch (error) {
      result = error instanceof DomainError ? [error.code, error.details.productId] : error;
    }
    expect(result).toEqual(expected);
  });
});

describe('applyToQuotas', () => {
  const products = [
    { productId: 10, position: 0, name: '中华(硬)' },
    { productId: 11, position: 1, name: '七匹狼(纯境)' },
    { productId: 12, position: 2, name: '白沙(精品)' },
  ];
  const row = { quotas: [5, 3, -1], ordered: [4, 0, 100] };

  it.each([
    ['within quota', [{ product: products[1], delta: 3 }], [4, 3, 100]],
    ['exactly the remaining', [{ product: products[0], delta: 1 }], [5, 0, 100]],
    ['over the remaining', [{ product: products[0], delta: 2 }], ['QUOTA_EXCEEDED', '中华(硬)']],
    ['unlimited', [{ product: products[2], delta: 500 }], [4, 0, 600]],
    ['a decrease', [{ product: products[0], delta: -4 }], [0, 0, 100]],
    // An unlimited product is still bounded by what the row's 32-bit integers can record.
    [
      'unlimited, up to the largest recordable',
      [{ product: products[2], delta: 2_147_483_547 }],
      [4, 0, 2_147_483_647],
    ],
    [
      'unlimited, past the largest recordable',
      [{ product: products[2], delta: 2_147_483_548 }],
      ['QUOTA_EXCEEDED', '白沙(精品)'],
    ],
  ])('%s', (_, changes, expected) => {
    let result: unknown;
    try {
      result = applyToQuotas(row, changes);
    } catch (error) {
      result = error instanceof DomainError ? [error.code, error.details.product] : error;
    }
    expect(result).toEqual(expected);
    expect(row.ordered).toEqual([4, 0, 100]);
  });

  it('names what remains when a line does not fit', () => {
    try {
      applyToQuotas(row, [{ product: products[0], delta: 3 }]);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).details).toMatchObject({ productId: 10, requested: 3, remaining: 1 });
    }
  });
});

describe('lineDeltas', () => {
  it('nets a change and puts decreases first', () => {
    expect(
      lineDeltas(
        [
          { productId: 1, qty: 5 },
          { productId: 2, qty: 1 },
        ],
        [
          { productId: 1, qty: 2 },
          { productId: 3, qty: 4 },
          { productId: 2, qty: 1 },
        ],
      ),
    ).toEqual([
      { productId: 1, delta: -3 },
      { productId: 3, delta: 4 },
    ]);
  });
});
