import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from './sheet-cell.rules.ts';
import { xlsxOf } from './sheet-fixtures.ts';
import { detectSheet, readSheetRows, sheetLimits, unreadableHint, unreadableReasonOf } from './sheet-reader.ts';
import { createSheetWriter } from './sheet-writer.ts';
import { sharedStringsOf, workbookWithSharedStrings } from './zip-fixtures.ts';

const directory = mkdtempSync(join(tmpdir(), 'kewo-sheet-reader-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// A one-store workbook, its text in shared strings as Excel keeps it.
const oneStore = () => xlsxOf([{ 专卖许可证号: '350602100001', 店名: '恒兴便利店' }], ['专卖许可证号', '店名']);

// Enough Chinese text that characters fall across the reader's chunk boundaries.
const rows = Array.from({ length: 3_000 }, (_, index) => [
  `35060210${String(index).padStart(4, '0')}`,
  `龙文区恒兴便利店第${index}号`,
  '郑海生',
]);

async function readAll(path: string) {
  const detection = await detectSheet(path);
  if (!detection || detection.kind === 'unsupported') throw new Error('not a sheet');
  const read: string[][] = [];
  for await (const { cells } of readSheetRows(path, detection)) read.push(cells.map(cellText));
  return { detection, read };
}

describe(readSheetRows.name, () => {
  it('reads Chinese text whole from a streamed .xlsx (inline strings) and an Excel-style one (shared strings)', async () => {
    const streamed = join(directory, 'streamed.xlsx');
    const output = createWriteStream(streamed);
    const writer = createSheetWriter('xlsx', output, {
      sheetName: '客户档案',
      headers: ['专卖许可证号', '店名', '负责人'],
    });
    for (const row of rows) writer.addRow(row);
    await writer.finish();

    const shared = join(directory, 'shared.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户档案');
    sheet.addRow(['专卖许可证号', '店名', '负责人']);
    for (const row of rows) sheet.addRow(row);
    await workbook.xlsx.writeFile(shared);

    for (const path of [streamed, shared]) {
      const { detection, read } = await readAll(path);
      expect(detection.kind).toBe('xlsx');
      expect(read).toHaveLength(rows.length + 1);
      expect(read.slice(1)).toEqual(rows);
    }
  });

  it('reads the first worksheet in the workbook’s order, the same way every time, with progress to the end', async () => {
    // exceljs stores workbook.xml last, after the worksheets and their shared strings.
    const path = join(directory, 'two-sheets.xlsx');
    const workbook = new ExcelJS.Workbook();
    const customers = workbook.addWorksheet('客户档案');
    customers.addRow(['专卖许可证号', '店名']);
    for (const row of rows.slice(0, 200)) customers.addRow(row.slice(0, 2));
    workbook.addWorksheet('填写说明').addRow(['说明', '不是客户']);
    await workbook.xlsx.writeFile(path);

    // Read in turns and at once: each read is independent of any other.
    const reads = [await readAll(path), await readAll(path), ...(await Promise.all([readAll(path), readAll(path)]))];
    for (const { read } of reads) {
      expect(read[0]).toEqual(['专卖许可证号', '店名']);
      expect(read.slice(1)).toEqual(rows.slice(0, 200).map((row) => row.slice(0, 2)));
    }

    const progress: number[] = [];
    for await (const _ of readSheetRows(path, { kind: 'xlsx' }, (bytes) => progress.push(bytes))) {
      // reading only
    }
    const { size } = await stat(path);
    expect(progress.at(-1)).toBe(size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses a zip that is not a workbook', async () => {
    const path = join(directory, 'not-a-workbook.xlsx');
    const document = new ExcelJS.Workbook();
    document.addWorksheet('x');
    const buffer = Buffer.from(await document.xlsx.writeBuffer());
    // Rename the workbook part: a zip, but no xl/workbook.xml.
    writeFileSync(path, buffer.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
    await expect(readAll(path)).rejects.toMatchObject({ reason: 'notWorkbook' });
  });

  it.each([
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('店名,负责人\r\n恒兴,郑海生\r\n')]),
      'utf-8',
    ],
    ['UTF-8', Buffer.from('店名,负责人\n"恒兴, 便利",郑海生\n\n'), 'utf-8'],
    // 店名,负责人 / 恒兴,郑海生 in GBK.
    ['GB18030', Buffer.from('b5eac3fb2cb8bad4f0c8cb0d0abae3d0cb2cd6a3baa3c9fa0d0a', 'hex'), 'gb18030'],
  ])('reads a CSV in %s', async (_case, content, encoding) => {
    const path = join(directory, `${encoding}.csv`);
    writeFileSync(path, content);
    const { detection, read } = await readAll(path);
    expect(detection).toEqual({ kind: 'csv', encoding });
    expect(read[0]).toEqual(['店名', '负责人']);
    expect(read[1][1]).toBe('郑海生');
    expect(read).toHaveLength(2);
  });

  it('tells binary files and old .xls apart from spreadsheets, and an empty file from both', async () => {
    const cases: [string, Buffer, string | undefined][] = [
      ['empty', Buffer.alloc(0), undefined],
      ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'unsupported'],
      ['xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'unsupported'],
    ];
    for (const [name, content, kind] of cases) {
      const path = join(directory, name);
      writeFileSync(path, content);
      expect((await detectSheet(path))?.kind).toBe(kind);
    }
  });

  describe('an xlsx that inflates past the bound is refused', () => {
    it('by what its shared strings declare, before inflating anything', async () => {
      const path = join(directory, 'bomb.xlsx');
      const strings = sharedStringsOf(sheetLimits.sharedStringsBytes + 1024);
      const bomb = await workbookWithSharedStrings(await oneStore(), strings);
      // Precondition: a small file that unpacks to more than the bound.
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      writeFileSync(path, bomb);
      const started = Date.now();
      await expect(readAll(path)).rejects.toMatchObject({
        code: 'IMPORT_SHEET_TOO_LARGE',
        details: { limit: '64 MB' },
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('by the bytes it inflates to, when its entry declares less than it holds (a forged zip)', async () => {
      const path = join(directory, 'forged.xlsx');
      const strings = sharedStringsOf(sheetLimits.sharedStringsBytes + 1024);
      writeFileSync(path, await workbookWithSharedStrings(await oneStore(), strings, 1_000));
      await expect(readAll(path)).rejects.toMatchObject({ code: 'IMPORT_SHEET_TOO_LARGE' });
    });

    it('keeps formatted shared strings as plain text, read as the cells show them', async () => {
      // Runs of formatting: exceljs would cache each as an object of runs.
      const path = join(directory, 'runs.xlsx');
      const runs =
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<si><r><t>恒兴</t></r><r><rPr><b/></rPr><t>便利店</t></r></si><si><t>郑海生</t></si></sst>';
      const base = new ExcelJS.Workbook();
      base.addWorksheet('客户档案').addRow(['店名', '负责人']);
      base.worksheets[0].addRow(['店名', '负责人']);
      writeFileSync(
        path,
        await workbookWithSharedStrings(Buffer.from(await base.xlsx.writeBuffer()), Buffer.from(runs)),
      );
      const { read } = await readAll(path);
      // Both rows point at the first two shared strings, whatever they were before.
      expect(read[1]).toEqual(['恒兴便利店', '郑海生']);
    });
  });

  it('refuses more rows than the bound, and a row wider than the bound, in a CSV', async () => {
    const long = join(directory, 'long.csv');
    writeFileSync(long, `店名\n${'恒兴\n'.repeat(sheetLimits.rows + 1)}`);
    await expect(readAll(long)).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    const atBound = join(directory, 'at-bound.csv');
    writeFileSync(atBound, `店名\n${'恒兴\n'.repeat(sheetLimits.rows)}`);
    expect((await readAll(atBound)).read).toHaveLength(sheetLimits.rows + 1);

    const wide = join(directory, 'wide.csv');
    writeFileSync(wide, `店名,负责人\n恒兴,郑海生\n${'x,'.repeat(sheetLimits.columns)}x\n`);
    await expect(readAll(wide)).rejects.toMatchObject({ code: 'IMPORT_ROW_TOO_WIDE', details: { row: 3 } });
  });

  it('says why a file cannot be read in the reader’s language, never in the library’s words (FILE_ENDED)', async () => {
    const path = join(directory, 'truncated.xlsx');
    const whole = await oneStore();
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const failure = await readAll(path).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    const reason = unreadableReasonOf(failure);
    expect(reason).toBe('damaged');
    expect(unreadableHint(reason, 'zh-CN')).toContain('已损坏');
    expect(unreadableHint(reason, 'en')).toContain('damaged');

    const csv = join(directory, 'open-quote.csv');
    writeFileSync(csv, `店名,负责人\n"恒兴,郑海生\n${'x'.repeat(sheetLimits.csvRecordBytes + 10)}\n`);
    const csvFailure = await readAll(csv).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(unreadableReasonOf(csvFailure)).toBe('csvMalformed');
  });
});
