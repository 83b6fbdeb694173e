import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// 品牌培育 from both ends: the marketing centre creates a programme for a segment (urban
// convenience stores) and starts it, reads its KPIs and the 进度 chart; then a customer manager
// finds three of their target stores not yet shelved in 培育任务 and adds them to this week's
// visit plan in one action, and the plan has them.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function pickDate(page: Page, label: string, day: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect(input).toHaveValue(day);
}

type Product = { id: number; name: string };

test('marketing starts a programme for a segment; a manager plans visits to three stores not yet shelved', async ({
  page,
}, testInfo) => {
  await signIn(page, 'marketing');

  // The product of the demo's 新品 programme: a new product most convenience stores have not
  // shelved yet, so the programme has stores to work on.
  const programmes = (await (await page.request.get('/api/v1/brand-programmes')).json()) as {
    items: { id: number; name: string; status: string }[];
  };
  const newProduct = programmes.items.find((item) => item.name.includes('新品') && item.status === 'active');
  expect(newProduct).toBeDefined();
  const detail = (await (await page.request.get(`/api/v1/brand-programmes/${newProduct?.id}`)).json()) as {
    products: Product[];
  };
  const [product] = detail.products;
  const name = `E2E 便利店培育 ${Date.now()}`;

  await page.goto('/brand-programmes');
  await expect(page.getByRole('heading', { name: '品牌培育' })).toBeVisible();
  await page.getByRole('button', { name: /新建项目/ }).click();
  await expect(page.getByText('新建培育项目')).toBeVisible();
  await page.getByLabel('项目名称').fill(name);
  const productBox = page.getByRole('combobox', { name: '目标产品' });
  await productBox.click();
  await productBox.fill(product.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: product.name }).first().click();
  await page.keyboard.press('Escape');
  await pickDate(page, '开始日期', '2026-11-02');
  await pickDate(page, '结束日期', '2027-01-31');
  await page.getByRole('checkbox', { name: '城镇' }).check();
  await page.getByLabel('上柜率目标').fill('60');
  await page.getByLabel('动销率目标').fill('40');
  await saveScreenshot(page, testInfo, 'brand-editor');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已新建培育项目')).toBeVisible();

  // The new programme, a draft: open it and start it.
  const list = (await (await page.request.get('/api/v1/brand-programmes')).json()) as {
    items: { id: number; name: string; status: string }[];
  };
  const programme = list.items.find((item) => item.name === name);
  expect(programme?.status).toBe('draft');
  await page.goto(`/brand-programmes/${programme?.id}`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: /启\s*动/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText('项目已启动')).toBeVisible();

  // Its KPIs: the cards show 上柜率 by orders beside the shelf, with the counts behind them, the
  // figure the API gives; the 进度 chart draws.
  const kpis = (await (
    await page.request.get(`/api/v1/brand-programmes/${programme?.id}/kpis?groupBy=none`)
  ).json()) as {
    rows: { targetStores: number; stockedStores: number }[];
  };
  const [overall] = kpis.rows;
  expect(overall.targetStores).toBeGreaterThan(0);
  const count = new Intl.NumberFormat('zh-CN');
  await expect(
    page.getByText(`${count.format(overall.stockedStores)} / ${count.format(overall.targetStores)} 店`).first(),
  ).toBeVisible();
  await expect(page.getByText('上柜率（在架）').first()).toBeVisible();
  await expect(page.getByText('进度')).toBeVisible();
  await expect(page.getByText('上柜率（按订单）目标').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'brand-programme');

  // A customer manager: 培育任务 for this programme, stores not yet shelved; three of them go into
  // this week's visit plan at once.
  await signIn(page, 'manager01');
  await page.goto('/brand-worklist');
  await expect(page.getByRole('heading', { name: '培育任务' })).toBeVisible();
  await chooseOption(page, page.getByRole('combobox', { name: '培育项目' }), name);
  await chooseOption(page, page.getByRole('combobox', { name: '状态' }), '未上柜');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.nth(2)).toBeVisible();
  // Stores a first try of this journey planned already can't be chosen again (their box is off).
  const chosen: string[] = [];
  for (let index = 0; chosen.length < 3 && index < (await rows.count()); index += 1) {
    const box = rows.nth(index).getByRole('checkbox');
    if (await box.isDisabled()) continue;
    chosen.push((await box.getAttribute('aria-label')) ?? '');
    await box.check();
  }
  expect(chosen).toHaveLength(3);
  await expect(page.getByText('已选 3 家')).toBeVisible();
  await saveScreenshot(page, testInfo, 'brand-worklist');
  await page.getByRole('button', { name: '加入本周拜访计划' }).click();
  await expect(page.getByText(/已加入本周拜访计划 3 家/)).toBeVisible();

  // The worklist now says they are planned this week.
  const worklist = (await (await page.request.get(`/api/v1/brand-worklist?programmeId=${programme?.id}`)).json()) as {
    items: { name: string; plannedThisWeek: boolean }[];
  };
  for (const store of chosen) {
    expect(worklist.items.find((item) => item.name === store)?.plannedThisWeek).toBe(true);
  }
});
