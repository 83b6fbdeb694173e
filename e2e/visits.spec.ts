import { expect as baseExpect, type Page, test } from '@playwright/test';
import { saveScreenshot } from './screenshot.ts';

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
