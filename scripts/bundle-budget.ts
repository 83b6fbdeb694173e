// The first-screen budget of the web app: what a browser downloads before it can show the
// console's or the portal's first page, summed from the Vite build manifest (build.manifest in
// web/vite.config.ts) as gzip bytes. A store owner opens the portal's login on a phone, often on a
// rural network, so each first screen has a ceiling and bundle-budget.test.ts fails above it.
//
// The ceiling is a ratchet: each screen's budget is what it weighs today rounded up to the next
// 10 KiB, so a screen cannot grow unnoticed; lower it whenever a change makes a screen lighter.
// The goal is issue 18's (portal ≤ 150 KiB, console ≤ 300 KiB), printed beside it; every screen
// has reached it. The portal's sign-in page and home are plain HTML, and antd comes with the pages
// that use it (portal/antd-page.tsx), as do the portal pages' messages (portal/page-messages.ts).
// So does the console's: its signed-in shell (side menu, header,
// user menu) and its home are plain markup in its entry, and antd's ConfigProvider and App wrap the
// other pages, fetched with the first of them (app/LazyAntdScope.tsx). The console's entry carries
// only the first screens' messages and the side menu's labels (app/messages.ts). The console's
// sign-in page is a page of its own, login.html: plain HTML and one small script
// (web/src/login/login.ts), not the app. Both apps route declaratively (BrowserRouter, useRoutes):
// react-router's data router (createBrowserRouter) weighed ~16 KiB gzip in the vendor chunk that
// every first screen downloads.
//
//   npx node scripts/bundle-budget.ts [buildDir] [--files]   prints the table (default: dist/web,
//   built if stale); --files lists each screen's files by weight
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const defaultBuildDir = join(root, 'dist/web');

export type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

export type FirstScreen = {
  name: string;
  // The HTML page (its manifest key is the page's file name).
  entry: string;
  // The HTML file sent, when not the entry's own.
  page?: string;
  // Source files the page loads with import() before it shows (the route's page component).
  lazy: readonly string[];
  // The ratchet: the test fails above it.
  budgetKiB: number;
  // Where the budget is heading (issue 18): a phone on a slow network shows the page quickly.
  goalKiB: number;
};

const consoleGoalKiB = 300;
const portalGoalKiB = 150;

// The pages people open first: the console's sign-in and home (signed-in staff land there), and
// the portal's sign-in and home. Each lazy source must be a chunk of its own in the manifest.
export const firstScreens: readonly FirstScreen[] = [
  {
    name: 'console login',
    // The server sends login.html for /login: its own page, not the console's app.
    entry: 'login.html',
    lazy: [],
    budgetKiB: 10,
    goalKiB: consoleGoalKiB,
  },
  {
    name: 'console home',
    // The signed-in shell and the home are part of the console's entry (web/src/app/App.tsx).
    entry: 'index.html',
    lazy: [],
    budgetKiB: 170,
    goalKiB: consoleGoalKiB,
  },
  {
    name: 'portal login',
    entry: 'portal.html',
    lazy: ['src/portal/pages/PortalLoginPage.tsx'],
    budgetKiB: 140,
    goalKiB: portalGoalKiB,
  },
  {
    name: 'portal home',
    entry: 'portal.html',
    lazy: ['src/portal/PortalLayout.tsx', 'src/portal/pages/PortalHomePage.tsx'],
    budgetKiB: 140,
    goalKiB: portalGoalKiB,
  },
];

// The files a screen downloads: the HTML, each starting chunk, everything those import
// statically (transitively), and their CSS. Dynamic imports are not followed: they load later.
export function filesOfScreen(manifest: Manifest, screen: Pick<FirstScreen, 'entry' | 'page' | 'lazy'>): string[] {
  const files = new Set<string>();
  const visited = new Set<string>();
  const visit = (key: string) => {
    if (visited.has(key)) return;
    visited.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest (renamed, or bundled into its importer?)`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(screen.entry);
  for (const source of screen.lazy) {
    if (!manifest[source]?.isDynamicEntry) {
      throw new Error(`${source} is not a lazily loaded chunk in the build manifest`);
    }
    visit(source);
  }
  return [screen.page ?? screen.entry, ...[...files].filter((file) => file !== screen.entry)];
}

export type ScreenSize = {
  name: string;
  budgetKiB: number;
  goalKiB: number;
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  gzipKiB: number;
  isWithinBudget: boolean;
};

export function measureScreen(
  manifest: Manifest,
  screen: FirstScreen,
  readAsset: (file: string) => Buffer,
): ScreenSize {
  const files = filesOfScreen(manifest, screen).map((file) => {
    const content = readAsset(file);
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
  const gzipKiB = Math.round((gzipBytes / 1024) * 10) / 10;
  return {
    name: screen.name,
    budgetKiB: screen.budgetKiB,
    goalKiB: screen.goalKiB,
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes,
    gzipKiB,
    isWithinBudget: gzipBytes <= screen.budgetKiB * 1024,
  };
}

export function measureBuild(buildDir: string, screens: readonly FirstScreen[] = firstScreens): ScreenSize[] {
  const manifestPath = join(buildDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with build.manifest on`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return screens.map((screen) => measureScreen(manifest, screen, (file) => readFileSync(join(buildDir, file))));
}

function newestModification(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

// dist/web when it has a manifest newer than every web source and the lockfile (CI builds just
// before the tests); otherwise a fresh build into a temporary directory, leaving dist/web alone.
export function freshBuildDir(buildDir = defaultBuildDir): string {
  const manifestPath = join(buildDir, '.vite/manifest.json');
  const sourcesChanged = Math.max(
    newestModification(join(root, 'web')),
    newestModification(join(root, 'package-lock.json')),
  );
  if (existsSync(manifestPath) && statSync(manifestPath).mtimeMs >= sourcesChanged) return buildDir;
  const outDir = mkdtempSync(join(tmpdir(), 'kewo-bundle-budget-'));
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--logLevel', 'error'],
    // NODE_ENV from the test runner ('test') would build React's development bundle.
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', KEWO_SKIP_PRECOMPRESS: '1' } },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}${result.stdout}`);
  return outDir;
}

export function formatScreens(sizes: readonly ScreenSize[]): string {
  const lines = [
    '| first screen | files | raw KiB | gzip KiB | budget KiB | goal KiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    const mark = size.isWithinBudget ? '' : ' ✗';
    lines.push(
      `| ${size.name} | ${size.files.length} | ${(size.bytes / 1024).toFixed(1)} | ${size.gzipKiB.toFixed(1)}${mark} | ${size.budgetKiB} | ${size.goalKiB} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const buildDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? freshBuildDir();
  const sizes = measureBuild(buildDir);
  console.log(formatScreens(sizes));
  if (process.argv.includes('--files')) {
    for (const size of sizes) {
      console.log(`\n${size.name}`);
      for (const file of [...size.files].sort((a, b) => b.gzipBytes - a.gzipBytes))
        console.log(`  ${(file.gzipBytes / 1024).toFixed(1).padStart(7)} KiB  ${file.file}`);
    }
  }
  process.exitCode = sizes.every((size) => size.isWithinBudget) ? 0 : 1;
}
