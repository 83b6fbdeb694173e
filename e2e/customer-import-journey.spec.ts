import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { saveScreenshot } from './screenshot.ts';
import { type Download, expect, type Page, test } from './test.ts';

// The acceptance journey: the marketing centre imports new stores from Excel — three bad
// rows first (nothing is written, every error is shown and marked in a workbook), then the fixed
// file — finds one of them by its pinyin initials, opens its 360° view, and exports the list.

const password = 'kewo-demo-2026';

// Columns the template must offer (customer-sheet.rules.ts on the server).
const expectedHeaders = [
  '专卖许可证号',
  '店名',
  '负责人',
  '联系电话',
  '经营地址',
  '区县',
  '城乡',
  '业态',
  '客户经理账号',
  '订货日',
  '订货方式',
  '经度',
  '纬度',
  '许可证有效期至',
  '标签',
  '状态',
];

type StoreRow = Record<string, string>;

// Five new stores in 芗城区 (350602), licence numbers 3506029xxxxx: the demo city numbers its
// stores from 1xxxxx, and the time-based base keeps a rerun on the same server apart.
const base = 900_000 + (Date.now() % 90_000);
const licence = (index: number) => `350602${base + index}`;
const names = ['琴鹤轩烟酒店', '榕荫巷便利店', '芝山路食杂店', '圆山脚超市', '丹霞里烟酒店'];
// 琴鹤轩烟酒店: no character with two readings, so its initials are certain.
const searchedStore = { name: names[0], initials: 'qhxyjd' };

function goodRows(): StoreRow[] {
  return names.map((name, index) => ({
    专卖许可证号: licence(index),
    店名: name,
    负责人: ['林秀英', '陈建华', '黄丽娟', '郑志强', '王美玲'][index],
    联系电话: `1390596${String(base % 1000).padStart(3, '0')}${index}`,
    经营地址: `漳州市芗城区胜利西路 ${10 + index} 号`,
    区县: '芗城区',
    城乡: '城镇',
    业态: ['烟酒商店', '便利店', '食杂店', '超市', '烟酒商店'][index],
    客户经理账号: 'manager01',
    订货日: '周三',
    订货方式: '网上',
    经度: '117.6472',
    纬度: '24.5130',
    许可证有效期至: '2028-06-30',
    标签: '',
    状态: '',
  }));
}

// Sheet row numbers (the header is row 1) of the three bad rows and what is wrong with each.
const badRows = [
  {
    sheetRow: 3,
    column: '专卖许可证号',
    value: '35060291234',
    apply: (row: StoreRow) => ({ ...row, 专卖许可证号: '35060291234' }),
  },
  {
    sheetRow: 4,
    column: '客户经理账号',
    value: 'nobody-here',
    apply: (row: StoreRow) => ({ ...row, 客户经理账号: 'nobody-here' }),
  },
  // The first store's licence number again: a duplicate within the file.
  {
    sheetRow: 6,
    column: '专卖许可证号',
    value: licence(0),
    apply: (row: StoreRow) => ({ ...row, 专卖许可证号: licence(0) }),
  },
];

function rowsWithErrors(): StoreRow[] {
  return goodRows().map((row, index) => badRows.find((bad) => bad.sheetRow === index + 2)?.apply(row) ?? row);
}

// A workbook with the template's own header row (so custom-field columns stay, empty) and the rows.
async function writeWorkbook(headers: string[], rows: StoreRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户档案');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readWorkbook(download: Download): Promise<ExcelJS.Workbook> {
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile(path)).buffer);
  return workbook;
}

function headerRow(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map((value) => String(value ?? '').trim());
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((part) => part.text).join('');
}

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function upload(
  page: Page,
  fileName: string,
  buffer: Buffer,
  mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) {
  await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType, buffer });
  await expect(page.getByText(fileName)).toBeVisible();
  await page.getByRole('button', { name: /开始导入/ }).click();
}

test('marketing imports stores with three bad rows, fixes them, finds one by pinyin, opens it and exports', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000); // a shared two-core machine; usually about a minute
  await signIn(page, 'marketing');

  // The customer list links to the import page.
  await page.goto('/customers');
  await page.getByRole('link', { name: /导\s*入/ }).click();
  await expect(page).toHaveURL(/\/customers\/import$/);
  await expect(page.getByRole('heading', { name: '导入客户档案' })).toBeVisible();
  await expect(page.getByText('新增或更新', { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-import-page');

  // 1. The template: an xlsx whose header row holds every expected column, and its instructions.
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载导入模板/ }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  const templateBook = await readWorkbook(template);
  const headers = headerRow(templateBook.worksheets[0]);
  for (const header of expectedHeaders) expect(headers, header).toContain(header);
  expect(templateBook.getWorksheet('填写说明'), 'the 填写说明 sheet').toBeTruthy();

  // A file that is not a spreadsheet is refused before anything is sent.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.getByText('“说明.pdf”不是 .xlsx 或 .csv 文件')).toBeVisible();
  await expect(page.getByRole('button', { name: /开始导入/ })).toBeDisabled();

  // A spreadsheet without the required columns: one message from the server (400), the file's problem.
  await upload(page, '缺列.csv', Buffer.from('店名,负责人\r\n琴鹤轩烟酒店,林秀英\r\n'), 'text/csv');
  await expect(page.getByText('文件无法导入')).toBeVisible();
  await expect(page.getByText(/文件缺少必需的列：.*专卖许可证号/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-import-missing-columns');

  // 2. Five stores, three of them wrong: 422, nothing written, each error listed.
  await upload(page, '新店-有错.xlsx', await writeWorkbook(headers, rowsWithErrors()));
  await expect(page.getByText('发现 3 处错误，本次未写入任何数据')).toBeVisible({ timeout: 30_000 });
  const errorTable = page.getByRole('table');
  const errorRows = errorTable.locator('tbody tr.ant-table-row');
  await expect(errorRows).toHaveCount(3);
  for (const [index, bad] of badRows.entries()) {
    const row = errorRows.nth(index);
    await expect(row.locator('td').nth(0)).toHaveText(String(bad.sheetRow));
    await expect(row.locator('td').nth(1)).toHaveText(bad.column);
    await expect(row.locator('td').nth(2)).toHaveText(bad.value);
    await expect(row.locator('td').nth(3)).not.toBeEmpty();
  }
  // Sortable by row: descending puts the duplicate (row 6) first.
  await errorTable.getByRole('columnheader', { name: /行号/ }).click();
  await expect(errorRows.first().locator('td').first()).toHaveText('6');
  await errorTable.getByRole('columnheader', { name: /行号/ }).click();
  await expect(errorRows.first().locator('td').first()).toHaveText('3');
  await page.mouse.move(0, 0); // no sorter tooltip in the picture
  await saveScreenshot(page, testInfo, 'customer-import-errors');

  // Nothing was written: none of the five licence numbers exists.
  const before = await page.request.get(`/api/v1/customers?q=${licence(1)}`);
  expect((await before.json()).total).toBe(0);

  // 3. The error workbook marks each bad cell (fill and a note with its reason), and no other.
  const errorsDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载错误工作簿/ }).click();
  const errorBook = await readWorkbook(await errorsDownload);
  const marked = errorBook.worksheets[0];
  const markedHeaders = headerRow(marked);
  const rowOfStore = (name: string) => {
    let found: ExcelJS.Row | undefined;
    marked.eachRow((row) => {
      if (row.getCell(markedHeaders.indexOf('店名') + 1).text === name) found = row;
    });
    return found;
  };
  for (const bad of badRows) {
    const row = rowOfStore(names[bad.sheetRow - 2]);
    expect(row, `the row of ${names[bad.sheetRow - 2]}`).toBeDefined();
    const cell = (row as ExcelJS.Row).getCell(markedHeaders.indexOf(bad.column) + 1);
    expect(cell.text, `${bad.column} of row ${bad.sheetRow}`).toBe(bad.value);
    expect(noteText(cell.note), `reason on ${bad.column} of row ${bad.sheetRow}`).not.toBe('');
    expect(cell.fill, `fill of ${bad.column} of row ${bad.sheetRow}`).toMatchObject({ type: 'pattern' });
  }
  let notedCells = 0;
  marked.eachRow((row) => {
    row.eachCell((cell) => {
      if (noteText(cell.note) !== '') notedCells += 1;
    });
  });
  expect(notedCells).toBe(badRows.length);

  // 4. Fixed rows: all five are created.
  await upload(page, '新店-已改.xlsx', await writeWorkbook(headers, goodRows()));
  await expect(page.getByText('导入成功')).toBeVisible({ timeout: 30_000 });
  const summary = page.getByTestId('import-summary');
  for (const [title, value] of [
    ['处理行数', '5'],
    ['新增', '5'],
    ['更新', '0'],
    ['未变化', '0'],
  ]) {
    await expect(
      summary.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content'),
    ).toHaveText(value);
  }
  await saveScreenshot(page, testInfo, 'customer-import-success');

  // 5. Find a new store by the pinyin initials of its name.
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await expect(page).toHaveURL(/\/customers(\?|$)/);
  const search = page.getByPlaceholder('许可证号、电话、店名、负责人、拼音首字母');
  await search.fill(searchedStore.initials);
  await search.press('Enter');
  // An earlier attempt's stores bear the same names under other licence numbers.
  const found = page
    .getByRole('row')
    .filter({ hasText: searchedStore.name })
    .filter({ hasText: licence(0) });
  await expect(found).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-import-search-pinyin');

  // 6. Its 360° view.
  await found.getByText(searchedStore.name).click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  await expect(page.getByText(searchedStore.name).first()).toBeVisible();
  await expect(page.getByText(licence(0)).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'customer-import-360');

  // 7. Export the list found by the same search: an xlsx with the template's columns and the store.
  await page.goBack();
  await expect(found).toBeVisible();
  await page.getByRole('button', { name: /导\s*出/ }).click();
  const exportDownload = page.waitForEvent('download');
  await page.getByText('导出 Excel（.xlsx）').click();
  const exported = await exportDownload;
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const exportBook = await readWorkbook(exported);
  const exportSheet = exportBook.worksheets[0];
  const exportHeaders = headerRow(exportSheet);
  for (const header of expectedHeaders) expect(exportHeaders, header).toContain(header);
  const licenceColumn = exportHeaders.indexOf('专卖许可证号') + 1;
  const exportedLicences: string[] = [];
  exportSheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1) exportedLicences.push(String(row.getCell(licenceColumn).text));
  });
  expect(exportedLicences).toContain(licence(0));
  const storeRow = exportSheet.getRow(exportedLicences.indexOf(licence(0)) + 2);
  expect(storeRow.getCell(exportHeaders.indexOf('店名') + 1).text).toBe(searchedStore.name);
  expect(storeRow.getCell(exportHeaders.indexOf('客户经理账号') + 1).text).toBe('manager01');
});
