import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// A run reads every store of the demo city on PGlite.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 600_000 });

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

// The marketing centre edits a threshold, previews, saves, runs, reviews the diff and a store's
// why, approves; the store's 360° view then shows the new class and why. Then a spot-check.
test('edit a threshold → preview → run → review the diff → approve → the 360° view shows the new class and why', async ({
  page,
}, testInfo) => {
  await signIn(page, 'marketing');
  await page.goto('/classification');
  await expect(page.getByRole('heading', { name: '客户分类分布' })).toBeVisible();
  await expect(page.getByText('示范客户').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'classification-distribution');

  await page.goto('/classification/rule-sets');
  await expect(page.getByRole('heading', { name: '分类规则' })).toBeVisible();
  const threshold = page.getByLabel('threshold-demonstration');
  await expect(threshold).toHaveValue(/\d/);
  const before = Number(await threshold.inputValue());
  await threshold.fill(String(before + 3));
  await page.getByRole('button', { name: /预览分布/ }).click();
  await expect(page.getByTestId('preview-changed')).toContainText(/将改变分类的客户：[\d,]+ 户/);
  await saveScreenshot(page, testInfo, 'classification-rule-set-preview');
  await page.getByRole('button', { name: /保存为新版本/ }).click();
  await expect(page.getByText(/已保存为第 \d+ 版/)).toBeVisible();

  await page.goto('/classification/runs');
  await expect(page.getByRole('heading', { name: '分类测算' })).toBeVisible();
  await page.getByRole('button', { name: /按规则测算/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/版本 \d+ · /)).toBeVisible();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/已完成测算 \d+/)).toBeVisible();
  await expect(page.getByText('与现行分类的差异（按营销部）')).toBeVisible();
  await expect(page.getByText(/示范客户 → 成长客户：[\d,]+/).first()).toBeVisible();

  const runId = Number(new URL(page.url()).searchParams.get('run'));
  const response = await page.request.get(
    `/api/v1/classification/runs/${runId}/proposals?changed=true&to=growth&limit=1`,
  );
  const { items } = (await response.json()) as { items: { customerId: number; name: string; licenceNo: string }[] };
  const store = items[0];
  const row = page.locator('.ant-table-row').filter({ hasText: store.licenceNo });
  await page.getByRole('checkbox', { name: '只看有变化的' }).check();
  // The store's row, expanded to show why.
  const firstExpand = page.locator('.ant-table-row-expand-icon').first();
  await firstExpand.click();
  await expect(page.getByText(/阈值：/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'classification-run-diff');

  await page.getByRole('button', { name: /全部审批生效/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /全部审批生效/ })
    .click();
  await expect(page.getByText(/已审批生效，[\d,]+ 户分类变更/)).toBeVisible();
  void row;

  await page.goto(`/customers/${store.customerId}`);
  await expect(page.getByRole('heading', { name: store.name })).toBeVisible();
  await page.getByRole('tab', { name: '客户分类' }).click();
  await expect(page.getByTestId('current-class')).toHaveText('成长客户');
  await expect(page.getByText(new RegExp(`分类依据（测算 ${runId}，`))).toBeVisible();
  await expect(page.getByText('13周购进量')).toBeVisible();
  await expect(page.getByText(`测算 ${runId}`, { exact: true }).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'classification-customer-360');

  await page.goto('/classification/spot-checks');
  await expect(page.getByRole('heading', { name: '分类抽查' })).toBeVisible();
  await page.getByRole('button', { name: /抽取样本/ }).click();
  const sample = page.getByRole('dialog');
  await sample.getByLabel('样本量').fill('20');
  await sample.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/已抽取 20 户/)).toBeVisible();
  await expect(page.getByText('准确性')).toBeVisible();
  await saveScreenshot(page, testInfo, 'classification-spot-check');
});
