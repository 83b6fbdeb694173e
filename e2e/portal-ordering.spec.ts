import { randomUUID } from 'node:crypto';
import { formatCycleWeekShort } from '../web/src/shared/format.ts';
import { saveScreenshot } from './screenshot.ts';
import { expect, type Page, test } from './test.ts';

// 网上订货 on a phone: a demo store orders within its quota, is refused when another device has
// used the quota meanwhile, then changes its order and cancels the other one. Needs the demo's
// open cycle (`kewo demo` publishes one every store can order in).
const licenceNo = '350602100006';

type CycleItem = { productId: number; code: string; name: string; wholesalePrice: number; remaining: number | null };

const yuan = (value: number) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(value);

async function showOnly(page: Page, item: CycleItem) {
  await page.getByRole('textbox', { name: '搜索品名、品牌或条码' }).fill(item.code);
  return page.getByRole('article', { name: item.name });
}

test('a store orders within its quota, is refused over it, and changes its order', async ({ page }, testInfo) => {
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // The product to order: a limited one with at least 2 cartons left (page.request is this session).
  const cycle = (await (await page.request.get('/api/v1/portal/cycle')).json()) as {
    isOpen: boolean;
    cycleCode: string;
    items: CycleItem[];
  };
  expect(cycle.isOpen).toBe(true);
  const item = cycle.items
    .filter((entry) => entry.remaining !== null && entry.remaining >= 2)
    .sort((a, b) => (b.remaining ?? 0) - (a.remaining ?? 0))[0];
  expect(item, 'a limited product with 2 or more cartons left').toBeTruthy();
  const remaining = item.remaining ?? 0;

  // 1. Within the quota: one carton, the running total, submit, the confirmation.
  await page.getByRole('link', { name: '订货', exact: true }).click();
  // The first read of the cycle can be slow on a busy machine (PGlite in-process).
  await expect(page.getByText(`${formatCycleWeekShort(cycle.cycleCode, 'zh-CN')}订货周期`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('距截止')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-order-phone', { fullPage: false });
  let row = await showOnly(page, item);
  await expect(row.getByText(`可订 ${remaining}`)).toBeVisible();
  await row.getByRole('button', { name: `增加 ${item.name}` }).click();
  await expect(page.locator('.order-cart-total')).toContainText(yuan(item.wholesalePrice));
  await expect(page.getByText('1 种 · 1 条')).toBeVisible();
  await page.getByRole('button', { name: /提交订单$/ }).click();
  await expect(page.getByText('订单已提交')).toBeVisible();
  await expect(page.getByText(`1 条 × ${yuan(item.wholesalePrice)}`)).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-order-confirmation-phone');
  const orderId = Number((await page.getByText(/^订单号 \d+$/).textContent())?.replace(/\D/g, ''));

  // 2. Over the quota: the page offers what was left, another device (or a phone order) takes
  // one carton of it first, and the server refuses the page's order naming the product.
  await page.getByRole('button', { name: '继续订货' }).click();
  row = await showOnly(page, item);
  await expect(row.getByText(`可订 ${remaining - 1}`)).toBeVisible();
  await row.getByRole('textbox', { name: `${item.name} 订购数量` }).fill(String(remaining - 1));
  const elsewhere = await page.request.post('/api/v1/portal/orders', {
    data: { lines: [{ productId: item.productId, qty: 1 }] },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(elsewhere.status()).toBe(201);
  const elsewhereId = ((await elsewhere.json()) as { orderId: number }).orderId;
  await page.getByRole('button', { name: /提交订单$/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: `“${item.name}”超出可订量` })).toBeVisible();
  await expect(row.getByText(`剩余可订 ${remaining - 2} 条，请减少数量`)).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-order-quota-error-phone', { fullPage: false });

  // 3. My orders, newest first (a rerun on the same demo finds earlier runs' orders too): cancel
  // the other device's order, change the first one to 2 cartons.
  await page.getByRole('link', { name: '我的订单', exact: true }).click();
  const cards = page.locator('article.order-card');
  const mine = cards.filter({ hasText: new RegExp(`订单号 ${orderId} ·`) });
  const other = cards.filter({ hasText: new RegExp(`订单号 ${elsewhereId} ·`) });
  await expect(other).toBeVisible();
  const numbers = (await cards.allTextContents()).map((text) => Number(/订单号 (\d+)/.exec(text)?.[1]));
  expect(numbers.indexOf(elsewhereId)).toBeLessThan(numbers.indexOf(orderId));
  await saveScreenshot(page, testInfo, 'portal-order-history-phone', { fullPage: false });
  await other.getByRole('button', { name: '取消订单' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '取消订单' }).click();
  await expect(other.getByText('已取消')).toBeVisible();
  await expect(other.getByRole('button', { name: /^修\s*改$/ })).toHaveCount(0);

  await mine.getByRole('button', { name: /^修\s*改$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/order\\?edit=${orderId}$`));
  await expect(page.getByText(/正在修改订单/)).toBeVisible();
  row = await showOnly(page, item);
  const quantity = row.getByRole('textbox', { name: `${item.name} 订购数量` });
  await expect(quantity).toHaveValue('1');
  await row.getByRole('button', { name: `增加 ${item.name}` }).click();
  await expect(quantity).toHaveValue('2');
  await page.getByRole('button', { name: /保存修改$/ }).click();
  await expect(page.getByText('订单已修改')).toBeVisible();
  await expect(page.getByText(`2 条 × ${yuan(item.wholesalePrice)}`)).toBeVisible();

  await page.getByRole('button', { name: '查看我的订单' }).click();
  await expect(mine).toContainText(yuan(item.wholesalePrice * 2));
  await expect(mine).toContainText('1 种 · 2 条');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
