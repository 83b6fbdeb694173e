import { describe, expect, it } from 'vitest';
import { loadAllMessages } from './messages.ts';

// Over the assembled messages: every folder's, merged as both apps load them.
const messagesByLocale = await loadAllMessages();
const { 'zh-CN': zhCN, en } = messagesByLocale;

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
}

describe('translations', () => {
  it('have the same keys in Chinese and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const key of leafKeys(zhCN)) {
      const read = (messages: unknown) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
      expect(placeholders(read(en)), key).toEqual(placeholders(read(zhCN)));
    }
  });

  it('have no empty strings', () => {
    for (const key of leafKeys(zhCN)) {
      const zh = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN);
      expect(zh, key).not.toBe('');
    }
  });
});
