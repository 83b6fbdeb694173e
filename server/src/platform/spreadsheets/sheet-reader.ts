import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import unzipper, { type CentralDirectoryEntry } from 'unzipper';
import { DomainError } from '../errors/domain-error.ts';
import type { Locale } from '../errors/error-catalogue.ts';
import { csvCellValue } from './sheet-cell.rules.ts';

// Reading an uploaded spreadsheet row by row, never whole: an .xlsx through exceljs's streaming
// reader, a .csv through csv-parse (UTF-8 with or without BOM, or GB18030/GBK as Excel-CN saves it).

export type SheetKind = 'xlsx' | 'csv';
export type SheetRow = { row: number; cells: unknown[] };

export type SheetDetection =
  | { kind: SheetKind; encoding?: 'utf-8' | 'gb18030' }
  | { kind: 'unsupported'; reason: UnreadableReason };

// What an uploaded spreadsheet may unpack to. An .xlsx is a zip: a 1 MB file can inflate to
// gigabytes. Each part is bounded by what a real file of the most rows an import takes needs, and
// is refused past it — by the size its zip entry declares before anything is inflated, and by the
// bytes actually inflated while it is read (a forged entry may declare less) — before it is held
// in memory. The shared strings are held in memory while the sheet is read, so they are bounded
// tightly; the worksheet is read row by row, and its bound is one of time. Rows and columns are
// bounded in CSVs too.
export const sheetLimits = {
  // Workbook, relationships: a few KB in any real file.
  partBytes: 8 * 1024 * 1024,
  // A workbook of 250,000 stores saved by Excel holds ~47 MB of shared strings; held in memory,
  // 64 MB of them cost ~130 MB.
  sharedStringsBytes: 64 * 1024 * 1024,
  // A worksheet of 250,000 stores unpacks to ~150 MB (saved by Excel) or ~195 MB (as Kewo exports it).
  sheetBytes: 512 * 1024 * 1024,
  // Data rows (the header apart), and columns of any row.
  rows: 300_000,
  columns: 500,
  // One CSV record (a quote left open swallows the rest of the file into one).
  csvRecordBytes: 1024 * 1024,
} as const;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

// Why a file cannot be read, told to the uploader in their language (the hint of
// IMPORT_FILE_NOT_SPREADSHEET); never the reader library's own words.
export type UnreadableReason = 'oldXls' | 'binary' | 'damaged' | 'notWorkbook' | 'csvMalformed';

const unreadableHints: Record<UnreadableReason, Record<Locale, string>> = {
  oldXls: { 'zh-CN': '旧版 .xls 请在 Excel 中“另存为” .xlsx。', en: 'Save an old .xls as .xlsx in Excel first.' },
  binary: { 'zh-CN': '', en: '' },
  damaged: {
    'zh-CN': '文件不完整或已损坏（可能上传中断），请在 Excel 中重新保存后再导入。',
    en: 'The file is incomplete or damaged (perhaps an interrupted upload): save it again in Excel and import it.',
  },
  notWorkbook: {
    'zh-CN': '这个压缩文件中没有工作表。',
    en: 'This compressed file holds no worksheet.',
  },
  csvMalformed: {
    'zh-CN': 'CSV 的引号或分隔符不正确（如引号未闭合），请在 Excel 中重新保存为 CSV 后再导入。',
    en: "The CSV's quotes or separators are not valid (a quote left open, say): save it again as CSV in Excel.",
  },
};

// A file the readers could not make sense of, and why.
export class UnreadableSheetError extends Error {
  readonly reason: UnreadableReason;
  constructor(reason: UnreadableReason) {
    super(`unreadable spreadsheet: ${reason}`);
    this.reason = reason;
  }
}

export function unreadableHint(reason: UnreadableReason, locale: Locale): string {
  return unreadableHints[reason][locale];
}

// The reason behind any failure of the readers: csv-parse names its errors CSV_…; everything else
// (unzipper's FILE_ENDED, a zip entry that does not inflate, XML that does not parse) is a damaged file.
export function unreadableReasonOf(error: unknown): UnreadableReason {
  if (error instanceof UnreadableSheetError) return error.reason;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('CSV_') ? 'csvMalformed' : 'damaged';
}

const sampleBytes = 256 * 1024;

// By content, not by the file name: a zip (.xlsx) starts with PK, an old .xls with the OLE2 magic,
// and a CSV is text: no NUL bytes, valid UTF-8 or GB18030.
export async function detectSheet(path: string): Promise<SheetDetection | undefined> {
  const handle = await open(path, 'r');
  let sample: Buffer;
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (sample.length === 0) return undefined;
  if (sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { kind: 'xlsx' };
  if (sample.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { kind: 'unsupported', reason: 'oldXls' };
  }
  if (sample.includes(0)) return { kind: 'unsupported', reason: 'binary' };
  if (sample.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return { kind: 'csv', encoding: 'utf-8' };
  if (isText(sample, 'utf-8')) return { kind: 'csv', encoding: 'utf-8' };
  if (isText(sample, 'gb18030')) return { kind: 'csv', encoding: 'gb18030' };
  return { kind: 'unsupported', reason: 'binary' };
}

function isText(sample: Buffer, encoding: 'utf-8' | 'gb18030'): boolean {
  try {
    // stream: true tolerates a character cut at the end of the sample.
    const text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    // Control characters other than tab and line ends mean binary data.
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0b && code !== 0x0c)
        return false;
    }
    return true;
  } catch {
    return false;
  }
}

// Rows of the first worksheet (or the CSV), numbered as the spreadsheet numbers them (header = 1).
// Entirely empty rows are skipped: Excel keeps formatted blank rows at the end of many sheets.
// onBytes hears how far into the file the reading is, for a progress bar. A file past the bounds
// (sheetLimits) is refused with a DomainError as soon as that is seen.
export async function* readSheetRows(
  path: string,
  detection: { kind: SheetKind; encoding?: string },
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<SheetRow> {
  let rows = 0;
  for await (const row of readRows(path, detection, onBytes)) {
    rows += 1;
    // The first row is the header.
    if (rows > sheetLimits.rows + 1) {
      throw new DomainError('IMPORT_TOO_MANY_ROWS', { limit: sheetLimits.rows }, 'file');
    }
    if (row.cells.length > sheetLimits.columns) {
      throw new DomainError('IMPORT_ROW_TOO_WIDE', { row: row.row, limit: sheetLimits.columns }, 'file');
    }
    yield row;
  }
}

async function* readRows(
  path: string,
  detection: { kind: SheetKind; encoding?: string },
  onBytes: (bytes: number) => void,
) {
  if (detection.kind === 'xlsx') {
    yield* readXlsxRows(path, onBytes);
    return;
  }
  let bytes = 0;
  const input = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        onBytes(bytes);
        callback(null, chunk);
      },
    }),
  );
  yield* readCsvRows(input, detection.encoding ?? 'utf-8');
}

// An .xlsx is read through the zip's central directory, in the order a workbook is understood:
// the workbook and its relationships (which worksheet is first), the shared strings, then the first
// worksheet streamed row by row. (exceljs's own WorkbookReader takes the entries in the order the zip
// stores them, parking early worksheets in temporary files; read twice in a row, it failed now and
// then on files whose workbook.xml comes last, as exceljs writes them.) exceljs still parses the XML.
async function* readXlsxRows(path: string, onBytes: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const [directory, size] = await Promise.all([unzipper.Open.file(path), stat(path).then((info) => info.size)]);
  const entries = new Map(directory.files.map((entry) => [entry.path.replace(/^\//, ''), entry]));
  const relationships = entries.get('xl/_rels/workbook.xml.rels');
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!relationships || !workbookEntry) throw new UnreadableSheetError('notWorkbook');
  const sharedStrings = entries.get('xl/sharedStrings.xml');
  checkDeclaredSize(relationships, sheetLimits.partBytes);
  checkDeclaredSize(workbookEntry, sheetLimits.partBytes);
  if (sharedStrings) checkDeclaredSize(sharedStrings, sheetLimits.sharedStringsBytes);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  await reader._parseRels(Readable.from(inflated(relationships, sheetLimits.partBytes)));
  await reader._parseWorkbook(Readable.from(inflated(workbookEntry, sheetLimits.partBytes)));
  const firstSheet = reader.model?.sheets?.[0];
  const target = reader.workbookRels?.find((relationship) => relationship.Id === firstSheet?.rId)?.Target;
  // A zip without a worksheet (a .docx renamed, say) is not a workbook.
  if (!target) throw new UnreadableSheetError('notWorkbook');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetEntry = entries.get(sheetPath);
  // The workbook names a worksheet the file lacks.
  if (!sheetEntry) throw new UnreadableSheetError('damaged');
  checkDeclaredSize(sheetEntry, sheetLimits.sheetBytes);
  if (sharedStrings) {
    const strings = plainSharedStrings(reader, decodeUtf8(inflated(sharedStrings, sheetLimits.sharedStringsBytes)));
    for await (const _ of reader._parseSharedStrings(Readable.from(strings))) {
      // cached on the reader; nothing to emit
    }
  }

  // Progress is the share of the worksheet's XML read, in bytes of the file.
  const sheetStream = sheetEntry.stream();
  let read = 0;
  const counted = async function* () {
    for await (const chunk of sheetStream as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > sheetLimits.sheetBytes) throw tooLarge(sheetLimits.sheetBytes);
      onBytes(Math.min(size, Math.round((read / Math.max(1, sheetEntry.uncompressedSize)) * size)));
      yield chunk;
    }
  };
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
  try {
    for (const { value: worksheet } of reader._parseWorksheet(decodeUtf8(counted()), sheetNo)) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based and sparse.
        const values = (row.values as unknown[]).slice(1);
        if (values.every((value) => value === undefined || value === null || value === '')) continue;
        yield { row: row.number, cells: values };
      }
    }
  } finally {
    // A reader that stops early (a missing column, say) leaves no open file behind.
    sheetStream.destroy();
  }
}

// exceljs caches a formatted shared string as an object of runs, ten times the memory of its text
// (64 MB of one-letter runs took 700 MB). The import reads only the text, so each string is made
// plain as soon as it is cached: the text passes on while the parser takes it in, and between two
// pieces whatever it has cached since is flattened.
async function* plainSharedStrings(reader: ReaderInternals, text: AsyncIterable<string>): AsyncGenerator<string> {
  let plain = 0;
  const flatten = () => {
    const cache = reader.sharedStrings ?? [];
    for (; plain < cache.length; plain += 1) {
      const value = cache[plain] as { richText?: { text?: string }[] } | string;
      if (typeof value !== 'string') cache[plain] = (value?.richText ?? []).map((run) => run.text ?? '').join('');
    }
  };
  for await (const piece of text) {
    flatten();
    yield piece;
  }
  flatten();
}

function tooLarge(limit: number) {
  return new DomainError('IMPORT_SHEET_TOO_LARGE', { limit: megabytes(limit) }, 'file');
}

function checkDeclaredSize(entry: CentralDirectoryEntry, limit: number) {
  if (entry.uncompressedSize > limit) throw tooLarge(limit);
}

// A zip entry's contents as they inflate, refused past `limit` bytes whatever its entry declared.
async function* inflated(entry: CentralDirectoryEntry, limit: number): AsyncGenerator<Buffer> {
  const stream = entry.stream();
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw tooLarge(limit);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

// exceljs 4.4 decodes each chunk of the zipped XML on its own, so a Chinese character split
// between two chunks turns into "��". Handing it text decoded across chunk boundaries avoids
// that (its parser passes strings through as they are).
type ChunkSource = AsyncIterable<Buffer | string>;
type ReaderInternals = {
  model?: { sheets?: { rId: string }[] };
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
  _parseRels: (entry: Readable) => Promise<void>;
  _parseWorkbook: (entry: Readable) => Promise<void>;
  _parseSharedStrings: (entry: Readable) => AsyncIterable<unknown>;
  _parseWorksheet: (iterator: ChunkSource, sheetNo: string) => Iterable<{ value: unknown }>;
};

async function* decodeUtf8(source: ChunkSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* readCsvRows(input: Readable, encoding: string): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(encoding);
  const text = Readable.from(
    (async function* () {
      for await (const chunk of input) yield decoder.decode(chunk as Buffer, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
  );
  const parser = text.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: sheetLimits.csvRecordBytes,
    }),
  );
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number += 1;
    if (record.every((value) => value.trim() === '')) continue;
    yield { row: number, cells: record.map(csvCellValue) };
  }
}
