import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// A store's first sign-in: the service centre issues a one-time password (read out on the
// phone), the store signs in with it on a phone and must set its own before anything else.
test('a store signs in with a one-time password and sets its own first', async ({ page, request }, testInfo) => {
  const staff = await request.post('/api/v1/auth/login', { data: { username: 'service', password: 'kewo-demo-2026' } });
  expect(staff.ok()).toBe(true);
  const found = await request.get('/api/v1/customers?q=350603&limit=1');
  const [store] = (await found.json()).items;
  const issued = await request.post(`/api/v1/customers/${store.id}/portal-password`);
  expect(issued.ok()).toBe(true);
  const { username, password } = await issued.json();
  expect(username).toBe(store.licenceNo);

  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal\/mine\/password/);
  await expect(page.getByText('您正在使用客户经理提供的初始密码')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-first-password-phone');

  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill('my-own-store-2026');
  await page.getByLabel('确认新密码').fill('my-own-store-2026');
  await page.getByRole('button', { name: /修改密码/ }).click();
  await expect(page.getByText('您正在使用客户经理提供的初始密码')).toBeHidden();
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/portal$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
