import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../platform/errors/error-catalogue.ts';
import { noRows, prepareSheetDownload, type SheetRows } from './customer-sheet-writer.ts';

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
