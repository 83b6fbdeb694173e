import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// The retailer portal on a phone. Retailer accounts arrive with the customer records; until
// then the journey is the sign-in page itself, its validation and its refusal.
test('the portal sign-in works on a phone, in Chinese, and refuses a wrong licence number', async ({
  page,
}, testInfo) => {
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/portal\/login/);
  await expect(page.getByText('零售客户服务平台').first()).toBeVisible();
  const licence = page.getByLabel('专卖许可证号');
  await licence.fill('35060');
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('请输入 12 位数字的许可证号')).toBeVisible();
  await licence.fill('350602100001');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('许可证号或密码错误。')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-login-phone');
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
