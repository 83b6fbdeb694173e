import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultBuildDir,
  type FirstScreen,
  filesOfScreen,
  firstScreens,
  formatScreens,
  freshBuildDir,
  type Manifest,
  measureBuild,
  measureScreen,
  type ScreenSize,
} from './bundle-budget.ts';

// A build in miniature: an entry with a shared chunk, a page loaded with import(), and a chart
// that only a later page loads.
const manifest: Manifest = {
  'index.html': { file: 'assets/console.js', isEntry: true, imports: ['_react.js'], css: ['assets/console.css'] },
  '_react.js': { file: 'assets/react.js', imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime.js' },
  'src/pages/login/index.tsx': {
    file: 'assets/login.js',
    isDynamicEntry: true,
    imports: ['_react.js', '_form.js'],
    dynamicImports: ['src/chart.tsx'],
  },
  '_form.js': { file: 'assets/form.js', css: ['assets/form.css'] },
  'src/chart.tsx': { file: 'assets/chart.js', isDynamicEntry: true, imports: ['_echarts.js'] },
  '_echarts.js': { file: 'assets/echarts.js' },
};

describe(filesOfScreen.name, () => {
  it.each([
    [
      'the entry alone',
      [],
      ['index.html', 'assets/console.js', 'assets/console.css', 'assets/react.js', 'assets/runtime.js'],
    ],
    [
      'the entry and its sign-in page',
      ['src/pages/login/index.tsx'],
      [
        'index.html',
        'assets/console.js',
        'assets/console.css',
        'assets/react.js',
        'assets/runtime.js',
        'assets/login.js',
        'assets/form.js',
        'assets/form.css',
      ],
    ],
  ])('%s: static imports (transitively) and CSS, each file once, no later import()', (_case, lazy, expected) => {
    expect(filesOfScreen(manifest, { entry: 'index.html', lazy })).toEqual(expected);
  });

  it('fails on a page that is not a chunk of its own (renamed, or bundled into the entry)', () => {
    expect(() => filesOfScreen(manifest, { entry: 'index.html', lazy: ['src/pages/home/index.tsx'] })).toThrow(
      /not a lazily loaded chunk/,
    );
    expect(() => filesOfScreen(manifest, { entry: 'index.html', lazy: ['_form.js'] })).toThrow(
      /not a lazily loaded chunk/,
    );
  });
});

describe(measureScreen.name, () => {
  const asset = (file: string) => Buffer.from(`/* ${file} */ ${'x'.repeat(file.length * 40)}`);
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(asset(file), { level: 9 }).length, 0);
  const screen = (budgetKiB: number): FirstScreen => ({
    name: 'console login',
    entry: 'index.html',
    lazy: ['src/pages/login/index.tsx'],
    budgetKiB,
    goalKiB: 0.1,
  });

  it('sums the gzip size of every file the screen downloads', () => {
    const size = measureScreen(manifest, screen(300), asset);
    expect(size.gzipBytes).toBe(gzipOf(filesOfScreen(manifest, screen(300))));
    expect(size.files).toHaveLength(8);
  });

  it.each([
    ['within', 1, true],
    ['over', 0.1, false],
  ])('is %s budget', (_case, budgetKiB, isWithinBudget) => {
    expect(measureScreen(manifest, screen(budgetKiB), asset).isWithinBudget).toBe(isWithinBudget);
  });
});

describe('first screens of the built web app', () => {
  let sizes: ScreenSize[];
  let buildDir: string | undefined;

  beforeAll(() => {
    // dist/web when it is newer than the sources (CI builds just before the tests), else a build
    // into a temporary directory (a few seconds).
    buildDir = freshBuildDir();
    sizes = measureBuild(buildDir);
    console.log(formatScreens(sizes));
  }, 180_000);

  afterAll(() => {
    if (buildDir && buildDir !== defaultBuildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it.each(firstScreens.map((screen) => [screen.name, screen.budgetKiB] as const))(
    '%s downloads at most %i KiB (gzip) before it shows',
    (name) => {
      const size = sizes.find((candidate) => candidate.name === name);
      const largest = [...(size?.files ?? [])]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .slice(0, 5)
        .map((file) => `${file.file} ${(file.gzipBytes / 1024).toFixed(1)} KiB`);
      expect(size?.gzipKiB, `largest: ${largest.join(', ')}`).toBeLessThanOrEqual(size?.budgetKiB ?? 0);
    },
  );

  it('keeps each budget within 10 KiB of what its screen weighs (a ratchet)', () => {
    // A budget left far above the weight would let the screen grow back: lower it with the change.
    for (const size of sizes) expect(size.budgetKiB - size.gzipKiB, size.name).toBeLessThanOrEqual(10);
  });

  it('keeps antd out of every first screen (the shells, sign-in pages and homes are plain markup)', () => {
    // antd's style engine (@ant-design/cssinjs) marks each style it writes with this attribute.
    const isAntd = (file: string) =>
      file.endsWith('.js') && readFileSync(join(buildDir ?? '', file), 'utf8').includes('data-token-hash');
    const screensWithAntd = sizes
      .filter((size) => size.files.some((file) => isAntd(file.file)))
      .map((size) => size.name);
    expect(screensWithAntd).toEqual([]);
  });

  it('keeps echarts out of every first screen', () => {
    for (const size of sizes)
      expect(size.files.map((file) => file.file).filter((file) => /echarts/.test(file))).toEqual([]);
  });
});
