import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { type APIRequestContext, expect as baseExpect, type Page, test } from './test.ts';

// Allocation previews and phone orders read every store of the demo city on PGlite.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 600_000 });

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

type Cycle = {
  id: number;
  code: string;
  weekStart: string;
  orderDayOnly: boolean;
  status: 'draft' | 'published' | 'closed';
};
type Quota = { productId: number; name: string; quota: number | null; ordered: number; remaining: number | null };

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`/api/v1${path}`);
  baseExpect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

// The marketing centre opens the demo's published cycle (strategies, demand, online rate), then
// plans the next week: adds a product, sets its strategy, previews and stops at the publish confirmation.
test('marketing opens the demo cycle, looks at demand and online rate, plans and previews a new cycle', async ({
  page,
}, testInfo) => {
  await signIn(page, 'marketing');
  await page.goto('/supply/cycles');
  await expect(page.getByRole('heading', { name: '订货周期' })).toBeVisible();
  const published = rows(page).filter({ hasText: '已发布' }).first();
  await expect(published).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-cycles');

  await published.getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^周期 \d{4}-W\d{2}$/ })).toBeVisible();
  await expect(
    page.getByText(/^(共分配 [\d,]+ 条 · [\d,]+ 户可订( · [\d,]+ 户未分到)?|不限量 · [\d,]+ 户可按需订货)$/).first(),
  ).toBeVisible();
  // Published: read-only, no preview or publish.
  await expect(page.getByRole('button', { name: /预览投放/ })).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'supply-cycle-published');

  await page
    .getByRole('button', { name: /查\s*看/ })
    .first()
    .click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByText('已发布的周期策略只读。')).toBeVisible();
  await expect(viewer.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'supply-strategy-readonly');
  await viewer.getByRole('button', { name: /取\s*消/ }).click();

  // Demand sums every store's quotas and orders of a few hundred products: on a loaded machine
  // with PGlite that takes a while.
  await page.getByRole('tab', { name: '需求汇总' }).click();
  await expect(page).toHaveURL(/tab=demand/);
  await expect(rows(page).first()).toBeVisible({ timeout: 150_000 });
  const download = page.waitForEvent('download', { timeout: 240_000 });
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  baseExpect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await saveScreenshot(page, testInfo, 'supply-demand');

  await page.getByRole('tab', { name: '网上订货率' }).click();
  // Every branch, and a total row: a rate (70.8%) once stores have ordered, — before any order.
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator('.ant-table-summary')).toContainText(/^合计[\d,]+.*(\d+\.\d%|—)$/);
  await expect(page.locator('.echarts-for-react svg')).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-online-rate');

  // Next week's cycle: the one the demo left as a draft, or a new one.
  const cycles = await getJson<{ items: Cycle[] }>(page.request, '/supply/cycles');
  const draft = cycles.items.find((cycle) => cycle.status === 'draft');
  if (draft) {
    await page.goto(`/supply/cycles/${draft.id}`);
  } else {
    await page.goto('/supply/cycles');
    await page.getByRole('button', { name: /新建订货周期/ }).click();
    const modal = page.getByRole('dialog');
    await expect(modal.getByText(/周期编号：\d{4}-W\d{2}/)).toBeVisible();
    await saveScreenshot(page, testInfo, 'supply-cycle-create');
    await modal.getByRole('button', { name: /新\s*建/ }).click();
  }
  await expect(page.getByRole('heading', { name: /^周期 \d{4}-W\d{2}$/ })).toBeVisible();
  await expect(page.getByText('草稿').first()).toBeVisible();

  await page.getByRole('button', { name: /添加卷烟/ }).click();
  const picker = page.getByRole('dialog');
  await picker.getByRole('combobox').fill('中华');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await picker.getByRole('button', { name: /添加卷烟/ }).click();
  await expect(page.getByText(/^已添加 /)).toBeVisible();

  // The strategy: 500 cartons, grades 1–20 one carton, 21–30 three, at most 2 a store.
  await rows(page).last().getByRole('button', { name: /策略/ }).click();
  const editor = page.getByRole('dialog');
  await editor.getByText('货源不限').click(); // limited from here on
  await editor.getByLabel('货源量（条）').fill('500');
  await editor.getByLabel('截止档位 1').fill('20');
  await editor.getByRole('button', { name: /添加一档/ }).click();
  await editor.getByLabel('每户条数 2').fill('3');
  await editor.getByLabel('限量（每户最多条数）').fill('2');
  await saveScreenshot(page, testInfo, 'supply-strategy-editor');
  await editor.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(rows(page).last()).toContainText('限量 2');

  await page.getByRole('button', { name: /预览投放/ }).click();
  await expect(page.getByText(/^货源合计 [\d,]+ 条，投放合计 [\d,]+ 条$/)).toBeVisible();
  await expect(page.locator('.echarts-for-react svg').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-preview');

  await page.getByRole('button', { name: /发\s*布/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: /发布订货周期/ });
  await expect(confirm).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-publish-confirm');
  await confirm.getByRole('button', { name: /取\s*消/ }).click();

  // 档位: the runs and a run's distribution over grades 1–30.
  await page.goto('/supply/grades');
  await expect(page.getByRole('heading', { name: '客户档位' })).toBeVisible();
  await expect(page.locator('.echarts-for-react svg')).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-grades');
  await page.getByRole('button', { name: /计算档位/ }).click();
  await expect(page.getByRole('dialog').getByLabel('订购金额权重（%）')).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-grades-compute');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();

  // The 360° view's 档位 tab.
  const customers = await getJson<{ items: { id: number }[] }>(page.request, '/customers?limit=1');
  await page.goto(`/customers/${customers.items[0].id}?tab=grades`);
  await expect(page.getByRole('tab', { name: '档位', selected: true })).toBeVisible();
  await expect(page.getByText('当前档位')).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-customer-grades');
});

// The service centre takes a store's order by phone; when the store's quota went meanwhile (an
// online order), the server's QUOTA_EXCEEDED message is shown and nothing is written.
test('service enters a phone order, and sees the quota message when the quota went meanwhile', async ({
  page,
}, testInfo) => {
  await signIn(page, 'service');
  const cycles = await getJson<{ items: Cycle[] }>(page.request, '/supply/cycles');
  const cycle = cycles.items
    .filter((candidate) => candidate.status === 'published')
    .sort((a, b) => b.weekStart.localeCompare(a.weekStart))[0];
  baseExpect(cycle, 'the demo has a published cycle').toBeTruthy();

  // A store with a limited product it can still order, and a second product to order after.
  // A cycle open on order days only takes today's stores (1 = Monday … 7 = Sunday, Beijing time).
  const today = ((new Date(Date.now() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1;
  const stores = await getJson<{ items: { id: number; licenceNo: string; name: string; orderDay: number }[] }>(
    page.request,
    '/customers?limit=100&status=active',
  );
  let chosen: { store: (typeof stores.items)[number]; limited: Quota; other: Quota } | null = null;
  for (const store of stores.items.filter((candidate) => !cycle.orderDayOnly || candidate.orderDay === today)) {
    const quotas = await getJson<{ items: Quota[] }>(page.request, `/supply/cycles/${cycle.id}/quotas/${store.id}`);
    const limited = quotas.items.find((quota) => quota.remaining !== null && quota.remaining >= 1);
    const other = quotas.items.find(
      (quota) => quota.productId !== limited?.productId && (quota.remaining === null || quota.remaining >= 1),
    );
    if (limited && other) {
      chosen = { store, limited, other };
      break;
    }
  }
  baseExpect(chosen, 'a store with quota left').not.toBeNull();
  if (!chosen) return;
  const { store, limited, other } = chosen;

  await page.goto('/supply/phone-orders');
  await expect(page.getByRole('heading', { name: '电话订货' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-phone-empty');
  const customerBox = page.getByRole('combobox', { name: '客户' });
  await customerBox.fill(store.licenceNo);
  await chooseOption(page, customerBox, store.licenceNo);
  await expect(rows(page).first()).toBeVisible();
  // A cycle offers a few hundred products: find the one the store asks for.
  const filter = page.getByRole('searchbox', { name: '按品名或条码筛选卷烟' });
  await filter.fill(limited.name);
  await page.getByLabel(`订购数量（条） ${limited.name}`).fill('1');
  await expect(page.getByText(/^合计 1 种 1 条，¥[\d,]+\.\d{2}$/)).toBeVisible();

  // Meanwhile the store orders its whole remaining quota online (here: another phone order).
  const meanwhile = await page.request.post('/api/v1/supply/orders', {
    headers: { 'Idempotency-Key': `e2e-meanwhile-${store.id}-${Date.now()}` },
    data: { customerId: store.id, lines: [{ productId: limited.productId, qty: limited.remaining }] },
  });
  baseExpect(meanwhile.status()).toBe(201);

  await page.getByRole('button', { name: /提交订单/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /提交订单/ })
    .click();
  await expect(page.getByText('超过配额')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: limited.name })).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-phone-quota-exceeded');

  // Take the line out, order the other product instead.
  await page.getByLabel(`订购数量（条） ${limited.name}`).fill('');
  await filter.fill(other.name);
  await page.getByLabel(`订购数量（条） ${other.name}`).fill('1');
  await page.getByRole('button', { name: /提交订单/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /提交订单/ })
    .click();
  await expect(page.getByText('订单已提交')).toBeVisible();
  await expect(page.getByText(/^订单号 \d+，合计 ¥[\d,]+\.\d{2}$/)).toBeVisible();
  // The store's orders in the cycle now include this one.
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '该客户本周期的订单' })
      .locator('tr.ant-table-row', { hasText: other.name }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'supply-phone-ordered');
});
