import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectMenuLabels, formatMenuLabels } from './menu-labels.ts';

// The console's entry carries the side-menu labels of the folders whose messages load later:
// web/src/app/menu-labels.ts must say what those folders' messages.ts say.
describe('web/src/app/menu-labels.ts', () => {
  it('is up to date with the page folders (npx node scripts/menu-labels.ts rewrites it)', async () => {
    const written = readFileSync(new URL('../web/src/app/menu-labels.ts', import.meta.url), 'utf8');
    expect(written).toBe(formatMenuLabels(await collectMenuLabels()));
  });
});
