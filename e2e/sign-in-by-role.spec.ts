import { saveScreenshot } from './screenshot.ts';
import { expect, type Page, test } from './test.ts';

// Each role signs in, sees the menu its access allows, switches to English and back out.
const allAdminPages = ['用户管理', '组织机构', '审计日志', '自定义字段'];
const roles = [
  { username: 'admin', roleLabel: '系统管理员', adminPages: allAdminPages },
  { username: 'marketing', roleLabel: '营销中心', adminPages: [] },
  { username: 'service', roleLabel: '客服中心', adminPages: [] },
  { username: 'inspector', roleLabel: '督察考评', adminPages: ['审计日志'] },
  { username: 'manager01', roleLabel: '客户经理', adminPages: [] },
  { username: 'manager02', roleLabel: '客户经理', adminPages: [] },
];

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

for (const role of roles) {
  test(`${role.username} signs in, sees the ${role.roleLabel} menu, switches language and signs out`, async ({
    page,
  }, testInfo) => {
    await signIn(page, role.username);
    const menu = page.getByRole('menu').first();
    await expect(menu.getByText('工作台', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '个人设置' })).toContainText(role.roleLabel);
    if (role.adminPages.length > 0) {
      await menu.getByText('系统管理', { exact: true }).click();
      for (const label of allAdminPages) {
        await expect(menu.getByText(label, { exact: true })).toHaveCount(role.adminPages.includes(label) ? 1 : 0);
      }
    } else {
      await expect(menu.getByText('系统管理', { exact: true })).toHaveCount(0);
    }
    if (!role.adminPages.includes('用户管理')) {
      // An address the menu does not offer is refused too.
      await page.goto('/admin/users');
      await expect(page.getByRole('table')).toHaveCount(0);
      await page.goto('/');
    }
    await saveScreenshot(page, testInfo, `${role.username}-zh-CN`);

    await page.getByRole('button', { name: /^语言/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(menu.getByText('Dashboard', { exact: true })).toBeVisible();
    await saveScreenshot(page, testInfo, `${role.username}-en`);

    await page.getByRole('button', { name: 'My account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);
  });
}

test('a wrong password is refused with the reason, in Chinese', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误。')).toBeVisible();
});
