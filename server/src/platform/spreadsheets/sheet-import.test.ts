import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { messageOf } from '../errors/error-catalogue.ts';
import { csvOf, type Row, xlsxOf } from './sheet-fixtures.ts';
import {
  checkAndWriteRows,
  describeRowErrors,
  type OpenedSheet,
  openSheetUpload,
  type RowProblem,
  readSheetRecords,
  type SheetRecord,
  writeErrorWorkbook,
} from './sheet-import.ts';

const directory = mkdtempSync(join(tmpdir(), 'kewo-sheet-import-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const columns = [
  { key: 'code', header: '编码', required: true },
  { key: 'name', header: '名称', required: true },
  { key: 'note', header: '备注', required: false },
] as const;
type Key = (typeof columns)[number]['key'];

let files = 0;
async function upload(content: string | Buffer, fileName = 'upload.csv') {
  files += 1;
  const path = join(directory, `${files}-${fileName}`);
  writeFileSync(path, content);
  return openSheetUpload(
    { path, fileName, locale: 'zh-CN' },
    { maxBytes: 4 * 1024 * 1024, emptyCode: 'IMPORT_FILE_EMPTY' },
  );
}

async function recordsOf(sheet: OpenedSheet, maxRows?: number) {
  const read: SheetRecord<Key>[] = [];
  for await (const record of readSheetRecords(sheet, { columns, emptyCode: 'IMPORT_FILE_EMPTY', maxRows })) {
    read.push(record);
  }
  return read;
}

const rows = (...codes: string[]): Row[] => codes.map((code) => ({ 编码: code, 名称: `店${code}` }));

describe(openSheetUpload.name, () => {
  it('refuses a file too large, an empty one and one that is not a spreadsheet before reading a row', async () => {
    const large = await upload(`编码,名称\n${'1,a\n'.repeat(300_000)}`);
    await expect(
      openSheetUpload(large, { maxBytes: 1024 * 1024, emptyCode: 'PRODUCT_IMPORT_FILE_EMPTY' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: { limit: '1 MB' } });
    await expect(upload('')).rejects.toMatchObject({ code: 'IMPORT_FILE_EMPTY', details: { fileName: 'upload.csv' } });
    await expect(
      upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls'),
    ).rejects.toMatchObject({
      code: 'IMPORT_FILE_NOT_SPREADSHEET',
      details: { fileName: 'old.xls', hint: expect.stringContaining('.xlsx') },
    });
  });
});

describe(readSheetRecords.name, () => {
  it('reads each data row by column key, numbered as the spreadsheet numbers it', async () => {
    const csv = await upload(`名称,其他,编码\n恒兴,x,001\n\n鑫源,y,002`);
    expect(await recordsOf(csv)).toEqual([
      { row: 2, cells: { name: '恒兴', code: '001' } },
      { row: 4, cells: { name: '鑫源', code: '002' } },
    ]);
    const xlsx = await upload(await xlsxOf(rows('001'), ['编码', '名称', '备注']), 'upload.xlsx');
    expect(await recordsOf(xlsx)).toEqual([{ row: 2, cells: { code: '001', name: '店001', note: '' } }]);
  });

  it.each([
    ['a required column missing', '编码\n1', { code: 'IMPORT_COLUMNS_MISSING', details: { columns: ['名称'] } }],
    ['a header twice', '编码,名称,名称\n1,a,b', { code: 'IMPORT_COLUMNS_DUPLICATED', details: { columns: ['名称'] } }],
    ['no data rows', '编码,名称\n\n', { code: 'IMPORT_FILE_EMPTY' }],
    ['rows past the bound', '编码,名称\n1,a\n2,b\n3,c', { code: 'IMPORT_FILE_TOO_LARGE', details: { limit: '2 行' } }],
    ['a broken quote', `编码,名称\n"1,a\n${'x'.repeat(1024 * 1024 + 10)}`, { code: 'IMPORT_FILE_NOT_SPREADSHEET' }],
  ])('refuses the file for %s', async (_case, content, refusal) => {
    await expect(recordsOf(await upload(content), 2)).rejects.toMatchObject(refusal);
  });
});

describe(checkAndWriteRows.name, () => {
  type Stored = Set<string>;
  const taken = new Set(['009']);

  async function run(codes: string[], batchRows = 2) {
    const written: string[][] = [];
    const lookedUp: string[][] = [];
    const progress: boolean[] = [];
    const sheet = await upload(csvOf(rows(...codes), ['编码', '名称']));
    const outcome = await checkAndWriteRows(readSheetRecords(sheet, { columns, emptyCode: 'IMPORT_FILE_EMPTY' }), {
      batchRows,
      checkRow: ({ cells }): { row: string } | { problems: RowProblem[] } =>
        /^\d{3}$/.test(cells.code ?? '')
          ? { row: cells.code ?? '' }
          : {
              problems: [
                { column: '编码', value: cells.code ?? '', code: 'IMPORT_CELL_INVALID', details: { column: '编码' } },
              ],
            },
      lookUp: async (batch): Promise<Stored> => {
        lookedUp.push([...batch]);
        return new Set(batch.filter((code) => taken.has(code)));
      },
      checkStored: (code, stored) =>
        stored.has(code)
          ? { column: '编码', value: code, code: 'PRODUCT_IMPORT_DUPLICATE_IN_FILE', details: { code, firstRow: 1 } }
          : undefined,
      writeBatch: async (batch) => {
        written.push([...batch]);
      },
      afterBatch: (clean) => progress.push(clean),
    });
    return { ...outcome, written, lookedUp, progress };
  }

  it('writes a clean file batch by batch, each looked up first', async () => {
    const outcome = await run(['001', '002', '003', '004', '005']);
    expect(outcome.errors).toEqual([]);
    expect(outcome.rowCount).toBe(5);
    expect(outcome.lookedUp).toEqual([['001', '002'], ['003', '004'], ['005']]);
    expect(outcome.written).toEqual(outcome.lookedUp);
    expect(outcome.progress).toEqual([true, true]);
  });

  it('stops writing at the first error and still reports every error of the file, in row order', async () => {
    const outcome = await run(['001', '002', '003', '004', 'x', '009', '006', 'y']);
    // The first batch was checked before the error was read; the second only after.
    expect(outcome.written).toEqual([['001', '002']]);
    expect(outcome.errors.map((error) => [error.row, error.code])).toEqual([
      [6, 'IMPORT_CELL_INVALID'],
      [7, 'PRODUCT_IMPORT_DUPLICATE_IN_FILE'],
      [9, 'IMPORT_CELL_INVALID'],
    ]);
    expect(outcome.rowCount).toBe(8);
    expect(outcome.progress).toEqual([true, true, false]);
  });

  it('writes nothing when the batch is the whole file and one row is bad', async () => {
    const outcome = await run(['001', '002', '003', 'x'], Number.POSITIVE_INFINITY);
    expect(outcome.lookedUp).toEqual([['001', '002', '003']]);
    expect(outcome.written).toEqual([]);
    expect(outcome.errors).toHaveLength(1);
  });

  it('fails as the write fails, once the statements in flight are done', async () => {
    const sheet = await upload(csvOf(rows('001', '002', '003'), ['编码', '名称']));
    const failure = new Error('connection lost');
    const steps = {
      batchRows: 1,
      checkRow: ({ cells }: SheetRecord<Key>) => ({ row: cells.code ?? '' }),
      lookUp: async () => undefined,
      writeBatch: async () => {
        throw failure;
      },
    };
    await expect(
      checkAndWriteRows(readSheetRecords(sheet, { columns, emptyCode: 'IMPORT_FILE_EMPTY' }), steps),
    ).rejects.toBe(failure);
  });
});

describe(describeRowErrors.name, () => {
  it('tells the first errors in the uploader’s language', () => {
    const errors = [1, 2, 3].map((row) => ({
      row,
      column: '名称',
      value: '',
      code: 'IMPORT_CELL_REQUIRED' as const,
      details: { column: '名称' },
    }));
    expect(describeRowErrors(errors, 'en', 2)).toEqual([
      { row: 1, column: '名称', value: '', message: messageOf('IMPORT_CELL_REQUIRED', 'en', { column: '名称' }) },
      { row: 2, column: '名称', value: '', message: messageOf('IMPORT_CELL_REQUIRED', 'en', { column: '名称' }) },
    ]);
  });
});

describe(writeErrorWorkbook.name, () => {
  it('copies every row, marks each bad cell with its reason and adds a 错误原因 column', async () => {
    const sheet = await upload(
      // The uploader marked a required column: its errors still find it.
      await xlsxOf(
        [
          { '编码*': '001', 名称: '店001' },
          { '编码*': 'x', 名称: '' },
          { '编码*': '003', 名称: '店003' },
        ],
        ['编码*', '名称', '备注'],
      ),
      'stores.xlsx',
    );
    const required = { code: 'IMPORT_CELL_REQUIRED' as const, details: { column: '名称' } };
    const content = await writeErrorWorkbook(sheet, [
      { row: 3, column: '编码', value: 'x', code: 'IMPORT_CELL_INVALID', details: { column: '编码', expected: '001' } },
      { row: 3, column: '名称', value: '', ...required },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const [marked] = workbook.worksheets;
    expect(marked.name).toBe('错误标注');
    const values = (row: number) => (marked.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['编码*', '名称', '备注', '错误原因']);
    expect(values(2)).toEqual(['001', '店001']);
    expect(values(4)).toEqual(['003', '店003']);
    const invalid = messageOf('IMPORT_CELL_INVALID', 'zh-CN', { column: '编码', expected: '001' });
    const missing = messageOf(required.code, 'zh-CN', required.details);
    expect(marked.getCell('A3').value).toBe('x');
    expect(marked.getCell('D3').value).toBe(`编码：${invalid}；名称：${missing}`);
    expect(marked.getCell('A3').note).toBeDefined();
    expect((marked.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });
});
