import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api-client.ts';
import { i18n } from '../../shared/i18n/i18n.ts';
import { attemptFor, canonicalOrderBody, isAnswered, mapOrderError, productNamedBy } from './order-submission.ts';

const t = i18n.getFixedT('zh-CN');

function problem(status: number, code: string, detail = '', extra: Record<string, unknown> = {}) {
  return new ApiError({ type: 'about:blank', title: '', status, code, detail, ...extra });
}

const items = [
  { productId: 11, name: '中华(硬)' },
  { productId: 12, name: '中华(硬中支)' },
  { productId: 13, name: '芙蓉王(硬)' },
];

describe(canonicalOrderBody.name, () => {
  it('is the same for the same lines in any order', () => {
    expect(
      canonicalOrderBody([
        { productId: 2, qty: 1 },
        { productId: 1, qty: 3 },
      ]),
    ).toBe(
      canonicalOrderBody([
        { productId: 1, qty: 3 },
        { productId: 2, qty: 1 },
      ]),
    );
  });

  it('differs when a quantity differs', () => {
    expect(canonicalOrderBody([{ productId: 1, qty: 3 }])).not.toBe(canonicalOrderBody([{ productId: 1, qty: 4 }]));
  });
});

describe(attemptFor.name, () => {
  const lines = [{ productId: 1, qty: 3 }];
  let counter = 0;
  const createKey = () => `key-${++counter}`;

  it('makes a new key for a first attempt', () => {
    expect(attemptFor(null, lines, createKey).key).toMatch(/^key-\d+$/);
  });

  it('reuses the key of an unanswered attempt with the same lines (a retry)', () => {
    const first = attemptFor(null, lines, createKey);
    const retry = attemptFor(first, [{ productId: 1, qty: 3 }], createKey);
    expect(retry.key).toBe(first.key);
  });

  it('makes a new key once the lines change (a new attempt)', () => {
    const first = attemptFor(null, lines, createKey);
    const changed = attemptFor(first, [{ productId: 1, qty: 2 }], createKey);
    expect(changed.key).not.toBe(first.key);
  });

  it('uses crypto.randomUUID by default', () => {
    expect(attemptFor(null, lines).key).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe(isAnswered.name, () => {
  it.each([
    [problem(409, 'QUOTA_EXCEEDED'), true],
    [problem(422, 'IDEMPOTENCY_KEY_REUSED'), true],
    [problem(400, 'VALIDATION_FAILED'), true],
    [problem(0, 'NETWORK_ERROR'), false],
    [problem(502, 'HTTP_502'), false],
    [problem(500, 'INTERNAL'), false],
    [new Error('boom'), false],
  ])('%s → %s', (error, expected) => {
    expect(isAnswered(error)).toBe(expected);
  });
});

describe(productNamedBy.name, () => {
  it('takes the productId the problem carries, at the top level or under details', () => {
    expect(productNamedBy({ productId: 13, detail: '' }, items)).toBe(13);
    expect(productNamedBy({ details: { productId: 12 }, detail: '' }, items)).toBe(12);
  });

  it('otherwise finds the product the message names, the longest name first', () => {
    expect(productNamedBy({ detail: '“中华(硬中支)”超出剩余可订量：订 5 条，剩 2 条。' }, items)).toBe(12);
    expect(productNamedBy({ detail: '“中华(硬)”超出剩余可订量' }, items)).toBe(11);
  });

  it('is null when nothing names a product of the cycle', () => {
    expect(productNamedBy({ productId: 99, detail: '超出剩余可订量' }, items)).toBeNull();
  });
});

describe(mapOrderError.name, () => {
  it('maps QUOTA_EXCEEDED to the product it names, with the server message', () => {
    // The server's message (error catalogue QUOTA_EXCEEDED); the problem carries no productId.
    const error = problem(409, 'QUOTA_EXCEEDED', '“芙蓉王(硬)”超出可订量：本次 3 条，剩余 1 条。');
    expect(mapOrderError(error, items, t)).toEqual({
      kind: 'quotaExceeded',
      productId: 13,
      message: '“芙蓉王(硬)”超出可订量：本次 3 条，剩余 1 条。',
    });
  });

  it.each([
    ['ORDER_WINDOW_CLOSED', 409, 'windowClosed'],
    ['NO_OPEN_CYCLE', 404, 'noCycle'],
    ['STORE_NOT_IN_CYCLE', 409, 'noCycle'],
    ['PRODUCT_NOT_IN_CYCLE', 409, 'notInCycle'],
    ['ORDER_LINES_INVALID', 400, 'other'],
    ['IDEMPOTENCY_KEY_REUSED', 422, 'other'],
  ])('maps %s (%i) to %s', (code, status, kind) => {
    expect(mapOrderError(problem(status, code, '说明'), items, t).kind).toBe(kind);
  });

  it('asks for a retry when the server gave no answer, saying the order may have arrived', () => {
    const mapped = mapOrderError(problem(0, 'NETWORK_ERROR'), items, t);
    expect(mapped.kind).toBe('retry');
    expect(mapped.message).toContain('无法连接服务器');
    expect(mapped.message).toContain('不会重复下单');
  });

  it('treats anything else as a plain failure', () => {
    expect(mapOrderError(new TypeError('x'), items, t).kind).toBe('other');
  });
});
