import ExcelJS from 'exceljs';
import { customerSheetColumns } from './customer-sheet.rules.ts';

// Spreadsheets for the import's tests, the CLI's and the benchmark: rows by Chinese header.

export const importHeaders = customerSheetColumns.filter((column) => !column.readOnly).map((column) => column.header);

export type Row = Record<string, string | number>;

// A good row; tests override cells by header.
export const goodRow = (licenceNo: string, overrides: Row = {}): Row => ({
  专卖许可证号: licenceNo,
  店名: '恒兴便利店',
  负责人: '郑海生',
  联系电话: '13805961234',
  经营地址: '龙海区石码镇解放路18号',
  区县: '',
  城乡: '城镇',
  业态: '便利店',
  客户经理账号: 'manager01',
  订货日: '周二',
  订货方式: '网上',
  经度: 117.82,
  纬度: 24.44,
  许可证有效期至: '2028-06-30',
  标签: '社区店、学校周边',
  状态: '',
  ...overrides,
});

export function csvOf(rows: Row[], headers = importHeaders): string {
  const quote = (value: unknown) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [headers.join(','), ...rows.map((row) => headers.map((header) => quote(row[header])).join(','))].join('\r\n');
}

export async function xlsxOf(rows: Row[], headers = importHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户档案');
  sheet.addRow(headers);
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
