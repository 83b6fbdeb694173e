// Builds the web app before `npm run demo` / `npm run serve` when the build is missing or
// older than its sources, so the two README commands work from a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtPage = join(root, 'dist/web/index.html');

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const isStale = !existsSync(builtPage) || newestModification(join(root, 'web')) > statSync(builtPage).mtimeMs;
if (isStale) {
  console.log('Building the web app (once, ~30 s)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
