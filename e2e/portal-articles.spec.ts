import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// 信息推送 end to end, on a phone: the portal's demo store (demo-information.ts leaves it one
// important article unread, 30 hours old) sees the reminder on its home, opens the news, reads the
// article (read on opening) and acknowledges it; the reminder is gone and the feed shows it confirmed.
const licenceNo = '350602100009';

test('a store reads and acknowledges an important article on a phone', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // 1. The home's news card reminds the store of the important article.
  const card = page.getByTestId('portal-news-card');
  await expect(card).toBeVisible({ timeout: 30_000 });
  const reminder = card.getByRole('link', { name: /重要资讯待确认/ });
  await expect(reminder).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-news-card-phone', { fullPage: false });

  // 2. The feed: unread first, the important one waiting for confirmation.
  await card.getByRole('link', { name: /查看资讯/ }).click();
  await expect(page.getByRole('heading', { name: '资讯' })).toBeVisible();
  const first = page.getByTestId('portal-article-row').first();
  await expect(first).toContainText('待确认');
  await saveScreenshot(page, testInfo, 'portal-articles-phone', { fullPage: false });

  // 3. The article: readable without zoom; acknowledged once.
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const fontSize = await page
    .locator('.portal-article-body')
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await saveScreenshot(page, testInfo, 'portal-article-phone', { fullPage: false });
  await page.getByTestId('portal-article-acknowledge').click();
  await expect(page.getByText('您已确认知悉本文')).toBeVisible();

  // 4. Back home: no reminder; the feed shows it confirmed.
  await page.goto('/portal');
  await expect(page.getByRole('link', { name: /重要资讯待确认/ })).toHaveCount(0);
  await page.goto('/portal/news');
  await expect(page.getByTestId('portal-article-row').filter({ hasText: '已确认' }).first()).toBeVisible();
});
