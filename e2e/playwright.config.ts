import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { e2ePort } from './demo-server.ts';

export { e2ePort };

// One demo server for all journeys, on its own fresh data directory (see global-setup.ts and
// demo-server.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry, everywhere: the journeys run against one demo server on a shared 2-core machine,
  // where a save can take longer than an expectation waits. A journey that passes only on its
  // retry is flaky, which scripts/test-all.ts counts as failed unless the journey is marked
  // known-flaky with a reason; twice failed is failed.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  globalSetup: './global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    locale: 'zh-CN',
    // No zooming dialogs or sliding dropdowns (the app honours the setting): a click computed on a
    // dialog still growing from its button had landed beside it on a loaded machine.
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1440, height: 900 } }, testIgnore: /portal/ },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      testMatch: /portal.*\.spec\.ts/,
    },
  ],
});
