import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// A customer manager on a phone: this month's plan, today's route, a visit (check-in with position,
// checklist, submit), the plan completion moving, then a correction of that visit.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });
test.use({
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: 24.513, longitude: 117.647 },
  permissions: ['geolocation'],
});

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

test('a manager plans, routes, visits and corrects a visit', async ({ page }, testInfo) => {
  await signIn(page, 'manager01');
  await page.goto('/visits?tab=plan');
  await expect(page.getByTestId('plan-day').first()).toBeVisible();
  const completion = page.getByTestId('plan-completion');
  const before = await completion.textContent();
  await saveScreenshot(page, testInfo, 'visits-plan');

  await page.goto('/visits?tab=today');
  const stop = page
    .getByTestId('route-stop')
    .filter({ has: page.getByRole('button', { name: '开始拜访' }) })
    .first();
  await expect(stop).toBeVisible();
  await saveScreenshot(page, testInfo, 'visits-route');
  await page.getByText('路线图', { exact: true }).click();
  await expect(page.getByTestId('route-map-stop').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'visits-route-map');
  await page.getByText(/^计划顺序 ·/).click();
  await expect(page.getByTestId('route-map-stop').first()).toBeVisible();
  await stop.getByRole('button', { name: '开始拜访' }).click();
  await page.getByRole('button', { name: /签到/ }).click();
  await expect(page.getByText(/已签到/)).toBeVisible();
  await page.getByRole('switch', { name: '陈列达标' }).click();
  await page.getByRole('switch', { name: '明码标价' }).click();
  await page.getByPlaceholder('发现的问题').fill('背柜陈列需调整');
  await saveScreenshot(page, testInfo, 'visits-form', { fullPage: false });
  await page.getByRole('button', { name: /签退并提交/ }).click();
  await expect(page.getByText('走访记录已提交')).toBeVisible();

  await page.goto('/visits?tab=plan');
  await expect(completion).not.toHaveText(before ?? '');

  await page.goto('/visits?tab=records');
  const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(row).toBeVisible();
  await saveScreenshot(page, testInfo, 'visits-records');
  await row.getByRole('button', { name: /更\s*正/ }).click();
  await page.getByRole('button', { name: /签到/ }).click();
  await page.getByRole('switch', { name: '目标品牌上柜' }).click();
  await page.getByPlaceholder('更正原因').fill('漏填上柜情况');
  await page.getByRole('button', { name: /签退并提交/ }).click();
  await expect(page.getByText('走访记录已提交')).toBeVisible();
  await expect(page.getByText(/更正 #/).first()).toBeVisible();
  await page.goto('/visits?tab=report');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'visits-report');
});

test('marketing sees the service menu and the method library', async ({ page }, testInfo) => {
  await signIn(page, 'marketing');
  await page.goto('/services');
  await expect(page.getByText('新品推介')).toBeVisible();
  await saveScreenshot(page, testInfo, 'services-menu');
});

test("a manager reads a store's visits in the 360° view and opens a record read-only", async ({ page }, testInfo) => {
  await signIn(page, 'manager01');
  await page.goto('/visits?tab=records');
  const store = page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link');
  await expect(store).toBeVisible();
  await store.click();
  await expect(page).toHaveURL(/\/customers\/\d+\?tab=visits/);
  const rows = page.getByTestId('customer-visit-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('customer-plan-item').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-visits-phone');
  await rows.first().getByRole('cell').first().getByText(/\d/).first().click();
  const record = page.getByTestId('visit-record');
  await expect(record).toBeVisible();
  await expect(record.getByText('陈列达标')).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-visit-record-phone', { fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(page, testInfo, 'customer-visit-record-desktop', { fullPage: false });
  await page.keyboard.press('Escape');
  await saveScreenshot(page, testInfo, 'customer-visits-desktop');

  // Another manager's store is not found, not an empty list.
  const id = /\/customers\/(\d+)/.exec(page.url())?.[1];
  await page.context().clearCookies();
  await signIn(page, 'manager02');
  const response = await page.request.get(`/api/v1/visits?customerId=${id}`);
  expect(response.status()).toBe(404);
});

test('marketing edits the visit standards and a store override', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'marketing');
  await page.goto('/visits?tab=standards');
  const growth = page.getByTestId('standard-growth');
  await expect(growth).toHaveValue('2');
  await growth.fill('9');
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText('请输入 0–8 之间的整数')).toBeVisible();
  await saveScreenshot(page, testInfo, 'visit-standards-invalid-desktop');
  await growth.fill('3');
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText(/走访标准已保存/)).toBeVisible();

  const [customer] = (await (await page.request.get('/api/v1/customers?limit=1')).json()).items;
  await page.getByRole('button', { name: /添加单店标准/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').fill(customer.name);
  await chooseOption(page, dialog.getByRole('combobox'), customer.name);
  await dialog.getByRole('spinbutton').fill('5');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await dialog.getByLabel('原因').fill('新开示范店，加密走访');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: '新开示范店' });
  await expect(row).toBeVisible();
  await saveScreenshot(page, testInfo, 'visit-standards-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'visit-standards-phone');
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.getByRole('button', { name: '恢复类别标准' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toHaveCount(0);
  await growth.fill('2');
  await page.getByRole('button', { name: '保存标准' }).click();
  await expect(page.getByText(/走访标准已保存/).last()).toBeVisible();
});
