import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The server's modules register their error codes when loaded: the catalogue below is the assembled one.
import { modules } from '../../modules.ts';
import { DomainError } from './domain-error.ts';
import {
  type ErrorCode,
  errorCatalogue,
  messageOf,
  pickLocale,
  platformErrors,
  registerErrors,
} from './error-catalogue.ts';

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

  it('names the same details in both languages', () => {
    // A language may take a detail written for it: `reasonEn` for `reason`, `fromLabel` for `from`.
    const detailsOf = (template: string) =>
      [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1].replace(/(En|Label)$/, '')))].sort();
    const differing = Object.entries(errorCatalogue)
      .filter(([, entry]) => detailsOf(entry['zh-CN']).join() !== detailsOf(entry.en).join())
      .map(([code]) => code);
    expect(differing).toEqual([]);
  });

  it('refuses a code that no list registered, naming where lists are registered', () => {
    expect(() => messageOf('NO_SUCH_CODE' as ErrorCode, 'en')).toThrow(/NO_SUCH_CODE .*server\/src\/modules\.ts/);
  });
});

describe('the assembled catalogue', () => {
  const server = resolve(import.meta.dirname, '../..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });

  it("holds the platform's codes and every module's", () => {
    const lists = [platformErrors, ...modules.flatMap((module) => (module.errors ? [module.errors] : []))];
    const codes = lists.flatMap((list) => Object.keys(list));
    expect(Object.keys(errorCatalogue).sort()).toEqual(codes.sort());
    expect(modules.filter((module) => module.errors).length).toBeGreaterThanOrEqual(7);
  });

  it('has every code that server/src throws', () => {
    const missing = sourceFiles(server).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'(\w+)'/g)]
        .map((match) => match[1])
        .filter((code) => !Object.hasOwn(errorCatalogue, code))
        .map((code) => `${relative(server, file)}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it("takes a module's code and, for the type checker, refuses a misspelt one", () => {
    expect(new DomainError('TICKET_RATING_INVALID').code).toBe('TICKET_RATING_INVALID');
    // @ts-expect-error a code in no list does not compile
    expect(new DomainError('TICKET_RATING_INVALDI').code).toBe('TICKET_RATING_INVALDI');
  });

  it('refuses a code registered twice, and takes none of that list', () => {
    const entry = { status: 400, 'zh-CN': '测试。', en: 'A test.' };
    expect(() => registerErrors({ TEST_ONLY_CODE: entry, NOT_FOUND: entry }, 'a test')).toThrow(
      'Error codes registered twice, by a test: NOT_FOUND (already registered by platform). A code belongs to one list.',
    );
    expect(Object.hasOwn(errorCatalogue, 'TEST_ONLY_CODE')).toBe(false);
    const tickets = modules.find((module) => module.name === 'tickets');
    expect(() => registerErrors(tickets?.errors ?? {}, 'tickets')).toThrow(
      /TICKET_RATING_INVALID \(already registered by tickets\)/,
    );
  });
});
