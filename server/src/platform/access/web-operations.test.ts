import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { operationOf } from './permissions.rules.ts';

// The web asks can('POST /api/v1/…') and marks buttons data-action="POST /api/v1/…": each such
// string must name an operation the server registered, or a typo (or a renamed route) would hide
// a button for everyone, or leave one the walk cannot check.
const webSource = fileURLToPath(new URL('../../../../web/src/', import.meta.url));
const operationLiteral = /(['"`])((?:GET|POST|PUT|PATCH|DELETE) \/api\/v1\/[^'"`\s]*)\1/g;
const dataActionLiteral = /data-action=(?:"([^"]*)"|\{\s*'([^']*)')/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

type Use = { file: string; operation: string };

function usesIn(files: readonly string[], pattern: RegExp, group: (match: RegExpMatchArray) => string): Use[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => ({
      file: relative(webSource, file),
      operation: group(match),
    })),
  );
}

describe('the operations the web names', () => {
  let t: TestApp;
  const files = sourceFiles(webSource);
  beforeAll(async () => {
    t = await createTestApp('pglite', { seed: false });
  });
  afterAll(async () => t?.close());

  it('are each an operation the server registered with an access rule', () => {
    const registered = new Set(
      t.app.registeredRoutes.filter((route) => route.access?.kind === 'roles').map(operationOf),
    );
    const uses = usesIn(files, operationLiteral, (match) => match[2]);
    // The ticket detail's actions at least: the scan itself must find what the pages use.
    const named = new Set(uses.map((use) => use.operation));
    for (const operation of [
      'POST /api/v1/tickets/:id/transitions',
      'POST /api/v1/tickets/:id/escalate',
      'POST /api/v1/tickets/:id/replies',
      'POST /api/v1/visits/plan/items/:id/drop',
    ]) {
      expect(named, operation).toContain(operation);
    }
    expect(uses.filter((use) => !registered.has(use.operation as never))).toEqual([]);
  });

  it('marks data-action with a whole operation, never a shorthand', () => {
    const actions = usesIn(files, dataActionLiteral, (match) => match[1] ?? match[2]);
    expect(actions.length).toBeGreaterThan(20);
    const malformed = actions.filter((use) => !/^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/\S+$/.test(use.operation));
    expect(malformed).toEqual([]);
  });
});
