import { describe, expect, it } from 'vitest';
import { untranslatedText } from './page-walk.ts';

describe('untranslatedText', () => {
  it.each([
    ['客户档案 24,000 户', []],
    ['tickets.detail.close', ['tickets.detail.close']],
    ['操作 seed_demo 对象 0', ['seed_demo']],
    ['403 CITY_WIDE_SCOPE_REQUIRED', ['CITY_WIDE_SCOPE_REQUIRED']],
    ['manager01 · 2026-12-02 10:00', []],
    ['导出 customers-2026-12-02.xlsx', []],
    ['admin@kewo.example.com', []],
    ['https://kewo.example.com/api/v1/x_y', []],
    ['e.g. v1.2.3', []],
    ['Sign out · My account', []],
  ] as const)('%s → %j', (text, expected) => {
    expect(untranslatedText(text)).toEqual(expected);
  });
});
