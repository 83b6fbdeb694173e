import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// The administrator's pages show the demo city's real data, formatted for zh-CN.
test('the administrator sees users, the organisation, the audit trail, the background jobs, the city companies and the account page', async ({
  page,
}, testInfo) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('系统管理员，您好')).toBeVisible();
  await expect(page.getByText('用户总数')).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-home');

  await page.goto('/admin/users');
  await expect(page.getByText('manager01', { exact: true })).toBeVisible();
  await expect(page.getByText(/共 204 条/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-users');

  await page.goto('/admin/org-units');
  await expect(page.getByText('龙海营销部').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-org-units');

  await page.goto('/admin/audit');
  await expect(page.getByRole('table')).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-audit');

  // The demo server has run its background jobs since it started: the SLA sweep's last run shows.
  await page.goto('/admin/jobs');
  const sweep = page.locator('.ant-card').filter({ hasText: '投诉时限检查' });
  await expect(sweep.getByText('每 1 分钟')).toBeVisible();
  await expect(sweep.getByText('成功').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-jobs');

  // The demo city operates its deployment: its administrator sees the city companies.
  await page.goto('/admin/tenants');
  await expect(page.getByRole('cell', { name: 'zhangzhou', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新增市公司' }).click();
  await expect(page.getByText('该管理员首次登录时须修改密码。')).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-tenants');
  await page.keyboard.press('Escape');

  await page.goto('/account');
  await expect(page.getByText('修改密码').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-account');
});
