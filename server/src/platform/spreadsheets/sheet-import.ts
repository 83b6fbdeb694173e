import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type { Database, Transaction } from '../../db/client.ts';
import { DomainError, type ErrorDetails } from '../errors/domain-error.ts';
import { type ErrorCode, type Locale, messageOf } from '../errors/error-catalogue.ts';
import { cellText, plainCell } from './sheet-cell.rules.ts';
import { mapSheetHeader, type SheetColumn, type SheetHeader, withoutRequiredMark } from './sheet-columns.rules.ts';
import { detectSheet, readSheetRows, type SheetKind, unreadableHint, unreadableReasonOf } from './sheet-reader.ts';
import { createSheetWriter } from './sheet-writer.ts';

// Importing a spreadsheet, all or nothing. Every row is read by the module's rules, each batch of
// rows is checked against what the database holds, and the rows are written only while the file has
// shown no error; the first error stops the writing, checking goes on to the end so that every
// error is reported, and the caller's transaction is rolled back (allOrNothing). Only a batch of
// rows is held in memory, whatever the size of the file.

// An uploaded file: where it is, its name as the uploader knows it, and the uploader's language.
export type SheetUpload = { path: string; fileName: string; locale: Locale };
export type OpenedSheet = SheetUpload & { kind: SheetKind; encoding?: string; size: number };

// What is wrong with one cell of a row (the column by its header, the cell's text), and the row.
export type RowProblem = { column: string; value: string; code: ErrorCode; details: ErrorDetails };
export type RowError = RowProblem & { row: number };

// A row error as the 422 answer lists it, in the uploader's language.
export type ImportRowError = { row: number; column: string; value: string; message: string };

// Refuses, before any row is read, a file too large, empty (`emptyCode`) or not a spreadsheet.
export async function openSheetUpload(
  upload: SheetUpload,
  options: { maxBytes: number; emptyCode: ErrorCode },
): Promise<OpenedSheet> {
  const size = (await stat(upload.path)).size;
  if (size > options.maxBytes) {
    const limit = `${Math.round(options.maxBytes / 1024 / 1024)} MB`;
    throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit }, 'file');
  }
  const detection = await detectSheet(upload.path);
  if (!detection) throw new DomainError(options.emptyCode, { fileName: upload.fileName }, 'file');
  if (detection.kind === 'unsupported') {
    const hint = unreadableHint(detection.reason, upload.locale);
    throw new DomainError('IMPORT_FILE_NOT_SPREADSHEET', { fileName: upload.fileName, hint }, 'file');
  }
  return { ...upload, ...detection, size };
}

// A data row: its number as the spreadsheet shows it, and the text of each known column found.
export type SheetRecord<Key extends string> = { row: number; cells: Partial<Record<Key, string>> };

// The data rows of an opened file by column key. The header row decides where each column is; a
// required column missing or a header repeated refuses the file, and so does a file without data
// rows (`emptyCode`) or with more than `maxRows`. onBytes hears how far into the file the reading is.
export async function* readSheetRecords<Key extends string>(
  sheet: OpenedSheet,
  options: {
    columns: readonly Pick<SheetColumn<Key>, 'key' | 'header' | 'required'>[];
    normaliseHeader?: (raw: string) => string;
    emptyCode: ErrorCode;
    maxRows?: number;
    onBytes?: (bytes: number) => void;
  },
): AsyncGenerator<SheetRecord<Key>> {
  let header: [Key, number][] | undefined;
  let rows = 0;
  for await (const { row, cells } of rowsOf(sheet, options.onBytes)) {
    if (!header) {
      header = checkedHeader(mapSheetHeader(options.columns, cells.map(cellText), options.normaliseHeader));
      continue;
    }
    rows += 1;
    if (options.maxRows !== undefined && rows > options.maxRows) {
      throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit: `${options.maxRows} 行` }, 'file');
    }
    const values: Partial<Record<Key, string>> = {};
    for (const [key, index] of header) values[key] = cellText(cells[index]);
    yield { row, cells: values };
  }
  if (rows === 0) throw new DomainError(options.emptyCode, { fileName: sheet.fileName }, 'file');
}

function checkedHeader<Key extends string>(header: SheetHeader<Key>): [Key, number][] {
  if (header.missing.length > 0) throw new DomainError('IMPORT_COLUMNS_MISSING', { columns: header.missing }, 'file');
  if (header.duplicated.length > 0) {
    throw new DomainError('IMPORT_COLUMNS_DUPLICATED', { columns: header.duplicated }, 'file');
  }
  return Object.entries(header.indexOf) as [Key, number][];
}

// The file's rows; a file the readers cannot make sense of is one clear message.
async function* rowsOf(sheet: OpenedSheet, onBytes?: (bytes: number) => void) {
  try {
    yield* readSheetRows(sheet.path, sheet, onBytes);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // exceljs and csv-parse fail on files that only look like spreadsheets (a renamed zip, a
    // truncated workbook, broken quoting): the uploader hears why in their language, not the
    // library's words.
    const hint = unreadableHint(unreadableReasonOf(error), sheet.locale);
    throw new DomainError('IMPORT_FILE_NOT_SPREADSHEET', { fileName: sheet.fileName, hint }, 'file');
  }
}

// ---- Check every row, write while the file is clean ----

export type RowSteps<Key extends string, Row, Stored> = {
  // One data row read by the module's rules, into the row to write or what is wrong with it. Rows
  // come in the file's order, so a check against earlier rows (a key twice in the file) is here.
  checkRow: (record: SheetRecord<Key>) => { row: Row } | { problems: RowProblem[] };
  batchRows: number;
  // What the database holds for a batch of rows, asked as soon as the batch is read: the database
  // works on it (and on the batch before it being written) while the next batch is read.
  lookUp: (rows: readonly Row[]) => Promise<Stored>;
  // What is wrong with a row given what is stored (a key taken, a record out of the caller's scope).
  checkStored?: (row: Row, stored: Stored) => RowProblem | undefined;
  // Writes a checked batch; called only while the file has shown no error.
  writeBatch: (rows: readonly Row[], stored: Stored) => Promise<void>;
  // After each full batch: whether the file is still clean (writing) or only being checked.
  afterBatch?: (clean: boolean) => void;
};

export async function checkAndWriteRows<Key extends string, Row, Stored>(
  records: AsyncIterable<SheetRecord<Key>>,
  steps: RowSteps<Key, Row, Stored>,
): Promise<{ errors: RowError[]; rowCount: number }> {
  type Numbered = { row: number; value: Row };
  const errors: RowError[] = [];
  let rowCount = 0;
  let pending: Numbered[] = [];
  // The batch being written while the next one is read: its statements are already queued on the
  // transaction's connection, ahead of anything sent later.
  let writing: Promise<void> = Promise.resolve();
  // The batch read last, its look-up already sent: it is settled once the next batch has been read.
  let checking: { batch: Numbered[]; lookup: Promise<Stored> } | undefined;

  const settle = async () => {
    if (!checking) return;
    const { batch, lookup } = checking;
    checking = undefined;
    // A failed write ends the import here.
    await writing;
    const stored = await lookup;
    const accepted: Row[] = [];
    for (const { row, value } of batch) {
      const problem = steps.checkStored?.(value, stored);
      if (problem) errors.push({ row, ...problem });
      else accepted.push(value);
    }
    // Once the file has an error nothing more is written.
    if (errors.length > 0) return;
    writing = steps.writeBatch(accepted, stored);
    // Awaited at the next batch or at the end; until then a failure must not count as unhandled.
    writing.catch(() => {});
  };

  const flush = async () => {
    const batch = pending;
    pending = [];
    const lookup = batch.length > 0 ? steps.lookUp(batch.map(({ value }) => value)) : undefined;
    lookup?.catch(() => {});
    await settle();
    if (lookup) checking = { batch, lookup };
  };

  try {
    for await (const record of records) {
      rowCount += 1;
      const checked = steps.checkRow(record);
      if ('problems' in checked) {
        for (const problem of checked.problems) errors.push({ row: record.row, ...problem });
        continue;
      }
      pending.push({ row: record.row, value: checked.row });
      if (pending.length >= steps.batchRows) {
        await flush();
        steps.afterBatch?.(errors.length === 0);
      }
    }
    await flush();
    await settle();
    await writing;
  } catch (error) {
    // Let the statements in flight finish (or fail) before the caller rolls back.
    await checking?.lookup.catch(() => {});
    await writing.catch(() => {});
    throw error;
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, rowCount };
}

// Thrown inside the transaction to roll it back when the file had errors.
class FileHasErrors extends Error {}

// Runs an import in one transaction that is committed only when the file had no error.
export async function allOrNothing<Result extends { errors: readonly unknown[] }>(
  db: Database,
  work: (tx: Transaction) => Promise<Result>,
): Promise<Result> {
  let result: Result | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await work(tx);
      if (result.errors.length > 0) throw new FileHasErrors();
    });
  } catch (error) {
    if (!(error instanceof FileHasErrors)) throw error;
  }
  if (!result) throw new Error('the import ended without a result');
  return result;
}

// The first `limit` errors, in the uploader's language.
export function describeRowErrors(errors: readonly RowError[], locale: Locale, limit: number): ImportRowError[] {
  return errors.slice(0, limit).map((error) => ({
    row: error.row,
    column: error.column,
    value: error.value,
    message: messageOf(error.code, locale, error.details),
  }));
}

// ---- The error workbook ----

// The uploaded rows again, all of them as they were, with each bad cell filled and noted with its
// reason and a 错误原因 column at the end: every row stays, so the fixed workbook can be imported as
// it is (the import ignores the 错误原因 column); only the bad rows carry marks and reasons.
export async function writeErrorWorkbook(sheet: OpenedSheet, errors: readonly RowError[]): Promise<Buffer> {
  const byRow = new Map<number, RowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  let writer: ReturnType<typeof createSheetWriter> | undefined;
  let columnOf = new Map<string, number>();
  let width = 0;
  for await (const { row, cells } of readSheetRows(sheet.path, sheet)) {
    const texts = cells.map(cellText);
    if (!writer) {
      width = texts.length;
      columnOf = new Map(texts.map((text, index) => [withoutRequiredMark(text), index]));
      writer = createSheetWriter('xlsx', output, { sheetName: '错误标注', headers: [...texts, '错误原因'] });
      continue;
    }
    const padded = Array.from({ length: width }, (_, index) => plainCell(cells[index]));
    const rowErrors = byRow.get(row);
    if (!rowErrors) {
      writer.addRow([...padded, null], new Map());
      continue;
    }
    const marks = new Map<number, string>();
    const reasons: string[] = [];
    for (const error of rowErrors) {
      const message = messageOf(error.code, sheet.locale, error.details);
      reasons.push(`${error.column}：${message}`);
      const index = columnOf.get(error.column);
      if (index !== undefined) marks.set(index, [marks.get(index), message].filter(Boolean).join('\n'));
    }
    writer.addRow([...padded, reasons.join('；')], marks);
  }
  await writer?.finish();
  return Buffer.concat(chunks);
}
