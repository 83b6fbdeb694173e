import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, test } from './test.ts';

// A retailer on a phone sees the menu its class entitles it to and requests an item.
const expect = baseExpect.configure({ timeout: 30_000 });

test('a retailer sees my menu and requests an item', async ({ page, request }, testInfo) => {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'marketing', password: 'kewo-demo-2026' },
  });
  baseExpect(login.ok()).toBe(true);
  const stores = await request.get('/api/v1/customers?limit=30');
  const items = (await stores.json()).items as Array<{ licenceNo: string }>;
  const licenceNo = items[testInfo.retry + 7].licenceNo;
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: '服务', exact: true }).click();
  await expect(page.getByTestId('portal-service-item').first()).toBeVisible();
  await expect(page.getByTestId('portal-class')).toContainText(/类别|尚未分类/);
  const first = page
    .getByTestId('portal-service-item')
    .filter({ has: page.getByRole('button', { name: /^申\s*请$/ }) })
    .first();
  const name = (await first.locator('div > div').first().textContent()) ?? '';
  await first.getByRole('button', { name: /^申\s*请$/ }).click();
  await expect(page.getByText(/申请已提交/)).toBeVisible();
  await expect(page.getByTestId('portal-request').filter({ hasText: name })).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-services', { fullPage: false });
});
