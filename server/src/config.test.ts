import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configVariables, loadConfig } from './config.ts';

// The README's configuration table is written by hand; this keeps it true to the code.
describe('configuration', () => {
  it('the README table lists every variable with its description and default', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- config-table:start'), readme.indexOf('<!-- config-table:end'));
    for (const [name, variable] of Object.entries(configVariables)) {
      const fallback = variable.schema.safeParse(undefined).data;
      const shown = fallback === undefined ? '—' : `\`${String(fallback)}\``;
      expect(table).toContain(`| \`${name}\` | ${variable.description} | ${shown} |`);
    }
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(Object.keys(configVariables).length);
  });

  it('treats an empty variable as unset and rejects a bad value with its name', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '8080' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(8080);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('takes a URL or off for the listening connection, nothing else', () => {
    expect(loadConfig({ KEWO_LISTEN_URL: 'off' }).KEWO_LISTEN_URL).toBe('off');
    expect(loadConfig({ KEWO_LISTEN_URL: 'postgres://db:5432/kewo' }).KEWO_LISTEN_URL).toBe('postgres://db:5432/kewo');
    expect(loadConfig({}).KEWO_LISTEN_URL).toBeUndefined();
    expect(() => loadConfig({ KEWO_LISTEN_URL: 'no' })).toThrow(/KEWO_LISTEN_URL/);
  });
});
