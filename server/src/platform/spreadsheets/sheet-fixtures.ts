import ExcelJS from 'exceljs';

// Spreadsheets for the import tests and the benchmark: rows by header, as a CSV, an .xlsx, or an
// upload's multipart body.

export type Row = Record<string, string | number>;

export function csvOf(rows: Row[], headers: readonly string[]): string {
  const quote = (value: unknown) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [headers.join(','), ...rows.map((row) => headers.map((header) => quote(row[header])).join(','))].join('\r\n');
}

export async function xlsxOf(rows: Row[], headers: readonly string[], sheetName = '客户档案'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = '----kewo-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
