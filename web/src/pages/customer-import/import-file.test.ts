import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api-client.ts';
import { formatNumber } from '../../shared/format.ts';
import {
  checkImportFile,
  classifyImportFailure,
  compareByRow,
  formatFileSize,
  importFileLimits,
  safeWorkbookUrl,
  toErrorTableRows,
} from './import-file.ts';

const megabyte = 1024 * 1024;

describe(checkImportFile.name, () => {
  it.each([
    ['客户档案.xlsx', 2 * megabyte, null],
    ['客户档案.XLSX', 2 * megabyte, null],
    ['export.csv', 10, null],
    ['exactly-50.xlsx', 50 * megabyte, null],
    ['too-big.csv', 50 * megabyte + 1, { problem: 'tooLarge', size: 50 * megabyte + 1 }],
    ['empty.xlsx', 0, { problem: 'empty' }],
    ['old.xls', 10, { problem: 'type' }],
    ['report.pdf', 10, { problem: 'type' }],
    ['xlsx', 10, { problem: 'type' }],
    ['客户档案.xlsx.exe', 10, { problem: 'type' }],
  ])('%s (%i bytes) → %j', (name, size, expected) => {
    expect(checkImportFile({ name, size })).toEqual(expected);
  });

  it('puts the limit where the server does: 50 MB', () => {
    expect(importFileLimits.maxBytes).toBe(52_428_800);
  });
});

describe(formatFileSize.name, () => {
  const zh = (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, 'zh-CN', options);
  it.each([
    [0, '0 B'],
    [900, '900 B'],
    [1536, '1.5 KB'],
    [50 * megabyte, '50 MB'],
    [50 * megabyte + 200 * 1024, '50.2 MB'],
    [3 * 1024 * megabyte, '3 GB'],
  ])('%i → %s', (bytes, expected) => {
    expect(formatFileSize(bytes, zh)).toBe(expected);
  });
});

describe(toErrorTableRows.name, () => {
  it('orders by row, keeps the server order within a row, and shows every value as text', () => {
    const rows = toErrorTableRows([
      { row: 7, column: '客户经理', value: 'nobody', message: '没有这个客户经理' },
      { row: 3, column: '许可证号', value: 3506021, message: '许可证号须为 12 位数字' },
      { row: 7, column: '业态', value: null, message: '必填' },
      { row: 3, column: '店名', value: '', message: '必填' },
    ]);
    expect(rows.map((row) => [row.row, row.column, row.valueText])).toEqual([
      [3, '许可证号', '3506021'],
      [3, '店名', ''],
      [7, '客户经理', 'nobody'],
      [7, '业态', ''],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(4);
  });

  it('sorts by row with compareByRow (the table sorter)', () => {
    expect([{ row: 12 }, { row: 2 }, { row: 100 }].sort(compareByRow).map((error) => error.row)).toEqual([2, 12, 100]);
  });
});

describe(classifyImportFailure.name, () => {
  const problem = (status: number, extra: object) =>
    new ApiError({ type: 'about:blank', title: 't', status, detail: 'd', code: `HTTP_${status}`, ...extra });

  it('turns a 422 IMPORT_ROWS_INVALID into the error table and the workbook link', () => {
    const errors = [{ row: 3, column: '许可证号', value: '12', message: '许可证号须为 12 位数字' }];
    const failure = classifyImportFailure(
      problem(422, {
        code: 'IMPORT_ROWS_INVALID',
        errorCount: 1_234,
        errors,
        errorWorkbookUrl: '/api/v1/customers/import/errors/abc',
      }),
    );
    expect(failure).toEqual({
      kind: 'rows',
      errorCount: 1_234,
      errors,
      errorWorkbookUrl: '/api/v1/customers/import/errors/abc',
    });
  });

  it('counts the listed errors when the server gives no count', () => {
    const errors = [{ row: 3, column: '店名', value: '', message: '必填' }];
    expect(classifyImportFailure(problem(422, { code: 'IMPORT_ROWS_INVALID', errors }))).toMatchObject({
      kind: 'rows',
      errorCount: 1,
      errorWorkbookUrl: null,
    });
  });

  it('treats 400, 413, other 422s and network failures as one message about the file', () => {
    for (const error of [
      problem(400, { code: 'IMPORT_FILE_INVALID' }),
      problem(413, { code: 'IMPORT_FILE_TOO_LARGE' }),
      problem(422, { code: 'SOMETHING_ELSE' }),
      new ApiError({ type: 'about:blank', title: '', status: 0, detail: '', code: 'NETWORK_ERROR' }),
      new Error('boom'),
    ]) {
      expect(classifyImportFailure(error)).toEqual({ kind: 'file', error });
    }
  });
});

describe(safeWorkbookUrl.name, () => {
  it('follows only links into our own API', () => {
    expect(safeWorkbookUrl('/api/v1/customers/import/errors/x')).toBe('/api/v1/customers/import/errors/x');
    expect(safeWorkbookUrl('https://evil.example/x.xlsx')).toBeNull();
    expect(safeWorkbookUrl('javascript:alert(1)')).toBeNull();
    expect(safeWorkbookUrl('//evil.example/api/v1/x')).toBeNull();
    expect(safeWorkbookUrl(undefined)).toBeNull();
  });
});
