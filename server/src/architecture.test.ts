import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The module boundaries, enforced (docs/architecture.md, "Modules and their tables"):
//   - a module reaches another module only through its index.ts (a schema's foreign keys too);
//   - platform/ and db/ know no module, and no module knows a workflow or the demo;
//   - a module writes only the tables it owns (the module whose *.schema.ts declares them);
//   - a page folder of the web app reaches another page folder only through its index; outside
//     the page folders only app/page-modules.ts imports them (each one's module.tsx, and it lists
//     every folder), and the web takes only types from the server.
// What breaks a rule today is listed below with where it is to go; the lists only shrink: a
// listed breach that is mended fails the test until it is struck off.

const root = resolve(import.meta.dirname, '../..');
const server = join(root, 'server/src');
const web = join(root, 'web/src');

const knownImportBreaches: string[] = [];

const knownWriteBreaches: string[] = [];

const knownReadBreaches: string[] = [];

const knownPageBreaches: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

type Import = { file: string; target: string; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(import|export)(\s+type)?\s[^;]*?\sfrom\s+'(\.[^']+)'/gms)].map((match) => ({
    file,
    target: resolve(dirname(file), match[3]),
    typeOnly: Boolean(match[2]),
  }));
}

// The part of the tree a server file belongs to: a module's name, or platform, db, demo, workflows…
function partOf(path: string): string {
  const inside = relative(server, path);
  const module = /^modules\/([^/]+)\//.exec(inside);
  return module ? module[1] : (inside.split('/')[0] ?? '');
}

const isModule = (path: string) => relative(server, path).startsWith('modules/');

describe('module boundaries', () => {
  const files = sourceFiles(server);
  const schemaDeclarations = () =>
    files
      .filter((path) => path.endsWith('.schema.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)].map((match) => ({
          owner: partOf(file),
          variable: match[1],
          table: match[2],
        })),
      );
  // Each table's owner: the module whose *.schema.ts declares it, or the platform.
  const tableOwners = () => new Map(schemaDeclarations().map(({ table, owner }) => [table, owner]));
  const tableVariables = () => new Map(schemaDeclarations().map(({ variable, table }) => [variable, table]));

  it('a module reaches another module only through its index.ts', () => {
    const breaches = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => isModule(`${target}/`) || isModule(target))
        .filter(({ target }) => isModule(file) && partOf(target) !== partOf(file))
        .filter(({ target }) => !target.endsWith(`modules/${partOf(target)}/index.ts`))
        .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
    );
    expect(breaches.sort()).toEqual(knownImportBreaches);
  });

  it('outside the modules, server code reaches a module only through its index.ts', () => {
    const breaches = files
      .filter((file) => !isModule(file))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ target }) => isModule(target) && !target.endsWith(`modules/${partOf(target)}/index.ts`))
          .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
      );
    expect(breaches).toEqual([]);
  });

  it('platform and db know no module; modules know no workflow and no demo', () => {
    const breaches = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => {
          const from = partOf(file);
          const to = partOf(target);
          if (from === 'platform' || from === 'db') return isModule(target);
          if (isModule(file)) return to === 'workflows' || to === 'demo';
          return false;
        })
        .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
    );
    expect(breaches).toEqual([]);
  });

  it('the app is assembled from modules.ts: app.ts, main.ts and the jobs list name no module', () => {
    const assembly = ['app.ts', 'main.ts', 'background-jobs.ts'].map((name) => join(server, name));
    const named = assembly.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => isModule(target))
        .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
    );
    expect(named).toEqual([]);
  });

  it('a module writes only the tables it owns', () => {
    const owners = tableOwners();
    const tableOfVariable = tableVariables();
    expect(owners.get('customers')).toBe('customers');
    expect(owners.get('tickets')).toBe('tickets');
    const breaches = files
      .filter(isModule)
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const written = new Set<string>();
        for (const match of text.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+(?:\$\{(\w+)\}|"?(\w+)"?)/g)) {
          written.add(match[1] ? (tableOfVariable.get(match[1]) ?? match[1]) : match[2]);
        }
        for (const match of text.matchAll(/\.(?:insert|update|delete)\((\w+)\)/g)) {
          const table = tableOfVariable.get(match[1]);
          if (table) written.add(table);
        }
        return [...written]
          .filter((table) => owners.has(table) && owners.get(table) !== partOf(file))
          .map((table) => `${partOf(file)}: ${relative(server, file)} writes ${table}`);
      })
      .sort();
    expect(breaches).toEqual(knownWriteBreaches);
  });

  it("a module names another module's table in SQL only through what that module exports", () => {
    // A raw table name in another module's SQL (`JOIN orders o`) is a read behind the owner's back:
    // a join goes through the table object the owner's index.ts exports (`JOIN ${customers} c`), or
    // through a query or SQL fragment it exports, so the import graph shows the dependency.
    const owners = tableOwners();
    const breaches = files
      .filter(isModule)
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const named = new Set<string>();
        for (const match of text.matchAll(/\b(?:FROM|JOIN)\s+"?([a-z_]+)"?/g)) named.add(match[1]);
        return [...named]
          .filter(
            (table) => owners.has(table) && owners.get(table) !== partOf(file) && owners.get(table) !== 'platform',
          )
          .map((table) => `${partOf(file)}: ${relative(server, file)} reads ${table}`);
      })
      .sort();
    expect(breaches).toEqual(knownReadBreaches);
  });

  it('finds a write to a table of another module (the check itself)', () => {
    const text = 'await tx.execute(sql`UPDATE customers SET class = 1`); await tx.update(tickets).set({});';
    const written = [...text.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+(?:\$\{(\w+)\}|"?(\w+)"?)/g)].map(
      (match) => match[2],
    );
    expect(written).toEqual(['customers']);
    expect([...text.matchAll(/\.(?:insert|update|delete)\((\w+)\)/g)].map((match) => match[1])).toEqual(['tickets']);
  });
});

describe('web boundaries', () => {
  const files = sourceFiles(web);
  const pageFolderOf = (path: string) => /^(pages\/[^/]+|portal)\//.exec(relative(web, path))?.[1];

  it('a page folder reaches another page folder only through its index', () => {
    const breaches = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => {
          const from = pageFolderOf(file);
          const to = pageFolderOf(target);
          return from && to && from !== to && !/\/index\.tsx?$/.test(target);
        })
        .map(({ target }) => `${pageFolderOf(file)} → ${relative(web, target)}`),
    );
    expect([...new Set(breaches)].sort()).toEqual(knownPageBreaches);
  });

  // A page folder plugs in through its module.tsx and messages.ts, both listed in
  // app/page-modules.ts, so deleting the folder and its lines in that one file removes it.
  it('outside the page folders, only app/page-modules.ts imports them', () => {
    const isListed = (entry: string) =>
      /^app\/page-modules\.ts → pages\/[^/]+\/(module\.tsx|messages\.ts)$/.test(entry);
    const entries = files
      .filter((file) => !relative(web, file).startsWith('pages/'))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ target }) => relative(web, target).startsWith('pages/'))
          .map(({ target }) => `${relative(web, file)} → ${relative(web, target)}`),
      );
    expect(entries.filter((entry) => !isListed(entry))).toEqual([]);
  });

  // A folder without words of its own (login: a redirect to the plain sign-in page) has no messages.ts.
  it('app/page-modules.ts lists the module.tsx and messages.ts of every page folder', () => {
    const pages = join(web, 'pages');
    const folders = readdirSync(pages).filter((name) => statSync(join(pages, name)).isDirectory());
    const listed = importsOf(join(web, 'app/page-modules.ts'))
      .map(({ target }) => relative(web, target))
      .filter((target) => target.startsWith('pages/'));
    expect(listed.sort()).toEqual(
      folders
        .flatMap((folder) => [`pages/${folder}/messages.ts`, `pages/${folder}/module.tsx`])
        .filter((file) => file.endsWith('module.tsx') || existsSync(join(web, file)))
        .sort(),
    );
  });

  it('the web takes only types from the server', () => {
    const valueImports = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => target.startsWith(server) && !typeOnly)
        .map(({ target }) => `${relative(web, file)} → ${relative(root, target)}`),
    );
    expect(valueImports).toEqual([]);
  });
});
