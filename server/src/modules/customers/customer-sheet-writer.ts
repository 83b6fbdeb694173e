import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetKind } from './customer-sheet-reader.ts';

// Writing the template, an export or an error workbook as a stream: an .xlsx through exceljs's
// streaming writer (row by row, committed as it goes), a .csv as UTF-8 with a BOM so that Excel-CN
// opens it in the right encoding.

export type SheetCell = string | number | null | undefined;
// Cells to mark (0-based column index → the reason), for the error workbook.
export type CellMarks = ReadonlyMap<number, string>;

export type SheetWriter = {
  addRow: (cells: readonly SheetCell[], marks?: CellMarks) => void;
  // Waits while the destination is full, so a slow download does not pile rows up in memory.
  drain: () => Promise<void>;
  // A second worksheet of (header, text) lines, xlsx only: the template's 填写说明.
  addNotesSheet: (title: string, lines: readonly (readonly string[])[]) => void;
  finish: () => Promise<void>;
};

const markFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export function createSheetWriter(
  kind: SheetKind,
  output: Writable,
  options: { sheetName: string; headers: readonly string[]; requiredHeaders?: ReadonlySet<string> },
): SheetWriter {
  const drain = async () => {
    if (output.writableNeedDrain) await once(output, 'drain');
  };
  if (kind === 'csv') {
    output.write('\ufeff');
    output.write(`${options.headers.map(csvCell).join(',')}\r\n`);
    return {
      addRow: (cells) => {
        output.write(`${cells.map(csvCell).join(',')}\r\n`);
      },
      drain,
      addNotesSheet: () => {},
      finish: async () => {
        output.end();
        await once(output, 'finish');
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  let sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.headers.map((header) => ({ header, width: Math.max(10, header.length * 2 + 4) }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  options.headers.forEach((header, index) => {
    if (options.requiredHeaders?.has(header))
      headerRow.getCell(index + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  headerRow.commit();
  let nextRow = 2;
  return {
    addRow: (cells, marks) => {
      const row = sheet.getRow(nextRow);
      nextRow += 1;
      cells.forEach((value, index) => {
        if (value === null || value === undefined || value === '') return;
        row.getCell(index + 1).value = value;
      });
      for (const [index, reason] of marks ?? []) {
        const cell = row.getCell(index + 1);
        cell.fill = markFill;
        cell.note = reason;
      }
      row.commit();
    },
    drain,
    addNotesSheet: (title, lines) => {
      sheet.commit();
      sheet = workbook.addWorksheet(title);
      sheet.columns = [{ width: 18 }, { width: 10 }, { width: 90 }];
      for (const line of lines) sheet.addRow([...line]).commit();
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

// RFC 4180 quoting. Long digit strings (licence numbers, phones) get a leading tab so Excel keeps
// them as text instead of showing 3.50602E+11 and losing digits on save; the import trims it.
function csvCell(value: SheetCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : /^0?\d{10,}$/.test(value) ? `\t${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
