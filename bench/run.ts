// `npm run bench`: runs every benchmark in bench/ (each top-level .ts file but this one), one after
// another, each in its own process. Options after the script name go to every benchmark, e.g.
//   npm run bench -- --duration 5 --rounds 3
//   npm run bench -- --only auth-me-vs-health --db pglite
// Exits non-zero when any benchmark misses its target (1) or fails (2).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const only: string[] = [];
const forwarded: string[] = [];
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index];
  if (arg === '--only') only.push(...(args[++index] ?? '').split(','));
  else if (arg.startsWith('--only=')) only.push(...arg.slice('--only='.length).split(','));
  else forwarded.push(arg);
}

const all = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== self)
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const unknown = only.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${all.join(', ')}`);
  process.exit(2);
}
const selected = only.length > 0 ? all.filter((name) => only.includes(name)) : all;

const outcomes: { name: string; status: number; seconds: number }[] = [];
for (const name of selected) {
  console.log(`\n━━ bench/${name}.ts ${forwarded.join(' ')}`.trimEnd());
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(benchDir, `${name}.ts`), ...forwarded], { stdio: 'inherit' });
  const status = result.status ?? 2;
  outcomes.push({ name, status, seconds: Math.round((performance.now() - started) / 1000) });
  if (result.signal === 'SIGINT' || result.signal === 'SIGTERM' || status === 130) break;
}

const label = (status: number) => (status === 0 ? 'pass' : status === 1 ? 'below target' : `failed (${status})`);
console.log('\n━━ Benchmarks');
for (const outcome of outcomes)
  console.log(`  ${outcome.name.padEnd(28)} ${label(outcome.status).padEnd(16)} ${outcome.seconds} s`);
process.exitCode = Math.max(0, ...outcomes.map((outcome) => outcome.status));
