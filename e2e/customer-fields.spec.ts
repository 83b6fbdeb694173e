import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect, type Page, test } from './test.ts';

// The administrator defines a custom field (自定义字段) through the page; it joins the import template.

async function signInAsAdmin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('the administrator creates, edits and reorders custom fields, and the import template gains the column', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000); // a shared two-core machine; usually about a minute
  // Fields cannot be deleted: a retry defines its own, beside what a failed attempt left.
  // (`--repeat-each` runs count as attempts too.)
  const run = testInfo.repeatEachIndex * (testInfo.project.retries + 1) + testInfo.retry;
  const attempt = run === 0 ? '' : String(run + 1);
  const area = { label: `商圈类型${attempt}`, key: `business_area${attempt ? `_${attempt}` : ''}` };
  const shop = { label: `营业面积${attempt}`, key: `shop_area${attempt ? `_${attempt}` : ''}` };
  await signInAsAdmin(page);
  const menu = page.getByRole('menu').first();
  await menu.getByText('系统管理', { exact: true }).click();
  await menu.getByText('自定义字段', { exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/customer-fields$/);
  await expect(page.getByRole('heading', { name: '自定义字段' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-fields-page');

  // A single-choice field. The form checks before sending: a bad key and no options.
  await page.getByRole('button', { name: /新建字段/ }).click();
  const dialog = page.getByRole('dialog', { name: '新建自定义字段' });
  await dialog.getByLabel('字段名称').fill(area.label);
  await dialog.getByLabel('字段标识').fill('Business-Area');
  await chooseOption(page, dialog.getByLabel('类型'), '单选');
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await expect(dialog.getByText('须以小写字母开头，只含小写字母、数字和下划线，最多 30 个字符')).toBeVisible();
  await expect(dialog.getByText('单选和多选字段至少需要一个选项')).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-fields-create-invalid');

  await dialog.getByLabel('字段标识').fill(area.key);
  const options = dialog.getByLabel('选项');
  for (const option of ['社区', '商业街', '学校周边']) {
    await options.fill(option);
    await options.press('Enter');
  }
  await saveScreenshot(page, testInfo, 'customer-fields-create');
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await expect(page.getByText('字段已创建')).toBeVisible();
  await expect(dialog).toBeHidden();
  const areaRow = page.getByRole('row').filter({ hasText: area.key });
  await expect(areaRow).toContainText(area.label);
  await expect(areaRow).toContainText('单选');
  await expect(areaRow).toContainText('学校周边');

  // A second field; the server refuses a label already in use and the form shows it on the label.
  await page.getByRole('button', { name: /新建字段/ }).click();
  await dialog.getByLabel('字段名称').fill(area.label);
  await dialog.getByLabel('字段标识').fill(shop.key);
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await expect(dialog.getByText(`字段名称“${area.label}”已被使用。`)).toBeVisible();
  await dialog.getByLabel('字段名称').fill(shop.label);
  await chooseOption(page, dialog.getByLabel('类型'), '数字');
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await expect(dialog).toBeHidden();
  const shopRow = page.getByRole('row').filter({ hasText: shop.key });
  await expect(shopRow).toContainText('数字');

  // Move 营业面积 above 商圈类型.
  await shopRow.getByRole('button', { name: `上移 ${shop.label}` }).click();
  await expect(page.getByText('顺序已调整')).toBeVisible();
  const dataRows = page.locator('tbody tr.ant-table-row');
  await expect(dataRows.filter({ hasText: shop.key })).toHaveCount(1);
  const order = async () =>
    (await dataRows.allTextContents()).map((text) =>
      text.includes(shop.key) ? 'shop' : text.includes(area.key) ? 'area' : 'other',
    );
  await expect.poll(async () => (await order()).filter((key) => key !== 'other')).toEqual(['shop', 'area']);

  // Edit: required, one more option.
  await areaRow.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑字段“${area.label}”` });
  await expect(edit.getByLabel('字段标识')).toBeDisabled();
  await edit.getByLabel('选项').fill('景区');
  await edit.getByLabel('选项').press('Enter');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('字段已保存')).toBeVisible();
  await expect(areaRow).toContainText('景区');
  await expect(edit).toBeHidden();
  await saveScreenshot(page, testInfo, 'customer-fields-list');

  // The import template now has the new columns, by label.
  expect(await templateHeaders(page)).toEqual(expect.arrayContaining([area.label, shop.label]));

  // Deactivated, 营业面积 leaves the template (its values would be kept).
  await page.goto('/admin/customer-fields');
  await shopRow.getByRole('button', { name: '编辑' }).click();
  const editShop = page.getByRole('dialog', { name: `编辑字段“${shop.label}”` });
  await editShop.getByRole('switch', { name: '启用' }).click();
  await editShop.getByRole('button', { name: /保\s*存/ }).click();
  await expect(editShop).toBeHidden();
  await expect(shopRow).toContainText('已停用');
  const headers = await templateHeaders(page);
  expect(headers).toContain(area.label);
  expect(headers).not.toContain(shop.label);

  // Leave the shared demo server as other journeys expect it: no active fields of ours.
  const fields = (await (await page.request.get('/api/v1/customer-fields')).json()) as {
    items: { id: number; key: string }[];
  };
  const areaField = fields.items.find((field) => field.key === area.key);
  expect(areaField).toBeDefined();
  const response = await page.request.patch(`/api/v1/customer-fields/${areaField?.id}`, { data: { active: false } });
  expect(response.status()).toBe(200);
});

async function templateHeaders(page: Page): Promise<string[]> {
  await page.goto('/customers/import');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载导入模板/ }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile(await (await download).path())).buffer);
  return (workbook.worksheets[0].getRow(1).values as unknown[]).map((value) => String(value ?? '').trim());
}
