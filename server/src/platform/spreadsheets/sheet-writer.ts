import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { type Locale, messageOf, pickLocale } from '../errors/error-catalogue.ts';
import { loggableError } from '../errors/loggable-error.ts';
import { csvCell } from './sheet-cell.rules.ts';
import { type SheetColumn, templateNotes } from './sheet-columns.rules.ts';
import type { SheetKind } from './sheet-reader.ts';

// Writing the template, an export or an error workbook as a stream: an .xlsx through exceljs's
// streaming writer (row by row, committed as it goes), a .csv as UTF-8 with a BOM so that Excel-CN
// opens it in the right encoding. Text goes into an .xlsx as a string cell, never a formula; in a
// .csv, where a reader's spreadsheet program would take it for one, it is neutralised (csvCell).

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
    if (output.writableNeedDrain && !output.destroyed) {
      await Promise.race([once(output, 'drain'), once(output, 'close')]);
    }
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

// ---- Downloads ----

export type SheetRows = readonly (readonly SheetCell[])[];

// Who a download is for: the reader's language for its last row, should it break off (quoting the
// request's id, as the log does), and where to report the cause.
export type DownloadContext = { locale: Locale; requestId: string; onError: (error: unknown) => void };

// A file download in two steps. prepareSheetDownload reads the first page of rows before anything is
// sent, so a filter the database refuses is answered with a problem (and no half-sent file); the
// writer it gives back streams that page and the rest. A failure after the first byte cannot change
// the answer's status any more: the file is then closed properly with a last row saying it is
// incomplete (EXPORT_INCOMPLETE, in the reader's language), and download.onError hears the cause.
export async function prepareSheetDownload(
  kind: SheetKind,
  options: {
    sheetName: string;
    headers: readonly string[];
    requiredHeaders?: ReadonlySet<string>;
    pages: AsyncIterator<SheetRows>;
    notes?: { title: string; lines: readonly (readonly string[])[] };
    download: DownloadContext;
  },
): Promise<(output: Writable) => Promise<void>> {
  const first = await options.pages.next();
  return async (output) => {
    const writer = createSheetWriter(kind, output, options);
    try {
      for (let page = first; !page.done; page = await options.pages.next()) {
        for (const cells of page.value) writer.addRow(cells);
        await writer.drain();
        // The client went away: nobody is left to read the rest.
        if (output.destroyed) {
          await options.pages.return?.();
          return;
        }
      }
    } catch (error) {
      if (output.destroyed) return;
      const { locale, requestId, onError } = options.download;
      onError(error);
      writer.addRow([messageOf('EXPORT_INCOMPLETE', locale, { requestId })]);
      await options.pages.return?.();
    }
    if (options.notes) writer.addNotesSheet(options.notes.title, options.notes.lines);
    await writer.finish();
  };
}

// The rows of a download that has the header row alone (a template).
export async function* noRows(): AsyncGenerator<SheetRows> {}

async function* rowsOnce(rows: SheetRows): AsyncGenerator<SheetRows> {
  yield rows;
}

// An import's template: an .xlsx of the columns' headers (the required ones in red), optionally
// sample rows under them (in the columns' order; the import reads them like any other row, so a
// sample should fail unless filled in), and a 填写说明 sheet of the columns' hints, then `about`
// (what the import does with the file).
export function prepareTemplateDownload(options: {
  sheetName: string;
  columns: readonly Pick<SheetColumn, 'header' | 'required' | 'hint'>[];
  about: readonly (readonly string[])[];
  samples?: SheetRows;
  download: DownloadContext;
}) {
  const { columns, samples } = options;
  return prepareSheetDownload('xlsx', {
    sheetName: options.sheetName,
    headers: columns.map((column) => column.header),
    requiredHeaders: new Set(columns.filter((column) => column.required).map((column) => column.header)),
    pages: samples?.length ? rowsOnce(samples) : noRows(),
    notes: templateNotes(columns, options.about),
    download: options.download,
  });
}

// The download context of a request: its language and id, and its log for a late failure.
export function downloadFor(request: FastifyRequest, what: string): DownloadContext {
  return {
    locale: request.locale ?? pickLocale(request.headers['accept-language']),
    requestId: request.id,
    onError: (error) => request.log.error({ err: loggableError(error) }, `${what} failed after it had started`),
  };
}

// Sends a prepared download as the reply's body. Should even closing the file fail (the client
// went away, say), the stream is ended with the error and the connection closed.
export function streamDownload(write: (output: Writable) => Promise<void>, onError: (error: unknown) => void) {
  const output = new PassThrough();
  void write(output).catch((error: unknown) => {
    onError(error);
    output.destroy(error as Error);
  });
  return output;
}

// ---- Small workbooks, whole in memory ----

// A report's worksheet: rows above the header (its figures), the header in bold, the rows.
export type ReportSheet = {
  name: string;
  preamble?: readonly (readonly SheetCell[])[];
  headers: readonly string[];
  rows: readonly (readonly SheetCell[])[];
  // Every column's width, and the columns (0-based) that differ.
  width: number;
  widths?: Readonly<Record<number, number>>;
  // Number formats: of whole columns (1-based, as Excel counts them) and of single cells ('B2').
  columnFormats?: Readonly<Record<number, string>>;
  cellFormats?: Readonly<Record<string, string>>;
  // The header row stays in view while scrolling.
  freezeHeader?: boolean;
};

// A workbook of a few report sheets (a cycle's demand, a month's visits, a spot-check), built in
// memory: they are a few hundred rows, unlike an export, which streams.
export async function writeReportWorkbook(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const report of sheets) {
    const sheet = workbook.addWorksheet(report.name);
    for (const row of report.preamble ?? []) sheet.addRow([...row]);
    sheet.addRow([...report.headers]).font = { bold: true };
    for (const row of report.rows) sheet.addRow([...row]);
    for (const [column, format] of Object.entries(report.columnFormats ?? {})) {
      sheet.getColumn(Number(column)).numFmt = format;
    }
    for (const [cell, format] of Object.entries(report.cellFormats ?? {})) sheet.getCell(cell).numFmt = format;
    sheet.columns.forEach((column, index) => {
      column.width = report.widths?.[index] ?? report.width;
    });
    if (report.freezeHeader) sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
