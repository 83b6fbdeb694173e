import { csvOf as csvWith, type Row, xlsxOf as xlsxWith } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { customerSheetColumns } from './customer-sheet.rules.ts';

// Spreadsheets for the import's tests, the CLI's and the benchmark: rows by Chinese header.

export { multipart, type Row } from '../../platform/spreadsheets/sheet-fixtures.ts';

export const importHeaders = customerSheetColumns.filter((column) => !column.readOnly).map((column) => column.header);

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

export function csvOf(rows: Row[], headers: readonly string[] = importHeaders): string {
  return csvWith(rows, headers);
}

export function xlsxOf(rows: Row[], headers: readonly string[] = importHeaders): Promise<Buffer> {
  return xlsxWith(rows, headers);
}
