import { request } from '@playwright/test';
import { e2ePort } from './playwright.config.ts';
import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// Searching 24,000 stores on PGlite while other suites share the machine can take a few seconds.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

// A custom field, so the list, the filters and the form show one; deactivated afterwards
// (an inactive field is hidden everywhere), so other journeys see the city as it was.
let customFieldId = 0;

async function asAdmin() {
  const context = await request.newContext({ baseURL: `http://127.0.0.1:${e2ePort}` });
  const signedIn = await context.post('/api/v1/auth/login', {
    data: { username: 'admin', password: 'kewo-demo-2026' },
  });
  baseExpect(signedIn.ok()).toBe(true);
  return context;
}

test.beforeAll(async () => {
  const admin = await asAdmin();
  // A retried worker finds the field from its first run: switch it back on.
  const existing = (
    (await (await admin.get('/api/v1/customer-fields')).json()) as { items: { id: number; key: string }[] }
  ).items.find((field) => field.key === 'e2e_area');
  if (existing) {
    customFieldId = existing.id;
    baseExpect((await admin.patch(`/api/v1/customer-fields/${existing.id}`, { data: { active: true } })).ok()).toBe(
      true,
    );
  } else {
    const created = await admin.post('/api/v1/customer-fields', {
      data: { key: 'e2e_area', label: '经营面积', kind: 'number' },
    });
    baseExpect(created.status()).toBe(201);
    customFieldId = ((await created.json()) as { id: number }).id;
  }
  await admin.dispose();
});

test.afterAll(async () => {
  const admin = await asAdmin();
  await admin.patch(`/api/v1/customer-fields/${customFieldId}`, { data: { active: false } });
  await admin.dispose();
});

// The marketing centre finds stores by pinyin initials and Chinese, narrows by district and
// picks columns; the URL and the browser keep the view.
test('marketing searches by pinyin and Chinese, filters by district and chooses columns', async ({
  page,
}, testInfo) => {
  await signIn(page, 'marketing');
  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
  await expect(page.getByText(/^共 \d{1,3}(,\d{3})+ 家客户$/)).toBeVisible();
  await expect(rows(page)).toHaveCount(20);
  await saveScreenshot(page, testInfo, 'customers-list');

  // Pinyin initials: hxbl finds 恒兴便利…
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('hxbl');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=hxbl/);
  await expect(page.getByRole('link', { name: /^恒兴便利/ }).first()).toBeVisible();

  // A 2-character Chinese query, narrowed to one district.
  await search.fill('龙海');
  await search.press('Enter');
  // The search is in the view before the district joins it (a choice made before the list has
  // taken the new search builds on the old one).
  await expect(page).toHaveURL(/q=(%E9%BE%99%E6%B5%B7|龙海)/);
  await chooseOption(page, page.getByRole('combobox', { name: '所属区县' }), '龙海区');
  await expect(page).toHaveURL(/districtCode=350604/);
  await expect(rows(page).first()).toBeVisible();
  const districts = await rows(page)
    .locator('td')
    .filter({ hasText: /区$|县$/ })
    .allTextContents();
  expect(districts.length).toBeGreaterThan(0);
  for (const district of districts) expect(district).toBe('龙海区');

  // Columns: hide the phone, show tags and the custom field; the choice survives a reload,
  // and the URL brings the same view back.
  await page.getByRole('button', { name: '列设置' }).click();
  const popover = page.locator('.ant-popover:visible');
  await popover.getByLabel('联系电话').uncheck();
  await popover.getByLabel('标签').check();
  await popover.getByLabel('经营面积').check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: '联系电话' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '经营面积' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: '标签' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '联系电话' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '所属区县' }).locator('..').locator('..')).toContainText('龙海区');
  await expect(search).toHaveValue('龙海');
});

// The 360° view: profile with its position, an edit, the edit in the history, a status change.
test('marketing opens a 360° view, edits the store and sees the change in its history', async ({ page }, testInfo) => {
  await signIn(page, 'marketing');
  // An open store: a retry takes the next one, as an earlier attempt paused its store.
  await page.goto('/customers?q=龙海&districtCode=350604&status=active');
  await expect(rows(page).first()).toBeVisible();
  // The 360° view.
  const firstName = (await rows(page).first().getByRole('link').textContent()) ?? '';
  await rows(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  await expect(page.getByRole('heading', { name: firstName })).toBeVisible();
  await expect(page.getByRole('tab', { name: '基本信息' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '变更记录' })).toBeVisible();
  await expect(page.getByRole('img', { name: /地图位置/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /在高德地图中查看/ })).toHaveAttribute(
    'href',
    /^https:\/\/uri\.amap\.com\/marker\?position=1\d{2}\.\d+,2\d\.\d+&name=/,
  );
  await saveScreenshot(page, testInfo, 'customer-360');

  // Edit: a landline and the custom field.
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  const drawer = page.locator('.ant-drawer:visible');
  await expect(drawer.getByText('编辑客户：')).toBeVisible();
  await drawer.getByLabel('联系电话').fill('0596-12345');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByText('请输入手机号（1 开头的 11 位数字）或固定电话（如 0596-1234567）')).toBeVisible();
  await drawer.getByLabel('联系电话').fill('0596-2345678');
  await drawer.getByLabel('经营面积').fill('36');
  await saveScreenshot(page, testInfo, 'customer-form-edit');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('客户档案已更新')).toBeVisible();

  await page.getByRole('tab', { name: '变更记录' }).click();
  const latest = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(latest).toContainText('营销中心 林晓东');
  await expect(latest).toContainText('修改');
  await expect(latest).toContainText('联系电话');
  await expect(latest).toContainText('0596-2345678');
  await expect(latest).toContainText('经营面积');
  await saveScreenshot(page, testInfo, 'customer-history');

  // Status: only allowed transitions, with a reason.
  await page.getByRole('button', { name: '变更状态' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('暂停', { exact: true }).click();
  await dialog.getByLabel('变更原因').fill('店主外出，暂停营业两周');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('状态已变更')).toBeVisible();
  await expect(page.locator('.ant-card').first().getByText('暂停', { exact: true })).toBeVisible();
});

// Creating checks the licence number as the server does; many stores move to another manager at once.
test('marketing starts a new customer and reassigns two stores at once', async ({ page }, testInfo) => {
  await signIn(page, 'marketing');
  // Creating: the form checks what it can; the server's answers land under the field.
  await page.goto('/customers');
  await page.getByRole('button', { name: '新建客户' }).click();
  const form = page.locator('.ant-drawer:visible');
  await form.getByLabel('许可证号').fill('350604');
  await form.getByLabel('店名').fill('测试便利店');
  await form.getByRole('button', { name: /新\s*建/ }).click();
  await expect(form.getByText('许可证号为 12 位数字')).toBeVisible();
  await form.getByLabel('许可证号').fill('350604999001');
  await expect(form.getByText('所属区县：龙海区（由许可证号前 6 位确定）')).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-form-create');
  await form.getByRole('button', { name: /取\s*消/ }).click();

  // Bulk reassignment: two stores to manager02, and the answer says how many moved.
  await rows(page).nth(0).locator('.ant-checkbox-input').check();
  await rows(page).nth(1).locator('.ant-checkbox-input').check();
  await expect(page.getByText('已选 2 家')).toBeVisible();
  await page.getByRole('button', { name: '批量调整客户经理' }).click();
  const reassign = page.locator('.ant-modal:visible');
  await reassign.getByLabel('新的客户经理').fill('manager02');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'manager02' }).click();
  await reassign.getByRole('button', { name: '确定调整' }).click();
  await expect(page.getByText(/已调整 \d 家；\d 家原本就由该客户经理负责/)).toBeVisible();
});

// A customer manager sees only their own stores — also on a phone.
test('a customer manager sees only own customers', async ({ page }, testInfo) => {
  await signIn(page, 'manager01');
  await page.goto('/customers');
  await expect(rows(page).first()).toBeVisible();
  const managerColumn = await page
    .locator('.ant-table-thead th')
    .evaluateAll((cells) => cells.findIndex((cell) => cell.textContent === '客户经理'));
  const names = await rows(page)
    .locator(`td:nth-child(${managerColumn + 1})`)
    .allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(1);
  const total = Number((await page.getByText(/^共 [\d,]+ 家客户$/).textContent())?.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(1000);
  await expect(page.getByRole('button', { name: '新建客户' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '客户经理' })).toHaveCount(0);

  // Guessing another manager's customer id gives "not found", not the store.
  const response = await page.request.get('/api/v1/customers?limit=200');
  const ownIds = new Set(((await response.json()) as { items: { id: number }[] }).items.map((item) => item.id));
  const own = [...ownIds][0];
  const foreign = Array.from({ length: 400 }, (_value, index) => index + 1).find((id) => !ownIds.has(id));
  await page.goto(`/customers/${foreign}`);
  await expect(page.getByText('客户不存在，或不在您的数据范围内。')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/customers');
  await expect(rows(page).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'customers-list-phone');
  await page.goto(`/customers/${own}`);
  await expect(page.getByRole('tab', { name: '基本信息' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-360-phone');
});
