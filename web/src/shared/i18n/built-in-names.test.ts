import { renderHook } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCategories, defaultServiceFailures } from '../../../../server/src/modules/tickets/ticket-reference.ts';
import { defaultServiceMenu } from '../../../../server/src/modules/visits/service-menu.rules.ts';
import { builtInEnglish, useBuiltInName } from './built-in-names.ts';
import { changeLocale } from './i18n.ts';

const sorted = (texts: Iterable<string>) => [...new Set(texts)].sort();

describe('the defaults a city company starts with, in English', () => {
  afterAll(() => changeLocale('zh-CN'));

  it('has the English of every default text the server seeds, and of nothing else', () => {
    const seeded = [
      ...defaultCategories.map((category) => category.name),
      ...defaultServiceFailures.map((failure) => failure.name),
      ...defaultServiceMenu.flatMap((item) => [item.name, item.standard, item.frequency, item.performedBy]),
    ];
    expect(sorted(Object.keys(builtInEnglish))).toEqual(sorted(seeded));
    for (const [text, english] of Object.entries(builtInEnglish)) {
      expect(english, text).not.toBe(text);
      expect(/\p{Script=Han}/u.test(english), english).toBe(false);
    }
  });

  it("shows a default's English in English, the company's own words otherwise, and Chinese as stored", async () => {
    await changeLocale('en');
    const english = renderHook(() => useBuiltInName()).result.current;
    expect(english('产品质量')).toBe('Product quality');
    expect(english('新品推介')).toBe('New product introduction');
    // Renamed or added by the company: its own words.
    expect(english('产品质量（含包装）')).toBe('产品质量（含包装）');
    expect(english('toString')).toBe('toString');
    await changeLocale('zh-CN');
    const chinese = renderHook(() => useBuiltInName()).result.current;
    expect(chinese('产品质量')).toBe('产品质量');
  });
});
