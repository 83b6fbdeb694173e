import { describe, expect, it } from 'vitest';
import {
  filterQuotas,
  keyFor,
  lineProblems,
  orderLinesOf,
  orderSignature,
  orderTotal,
  remainingOf,
} from './phone-order.ts';
import type { StoreQuota } from './supply.api.ts';

const quotas: StoreQuota[] = [
  {
    productId: 11,
    code: '6901028075862',
    name: '中华(硬)',
    quota: 5,
    ordered: 2,
    remaining: 3,
    wholesalePrice: 450.5,
    explanation: '档位 24 → 5',
  },
  {
    productId: 12,
    code: '6901028118170',
    name: '利群(新版)',
    quota: null,
    ordered: 3,
    remaining: null,
    wholesalePrice: 210.94,
    explanation: '不限量',
  },
  {
    productId: 13,
    code: '6901028045650',
    name: '黄鹤楼(软蓝)',
    quota: 0,
    ordered: 0,
    remaining: 0,
    wholesalePrice: 180,
    explanation: '限点：不在范围',
  },
];

describe(orderLinesOf.name, () => {
  it('keeps the products with a quantity, in the quota list order', () => {
    expect(orderLinesOf(quotas, { 13: 0, 12: 4, 11: 1 })).toEqual([
      { productId: 11, qty: 1 },
      { productId: 12, qty: 4 },
    ]);
  });
});

describe(lineProblems.name, () => {
  it('flags lines over the remaining quota, never unlimited ones', () => {
    expect(remainingOf(quotas[0])).toBe(3);
    expect(remainingOf(quotas[1])).toBeNull();
    expect(
      lineProblems(quotas, [
        { productId: 11, qty: 4 },
        { productId: 12, qty: 500 },
        { productId: 13, qty: 1 },
      ]),
    ).toEqual([
      { productId: 11, name: '中华(硬)', kind: 'overQuota', remaining: 3 },
      { productId: 13, name: '黄鹤楼(软蓝)', kind: 'overQuota', remaining: 0 },
    ]);
    expect(lineProblems(quotas, [{ productId: 11, qty: 3 }])).toEqual([]);
  });
});

describe(orderTotal.name, () => {
  it('adds in fen so that yuan do not drift', () => {
    expect(
      orderTotal(quotas, [
        { productId: 12, qty: 3 },
        { productId: 11, qty: 1 },
      ]),
    ).toBe(1083.32);
  });
});

describe(keyFor.name, () => {
  let counter = 0;
  const newKey = () => `key-${++counter}`;

  it('reuses the key for a retry of the same order and makes a new one when it changes', () => {
    const first = keyFor(null, orderSignature(280, 7, [{ productId: 11, qty: 1 }]), newKey);
    const retry = keyFor(first, orderSignature(280, 7, [{ productId: 11, qty: 1 }]), newKey);
    expect(retry.key).toBe(first.key);
    const changed = keyFor(first, orderSignature(280, 7, [{ productId: 11, qty: 2 }]), newKey);
    expect(changed.key).not.toBe(first.key);
    const otherStore = keyFor(first, orderSignature(281, 7, [{ productId: 11, qty: 1 }]), newKey);
    expect(otherStore.key).not.toBe(first.key);
  });

  it('does not care about the order lines were typed in', () => {
    expect(
      orderSignature(1, 1, [
        { productId: 2, qty: 1 },
        { productId: 1, qty: 3 },
      ]),
    ).toBe(
      orderSignature(1, 1, [
        { productId: 1, qty: 3 },
        { productId: 2, qty: 1 },
      ]),
    );
  });
});

describe(filterQuotas.name, () => {
  it('finds products by part of the name or the code', () => {
    const coded = [...quotas, { ...quotas[0], productId: 14, name: '七匹狼(纯境)', code: '6901028180566' }];
    expect(filterQuotas(coded, ' 中华 ').map((quota) => quota.productId)).toEqual([11]);
    expect(filterQuotas(coded, '180566').map((quota) => quota.productId)).toEqual([14]);
    expect(filterQuotas(coded, '')).toHaveLength(4);
  });
});
