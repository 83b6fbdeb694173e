import { describe, expect, it } from 'vitest';
import { errorCatalogue, messageOf, pickLocale } from './error-catalogue.ts';

describe(pickLocale.name, () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.4, zh-TW;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
  ] as const)('%s → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});

describe(messageOf.name, () => {
  it('fills placeholders from the details', () => {
    expect(messageOf('TOO_MANY_ATTEMPTS', 'zh-CN', { minutes: 15 })).toBe('登录失败次数过多，请在 15 分钟后再试。');
    expect(messageOf('TOO_MANY_ATTEMPTS', 'en', { minutes: 15 })).toContain('15 minutes');
  });

  it('has a message in every language for every code', () => {
    for (const entry of Object.values(errorCatalogue)) {
      expect(entry['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/[A-Za-z]/);
    }
  });
});
