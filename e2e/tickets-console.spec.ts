import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// The staff side of 投诉建议: the service centre sets a tighter urgent target for 产品质量, then
// files a complaint taken by phone for a store found by search; the new ticket opens and runs on
// the new target. The library editor and the admin's gateway keys are looked at on the way.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('the service centre edits an SLA policy, then files a phone complaint that runs on it', async ({
  page,
}, testInfo) => {
  await signIn(page, 'service');

  // 1. 时限策略: 产品质量 × 紧急 → first response 2 h, resolution 24 h. A retry starts from the
  // library's targets again: an empty policy stores no cell of its own.
  const reset = await page.request.put('/api/v1/ticket-sla-policies', { data: { cells: [] } });
  expect(reset.status()).toBe(200);
  await page.goto('/tickets/sla');
  await expect(page.getByRole('heading', { name: '时限策略' })).toBeVisible();
  const firstResponse = page.getByLabel('产品质量 紧急 首次响应');
  await expect(firstResponse).toHaveValue('12.00');
  await firstResponse.fill('2');
  const resolution = page.getByLabel('产品质量 紧急 办结');
  await resolution.fill('1');
  await expect(page.getByText('办结不能短于首次响应')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存时限' })).toBeDisabled();
  await resolution.fill('24');
  await page.getByRole('button', { name: '保存时限' }).click();
  await expect(page.getByText('时限已保存，新建工单按新时限计时')).toBeVisible();
  await expect(page.getByText('已单独设定')).toHaveCount(1);
  await saveScreenshot(page, testInfo, 'tickets-sla-policies');

  // 2. 新建工单 from the list, store found by its licence number.
  const stores = await page.request.get('/api/v1/customers?limit=1');
  const store = ((await stores.json()) as { items: { id: number; licenceNo: string; name: string }[] }).items[0];
  await page.goto('/tickets');
  await page.getByRole('link', { name: /新建工单/ }).click();
  await expect(page.getByRole('heading', { name: '新建工单' })).toBeVisible();
  const storeBox = page.getByRole('combobox', { name: '零售户' });
  await storeBox.click();
  await storeBox.fill(store.licenceNo);
  await chooseOption(page, storeBox, `${store.name} · ${store.licenceNo}`);
  await page.getByText('电话', { exact: true }).click();
  await chooseOption(page, page.getByRole('combobox', { name: '分类' }), '产品质量');
  await page.getByText('紧急', { exact: true }).click();
  await page.getByLabel('问题描述').fill('电话反映：本周到货的一条烟外包装受潮。');
  await saveScreenshot(page, testInfo, 'tickets-new');
  await page.getByRole('button', { name: /保存并打开/ }).click();

  // 3. The ticket opens; its first response is due 2 hours after filing.
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  const id = Number(page.url().split('/').pop());
  await expect(page.getByRole('heading', { name: `工单 #${id}` })).toBeVisible();
  await expect(page.getByText('电话反映：本周到货的一条烟外包装受潮。').first()).toBeVisible();
  const detail = (await (await page.request.get(`/api/v1/tickets/${id}`)).json()) as {
    channel: string;
    priority: string;
    createdAt: string;
    firstResponseDueAt: string;
    resolutionDueAt: string;
  };
  expect(detail).toMatchObject({ channel: 'phone', priority: 'urgent' });
  expect(Date.parse(detail.firstResponseDueAt) - Date.parse(detail.createdAt)).toBe(2 * 3_600_000);
  expect(Date.parse(detail.resolutionDueAt) - Date.parse(detail.createdAt)).toBe(24 * 3_600_000);
  await saveScreenshot(page, testInfo, 'tickets-new-opened');

  // 4. The library editor and the list with its button.
  await page.goto('/tickets/library');
  await expect(page.getByRole('button', { name: /新增分类/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /保存分派规则/ })).toBeVisible();
  await saveScreenshot(page, testInfo, 'tickets-library-editor');
  await page.goto('/tickets');
  await expect(page.getByRole('link', { name: /新建工单/ })).toBeVisible();
  await saveScreenshot(page, testInfo, 'tickets-list');
});

test('the admin issues a gateway key, sees it once, and revokes it', async ({ page }, testInfo) => {
  await signIn(page, 'admin');
  await page.goto('/tickets/channel-keys');
  await expect(page.getByRole('heading', { name: '网关密钥' })).toBeVisible();
  await page.getByLabel('渠道').fill('sms');
  await page.getByRole('button', { name: '发放密钥' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/^kgw_/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'tickets-channel-key-issued', { fullPage: false });
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page
    .getByRole('button', { name: /停\s*用/ })
    .first()
    .click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/^已于 .* 停用$/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'tickets-channel-keys');
});
