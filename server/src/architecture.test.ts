import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The module boundaries, enforced (docs/architecture.md, "Modules and their tables"):
//   - a module reaches another module only through its index.ts (a module's *.schema.ts may name
//     another's *.schema.ts, for foreign keys: db/schema.ts assembles them all);
//   - platform/ and db/ know no module, and no module knows a workflow or the demo;
//   - a module writes only the tables it owns (the module whose *.schema.ts declares them);
//   - a page folder of the web app reaches another page folder only through its index, and the
//     web takes only types from the server.
// What breaks a rule today is listed below with where it is to go; the lists only shrink: a
// listed breach that is mended fails the test until it is struck off.

const root = resolve(import.meta.dirname, '../..');
const server = join(root, 'server/src');
const web = join(root, 'web/src');

const knownImportBreaches: string[] = [];

const knownWriteBreaches = [
  // Classification's approval sets the stores' class: to go through customers' port (the
  // approve-classification workflow).
  'classification: modules/classification/classification.repository.ts writes customers',
  // A store's portal account is created with the store: to go through platform/identity.
  'customers: modules/customers/customer-import.repository.ts writes users',
  'customers: modules/customers/customers.repository.ts writes users',
  // Organisation manages the tables platform/identity declares: the declarations are to move to
  // organisation, or its writes into platform/identity.
  'organisation: modules/organisation/organisation.repository.ts writes org_units',
  'organisation: modules/organisation/organisation.repository.ts writes tenants',
  'organisation: modules/organisation/organisation.repository.ts writes users',
];

const knownPageBreaches = [
  'pages/audit → pages/users/users.api.ts',
  'pages/classification → pages/customers/customer-codes.ts',
  'pages/classification → pages/supply/components/SupplyChart.tsx',
  'pages/customers → pages/classification/components/CustomerClassification.tsx',
  'pages/customers → pages/supply/components/CustomerGrades.tsx',
  'pages/customers → pages/visits/components/CustomerVisits.tsx',
  'pages/customers → pages/visits/visits-access.ts',
  'pages/home → pages/org-units/org-units.api.ts',
  'pages/home → pages/users/users.api.ts',
  'pages/login → pages/setup/setup.api.ts',
  'pages/supply → pages/customers/customer-codes.ts',
  'pages/supply → pages/customers/customers.api.ts',
  'pages/users → pages/org-units/org-tree.ts',
  'pages/users → pages/org-units/org-units.api.ts',
];

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

  it('a module reaches another module only through its index.ts', () => {
    const breaches = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => isModule(`${target}/`) || isModule(target))
        .filter(({ target }) => isModule(file) && partOf(target) !== partOf(file))
        .filter(({ target }) => !target.endsWith(`modules/${partOf(target)}/index.ts`))
        .filter(({ target }) => !(file.endsWith('.schema.ts') && target.endsWith('.schema.ts')))
        .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
    );
    expect(breaches.sort()).toEqual(knownImportBreaches);
  });

  it('platform and db know no module; modules know no workflow and no demo', () => {
    const breaches = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => {
          const from = partOf(file);
          const to = partOf(target);
          if (from === 'platform' || (from === 'db' && !file.endsWith('db/schema.ts'))) return isModule(target);
          if (isModule(file)) return to === 'workflows' || to === 'demo';
          return false;
        })
        .map(({ target }) => `${relative(server, file)} → ${relative(server, target)}`),
    );
    expect(breaches).toEqual([]);
  });

  it('a module writes only the tables it owns', () => {
    const owners = new Map<string, string>();
    const tableOfVariable = new Map<string, string>();
    for (const file of files.filter((path) => path.endsWith('.schema.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) {
        owners.set(match[2], partOf(file));
        tableOfVariable.set(match[1], match[2]);
      }
    }
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

  it('the web takes only types from the server', () => {
    const valueImports = files.flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => target.startsWith(server) && !typeOnly)
        .map(({ target }) => `${relative(web, file)} → ${relative(root, target)}`),
    );
    expect(valueImports).toEqual([]);
  });
});
