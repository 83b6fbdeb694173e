import type { Page, TestInfo } from '@playwright/test';

// Saves a full-page screenshot as a test artifact: test-results/screenshots/<name>.png,
// attached to the report as well, so every run leaves pictures of what users saw.
// `fullPage: false` keeps what the viewport shows: a page with fixed bars (the portal's cart and
// tab bars) would otherwise show them stamped across the middle of the long picture.
export async function saveScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  const path = new URL(`../test-results/screenshots/${name}.png`, import.meta.url).pathname;
  await page.waitForLoadState('networkidle');
  // A full-page picture of a scrolled page stamps the sticky header and menu where the window
  // stood, across the middle of the form: take it from the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
