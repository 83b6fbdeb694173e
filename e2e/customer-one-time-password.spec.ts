import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// The service centre issues a store's portal password from its 360° view, then the store can
// sign in with it (and must change it first: see portal-first-sign-in.spec.ts).
test('the service centre issues a one-time portal password from the 360° view', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/login');
  await page.getByLabel('用户名').fill('service');
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();

  const signedIn = await request.post('/api/v1/auth/login', {
    data: { username: 'service', password: 'kewo-demo-2026' },
  });
  expect(signedIn.ok()).toBe(true);
  const [store] = (await (await request.get('/api/v1/customers?q=350622&limit=1')).json()).items;

  await page.goto(`/customers/${store.id}`);
  await expect(page.getByText(store.licenceNo).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /门户密码/ }).click();
  await page.getByRole('button', { name: /生成初始密码/ }).click();
  const password = page.locator('.ant-modal code');
  await expect(password).toHaveText(/^[a-zA-Z2-9]{10}$/);
  await expect(page.getByText('密码只显示这一次')).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-portal-password');

  const portal = await request.post('/api/v1/portal/auth/login', {
    data: { licenceNo: store.licenceNo, password: await password.innerText() },
  });
  expect(portal.ok()).toBe(true);
  expect((await portal.json()).user.mustChangePassword).toBe(true);
  await page.getByRole('button', { name: /我已告知店主/ }).click();
  await expect(page.locator('.ant-modal code')).toBeHidden();
});
