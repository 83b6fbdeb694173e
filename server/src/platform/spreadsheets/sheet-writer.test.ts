import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../errors/error-catalogue.ts';
import {
  noRows,
  prepareSheetDownload,
  prepareTemplateDownload,
  type SheetRows,
  writeReportWorkbook,
} from './sheet-writer.ts';

// A download reads its first page before the first byte and, failing after it, still ends as a
// valid file whose last row says it is incomplete.

async function collect(write: (output: PassThrough) => Promise<void>) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks);
}

async function* pagesThenFailure(pages: SheetRows[], failure: Error): AsyncGenerator<SheetRows> {
  for (const page of pages) yield page;
  throw failure;
}

async function* failingAtOnce(failure: Error): AsyncGenerator<SheetRows> {
  yield* [];
  throw failure;
}

const download = (errors: unknown[] = []) => ({
  locale: 'zh-CN' as const,
  requestId: 'req-1',
  onError: (error: unknown) => errors.push(error),
});

async function sheetRows(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe(prepareSheetDownload.name, () => {
  it('fails before anything is written when the first page cannot be read', async () => {
    const failure = new Error('the filter was refused');
    await expect(
      prepareSheetDownload('csv', {
        sheetName: 's',
        headers: ['店名'],
        pages: failingAtOnce(failure),
        download: download(),
      }),
    ).rejects.toBe(failure);
  });

  it.each(['csv', 'xlsx'] as const)(
    'ends a %s that fails after its first byte as a valid file, its last row saying it is incomplete',
    async (kind) => {
      const errors: unknown[] = [];
      const failure = new Error('connection lost');
      const write = await prepareSheetDownload(kind, {
        sheetName: '客户档案',
        headers: ['店名', '负责人'],
        pages: pagesThenFailure([[['恒兴便利店', '郑海生']], [['鑫源食杂店', '单丽']]], failure),
        download: download(errors),
      });
      const file = await collect(write);
      const note = messageOf('EXPORT_INCOMPLETE', 'zh-CN', { requestId: 'req-1' });
      const rows =
        kind === 'csv'
          ? file
              .toString('utf8')
              .replace(/^\ufeff/, '')
              .trim()
              .split('\r\n')
              .map((line) => line.split(','))
          : await sheetRows(file);
      expect(rows).toEqual([['店名', '负责人'], ['恒兴便利店', '郑海生'], ['鑫源食杂店', '单丽'], [note]]);
      expect(note).toContain('req-1');
      expect(errors).toEqual([failure]);
    },
  );

  it('writes a template of the header row and its notes sheet', async () => {
    const write = await prepareSheetDownload('xlsx', {
      sheetName: '客户档案',
      headers: ['店名'],
      pages: noRows(),
      notes: { title: '填写说明', lines: [['列名', '说明']] },
      download: download(),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect(write)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['客户档案', '填写说明']);
  });
});

describe(prepareTemplateDownload.name, () => {
  it('writes the columns’ headers, the required ones in red, and a 填写说明 sheet of their hints', async () => {
    const write = await prepareTemplateDownload({
      sheetName: '卷烟规格',
      columns: [
        { header: '卷烟编码', required: true, hint: '13 位条码' },
        { header: '新品', required: false, hint: '是 或 否' },
      ],
      about: [['全部或全不', '', '任何一行有错误时不导入任何数据']],
      download: download(),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect(write)) as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    expect(sheet.name).toBe('卷烟规格');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['卷烟编码', '新品']);
    expect(sheet.getCell('A1').font?.color?.argb).toBe('FFC00000');
    expect(sheet.getCell('B1').font?.color).toBeUndefined();
    expect(sheet.rowCount).toBe(1);
    expect(notes.name).toBe('填写说明');
    const lines: unknown[][] = [];
    notes.eachRow({ includeEmpty: true }, (row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toEqual([
      ['列名', '是否必填', '说明'],
      ['卷烟编码', '必填', '13 位条码'],
      ['新品', '选填', '是 或 否'],
      [],
      // An empty cell is written as none.
      ['全部或全不', undefined, '任何一行有错误时不导入任何数据'],
    ]);
  });
});

describe(writeReportWorkbook.name, () => {
  it('writes each sheet: its figures, the header in bold, the rows, formats and widths', async () => {
    const buffer = await writeReportWorkbook([
      {
        name: '需求汇总 2026W10',
        headers: ['编码', '品名', '金额'],
        rows: [
          ['6901', '中华(硬)', 1234.5],
          ['6902', '玉溪(软)', null],
        ],
        columnFormats: { 3: '#,##0.00' },
        width: 14,
        widths: { 1: 24 },
        freezeHeader: true,
      },
      {
        name: '抽查 7',
        preamble: [['抽查编号', 7], ['准确性', 0.95], []],
        headers: ['许可证号'],
        rows: [['350602100001']],
        cellFormats: { B2: '0.00%' },
        width: 16,
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const [demand, spotCheck] = workbook.worksheets;
    expect(demand.name).toBe('需求汇总 2026W10');
    expect((demand.getRow(1).values as unknown[]).slice(1)).toEqual(['编码', '品名', '金额']);
    expect(demand.getRow(1).font?.bold).toBe(true);
    expect(demand.getCell('C2').value).toBe(1234.5);
    expect(demand.getCell('C2').numFmt).toBe('#,##0.00');
    expect(demand.columns.map((column) => column.width)).toEqual([14, 24, 14]);
    expect(demand.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(spotCheck.getCell('B2').numFmt).toBe('0.00%');
    expect((spotCheck.getRow(4).values as unknown[]).slice(1)).toEqual(['许可证号']);
    expect(spotCheck.getRow(4).font?.bold).toBe(true);
    expect(spotCheck.views ?? []).toEqual([]);
  });
});
