import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// The list is quick; the machine running the suite may not be (other suites share it).
const expect = baseExpect.configure({ timeout: 40_000 });
test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

// The marketing centre browses the demo catalogue (~300 products), narrows it by brand and class,
// and adds a new product through the drawer; its class follows the wholesale price.
test('marketing browses the catalogue, filters it and adds a product', async ({ page }, testInfo) => {
  await signIn(page, 'marketing');
  await page.getByRole('menuitem', { name: '卷烟规格' }).click();
  await expect(page.getByRole('heading', { name: '卷烟规格' })).toBeVisible();
  await expect(page.getByText(/^共 \d{3} 个规格$/)).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByText(/^¥\d{1,3}(,\d{3})*\.\d{2}$/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'products-list');

  await chooseOption(page, page.getByRole('combobox', { name: '品牌' }), '中华');
  await expect(page).toHaveURL(/brand=/);
  await expect(rows(page).first()).toContainText('中华');
  await chooseOption(page, page.getByRole('combobox', { name: '价类' }), '一类');
  await expect(page).toHaveURL(/priceClass=1/);
  await expect(rows(page).filter({ hasText: '中华(硬)' })).toContainText('¥450.00');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page).not.toHaveURL(/brand=|priceClass=/);
  // The router renders the cleared view in a transition: type once it shows.
  await expect(
    page.getByRole('combobox', { name: '价类' }).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]'),
  ).toContainText('全部价类');
  await expect(page.getByText(/^共 \d{3} 个规格$/)).toBeVisible();

  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('纯境');
  await search.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('七匹狼(纯境)');
  await search.fill('');
  await search.press('Enter');
  await expect(page).not.toHaveURL(/q=/);
  await expect(rows(page)).toHaveCount(50);

  // A code of its own, so a retried run does not meet the product of its first run.
  const code = `E2E${Date.now()}`;
  await page.getByRole('button', { name: /新建规格/ }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('卷烟编码').fill(code);
  await drawer.getByLabel('品牌').fill('七匹狼');
  await drawer.getByLabel('品名规格').fill('七匹狼(e2e 新品)');
  await drawer.getByLabel('批发价（元/条）').fill('188.5');
  await drawer.getByLabel('建议零售价（元/条）').fill('215');
  await drawer.getByRole('switch').click();
  await expect(drawer.getByText('自动（按批发价：一类）')).toBeVisible();
  await expect(drawer.getByText(/批零差率 12\.3%/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'products-drawer');
  await drawer.getByRole('button', { name: /新\s*建/ }).click();
  await expect(page.getByText('卷烟规格已新建')).toBeVisible();
  await expect(drawer).toBeHidden();

  await search.fill(code);
  await search.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('七匹狼(e2e 新品)');
  await expect(rows(page).first()).toContainText('新品');
  await expect(rows(page).first()).toContainText('一类');
});

test('a customer manager reads the catalogue but cannot change it', async ({ page }) => {
  await signIn(page, 'manager01');
  await page.goto('/products');
  await expect(page.getByText(/^共 \d{3} 个规格$/)).toBeVisible();
  await expect(page.getByRole('button', { name: /新建规格/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /编\s*辑/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /导\s*出/ })).toBeVisible();
});
