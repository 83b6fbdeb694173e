import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllMessages } from '../app/messages.ts';
import { firstScreenMessages, loadPortalMessages } from './portal-messages.ts';

// The portal's entry carries only the first screens' messages (messages.ts); every other page's
// load with the first antd page (page-messages.ts). A key the sign-in page, the shell or the home
// shows but that lives in a page's messages would appear raw on a phone: this walks the first
// screens' static imports and checks every key they name is in the entry's messages, both languages.
// The tests run from the repository's root (vitest.config.ts).
const webSource = join(process.cwd(), 'web/src');
const firstScreenRoots = [
  'portal/main.tsx',
  'portal/PortalLayout.tsx',
  'portal/pages/PortalHomePage.tsx',
  'portal/pages/PortalLoginPage.tsx',
];

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // `import … from './x'`, not import('./x'): a lazily loaded module is not part of the first screen.
  return [...source.matchAll(/^import\s(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+\.tsx?)';/gms)].map((match) =>
    resolve(dirname(file), match[1]),
  );
}

function firstScreenFiles(): string[] {
  const seen = new Set<string>();
  const pending = firstScreenRoots.map((root) => join(webSource, root));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...staticImports(file));
  }
  return [...seen];
}

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      messages,
    );
}

const everyMessage = await loadAllMessages();

describe('the portal first screens’ messages', () => {
  const files = firstScreenFiles();
  // Every string literal that names a message of some folder (keys built at run time are not seen).
  const keys = [
    ...new Set(
      files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/['`]([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['`]/g)].map((match) => match[1]),
      ),
    ),
  ].filter((key) => typeof lookup(everyMessage['zh-CN'], key) === 'string');

  it('finds the first screens and the keys they show', () => {
    expect(files.some((file) => file.endsWith('PortalHomePage.tsx'))).toBe(true);
    expect(keys).toContain('portal.login');
    expect(keys).toContain('portal.tabs.home');
  });

  it('has every key the first screens show in Chinese, in the entry', () => {
    expect(keys.filter((key) => typeof lookup(firstScreenMessages, key) !== 'string')).toEqual([]);
  });

  it('has every key the first screens show in English, without the pages’ messages', async () => {
    const en = await loadPortalMessages('en');
    expect(keys.filter((key) => typeof lookup(en, key) !== 'string')).toEqual([]);
  });

  it('leaves the pages’ messages out of the entry', () => {
    expect(lookup(firstScreenMessages, 'portalOrder')).toBeUndefined();
    expect(lookup(firstScreenMessages, 'portal.services')).toBeUndefined();
  });
});
