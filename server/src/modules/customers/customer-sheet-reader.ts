import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

// Reading an uploaded spreadsheet row by row, never whole: an .xlsx through exceljs's streaming
// reader, a .csv through csv-parse (UTF-8 with or without BOM, or GB18030/GBK as Excel-CN saves it).

export type SheetKind = 'xlsx' | 'csv';
export type SheetRow = { row: number; cells: unknown[] };

export type SheetDetection =
  | { kind: SheetKind; encoding?: 'utf-8' | 'gb18030' }
  | { kind: 'unsupported'; hint: string };

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
    return { kind: 'unsupported', hint: '旧版 .xls 请在 Excel 中“另存为” .xlsx。' };
  }
  if (sample.includes(0)) return { kind: 'unsupported', hint: '' };
  if (sample.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return { kind: 'csv', encoding: 'utf-8' };
  if (isText(sample, 'utf-8')) return { kind: 'csv', encoding: 'utf-8' };
  if (isText(sample, 'gb18030')) return { kind: 'csv', encoding: 'gb18030' };
  return { kind: 'unsupported', hint: '' };
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
// onBytes hears how far into the file the reading is, for a progress bar.
export async function* readSheetRows(
  path: string,
  detection: { kind: SheetKind; encoding?: string },
  onBytes: (bytes: number) => void = () => {},
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
  if (!relationships || !workbookEntry) throw new Error('no workbook in the file');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  await reader._parseRels(relationships.stream());
  await reader._parseWorkbook(workbookEntry.stream());
  const firstSheet = reader.model?.sheets?.[0];
  const target = reader.workbookRels?.find((relationship) => relationship.Id === firstSheet?.rId)?.Target;
  // A zip without a worksheet (a .docx renamed, say) is not a workbook.
  if (!target) throw new Error('no worksheet in the file');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetEntry = entries.get(sheetPath);
  if (!sheetEntry) throw new Error(`the workbook names ${sheetPath}, which the file lacks`);
  const sharedStrings = entries.get('xl/sharedStrings.xml');
  if (sharedStrings) {
    for await (const _ of reader._parseSharedStrings(Readable.from(decodeUtf8(sharedStrings.stream())))) {
      // cached on the reader; nothing to emit
    }
  }

  // Progress is the share of the worksheet's XML read, in bytes of the file.
  const sheetStream = sheetEntry.stream();
  let read = 0;
  const counted = async function* () {
    for await (const chunk of sheetStream as AsyncIterable<Buffer>) {
      read += chunk.length;
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

// exceljs 4.4 decodes each chunk of the zipped XML on its own, so a Chinese character split
// between two chunks turns into "��". Handing it text decoded across chunk boundaries avoids
// that (its parser passes strings through as they are).
type ChunkSource = AsyncIterable<Buffer | string>;
type ReaderInternals = {
  model?: { sheets?: { rId: string }[] };
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
  const parser = text.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number += 1;
    if (record.every((value) => value.trim() === '')) continue;
    yield { row: number, cells: record };
  }
}
