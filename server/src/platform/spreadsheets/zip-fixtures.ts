import { crc32, deflateRawSync } from 'node:zlib';
import unzipper from 'unzipper';

// Zip files made by hand for the spreadsheet reader's tests: a workbook whose parts inflate far
// beyond their compressed size (a "zip bomb"), and one whose entries declare less than they hold,
// as a forged file would.

export type ZipEntry = { path: string; content: Buffer; declaredSize?: number };

// A zip of deflated entries; each declares its real size unless told otherwise.
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const data = deflateRawSync(entry.content);
    const crc = crc32(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralDirectory, end]);
}

// The parts of a zip, by path.
export async function entriesOf(zip: Buffer): Promise<ZipEntry[]> {
  const directory = await unzipper.Open.buffer(zip);
  return Promise.all(
    directory.files
      .filter((file) => file.type === 'File')
      .map(async (file) => ({ path: file.path, content: await file.buffer() })),
  );
}

// Shared strings of about `bytes` bytes: one short string after another, as a bomb would hold
// them; `item` is one string's XML (a formatted one is a run: <si><r><t>a</t></r></si>).
export function sharedStringsOf(bytes: number, item = '<si><t>恒兴便利店龙海区石码镇解放路</t></si>'): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const count = Math.ceil((bytes - head.length) / Buffer.byteLength(item));
  return Buffer.from(`${head}${item.repeat(count)}</sst>`);
}

// A workbook (made by exceljs, shared strings and all) whose shared strings are replaced by
// `sharedStrings`, declaring `declaredSize` for them when given.
export async function workbookWithSharedStrings(workbook: Buffer, sharedStrings: Buffer, declaredSize?: number) {
  const entries = await entriesOf(workbook);
  if (!entries.some((entry) => entry.path === 'xl/sharedStrings.xml')) throw new Error('no shared strings to replace');
  return zipOf(
    entries.map((entry) =>
      entry.path === 'xl/sharedStrings.xml' ? { path: entry.path, content: sharedStrings, declaredSize } : entry,
    ),
  );
}
