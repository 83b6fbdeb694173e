import { describe, expect, it } from 'vitest';
import { cellText } from '../../platform/spreadsheets/sheet-cell.rules.ts';
import {
  customerSheetColumns,
  formatCustomerRow,
  mapHeader,
  parseCustomerRow,
  parseOrderDay,
  parseSheetDate,
  parseSheetNumber,
  type SheetColumnKey,
  type SheetCustomer,
  splitTags,
} from './customer-sheet.rules.ts';

const reference = {
  districts: new Map([
    ['350602', '芗城区'],
    ['350604', '龙海区'],
  ]),
};

const goodCells: Partial<Record<SheetColumnKey, string>> = {
  licenceNo: '350604900001',
  name: '恒兴便利店',
  owner: '郑海生',
  phone: '13805961234',
  address: '龙海区石码镇解放路18号',
  district: '',
  urbanRural: '城镇',
  format: '便利店',
  managerUsername: 'manager01',
  orderDay: '周二',
  orderChannel: '网上',
  longitude: '117.82',
  latitude: '24.44',
  licenceValidUntil: '2028-06-30',
  tags: '社区店、学校周边',
  status: '',
};

describe('cell rules', () => {
  it.each([
    ['1', 1],
    ['7', 7],
    ['周一', 1],
    ['星期日', 7],
    ['周天', 7],
    ['礼拜三', 3],
    ['8', undefined],
    ['周八', undefined],
    ['Monday', undefined],
  ])('order day %s → %s', (text, day) => {
    expect(parseOrderDay(text)).toBe(day);
  });

  it.each([
    ['2028-06-30', '2028-06-30'],
    ['2028/6/3', '2028-06-03'],
    ['2028.06.30', '2028-06-30'],
    ['2028年6月30日', '2028-06-30'],
    ['2028-02-30', undefined],
    ['30/06/2028', undefined],
  ])('date %s → %s', (text, date) => {
    expect(parseSheetDate(text)).toBe(date);
  });

  it.each([
    ['117.6472', 117.6472],
    ['-24.5', -24.5],
    ['1,234.5', 1234.5],
    ['1e3', undefined],
    ['abc', undefined],
  ])('number %s → %s', (text, value) => {
    expect(parseSheetNumber(text)).toBe(value);
  });

  it.each([
    ['社区店、学校周边', ['社区店', '学校周边']],
    ['社区店,景区；农贸市场; 工业区，社区店', ['社区店', '景区', '农贸市场', '工业区']],
    ['', []],
  ])('tags %s → %j', (text, tags) => {
    expect(splitTags(text)).toEqual(tags);
  });
});

describe(mapHeader.name, () => {
  it('finds columns by header in any order, ignores read-only and unknown ones, and a trailing *', () => {
    const header = mapHeader(
      ['店名*', '专卖许可证号', '备注', '客户经理姓名', '商圈'],
      [{ key: 'area', label: '商圈', required: false }],
    );
    expect(header.indexOf).toEqual({ name: 0, licenceNo: 1 });
    expect(header.customIndexOf).toEqual({ area: 4 });
    expect(header.missing).toEqual([
      '负责人',
      '联系电话',
      '经营地址',
      '城乡',
      '业态',
      '客户经理账号',
      '订货日',
      '订货方式',
    ]);
  });

  it('reports repeated headers', () => {
    expect(mapHeader(['店名', '店名']).duplicated).toEqual(['店名']);
  });
});

describe(parseCustomerRow.name, () => {
  it('reads a good row into the values the API takes', () => {
    const parsed = parseCustomerRow(goodCells, reference);
    expect(parsed).toEqual({
      row: {
        licenceNo: '350604900001',
        districtCode: '350604',
        name: '恒兴便利店',
        owner: '郑海生',
        phone: '13805961234',
        address: '龙海区石码镇解放路18号',
        urbanRural: 'urban',
        format: 'convenience',
        managerUsername: 'manager01',
        orderDay: 2,
        orderChannel: 'online',
        latitude: 24.44,
        longitude: 117.82,
        licenceValidUntil: '2028-06-30',
        tags: ['社区店', '学校周边'],
        status: undefined,
      },
    });
  });

  it.each([
    ['an empty required cell', { owner: '' }, '负责人', 'IMPORT_CELL_REQUIRED'],
    ['a licence of 11 digits', { licenceNo: '35060490000' }, '专卖许可证号', 'LICENCE_NO_INVALID'],
    ['a licence of an unknown district', { licenceNo: '350203900001' }, '专卖许可证号', 'LICENCE_DISTRICT_UNKNOWN'],
    ['a district that is not the licence’s', { district: '芗城区' }, '区县', 'IMPORT_DISTRICT_MISMATCH'],
    ['an unknown format', { format: '报刊亭' }, '业态', 'IMPORT_CELL_UNKNOWN'],
    ['an unknown urban/rural', { urbanRural: '郊区' }, '城乡', 'IMPORT_CELL_UNKNOWN'],
    ['an unknown channel', { orderChannel: '传真' }, '订货方式', 'IMPORT_CELL_UNKNOWN'],
    ['an unknown status', { status: '关门' }, '状态', 'IMPORT_CELL_UNKNOWN'],
    ['a bad phone', { phone: '8888' }, '联系电话', 'IMPORT_CELL_INVALID'],
    ['a name of 61 characters', { name: '店'.repeat(61) }, '店名', 'IMPORT_CELL_TOO_LONG'],
    ['an owner of 31 characters', { owner: '人'.repeat(31) }, '负责人', 'IMPORT_CELL_TOO_LONG'],
    ['a tag of 21 characters', { tags: '标'.repeat(21) }, '标签', 'IMPORT_CELL_TOO_LONG'],
    [
      '21 tags',
      { tags: Array.from({ length: 21 }, (_, index) => `标签${index}`).join('、') },
      '标签',
      'IMPORT_CELL_TOO_MANY',
    ],
    ['a longitude of 200', { longitude: '200' }, '经度', 'IMPORT_CELL_OUT_OF_RANGE'],
    ['a latitude that is text', { latitude: '北纬24度' }, '纬度', 'IMPORT_CELL_INVALID'],
    ['an order day of 0', { orderDay: '0' }, '订货日', 'IMPORT_CELL_INVALID'],
    ['an impossible date', { licenceValidUntil: '2028-13-01' }, '许可证有效期至', 'IMPORT_CELL_INVALID'],
  ])('refuses %s, naming the column', (_case, overrides, column, code) => {
    const parsed = parseCustomerRow({ ...goodCells, ...overrides }, reference);
    expect('problems' in parsed && parsed.problems.map((problem) => [problem.column, problem.code])).toEqual([
      [column, code],
    ]);
  });

  it('accepts the district by name or by code, and labels without their suffix', () => {
    for (const district of ['龙海区', '350604']) {
      expect('row' in parseCustomerRow({ ...goodCells, district }, reference)).toBe(true);
    }
    const parsed = parseCustomerRow(
      { ...goodCells, format: '食杂', urbanRural: '乡村', orderChannel: '电话', orderDay: '7' },
      reference,
    );
    expect(
      'row' in parsed && [parsed.row.format, parsed.row.urbanRural, parsed.row.orderChannel, parsed.row.orderDay],
    ).toEqual(['grocery', 'rural', 'phone', 7]);
  });

  it('reports every bad cell of a row, not only the first', () => {
    const parsed = parseCustomerRow({ ...goodCells, name: '', phone: 'x', format: '?' }, reference);
    expect('problems' in parsed && parsed.problems.map((problem) => problem.column).sort()).toEqual(
      ['店名', '联系电话', '业态'].sort(),
    );
  });
});

describe(formatCustomerRow.name, () => {
  const customer: SheetCustomer = {
    licenceNo: '350604900001',
    name: '恒兴便利店',
    owner: '郑海生',
    phone: '13805961234',
    address: '龙海区石码镇解放路18号',
    districtName: '龙海区',
    urbanRural: 'rural',
    format: 'tobacco_liquor',
    managerUsername: 'manager01',
    managerName: '林海',
    branchName: '龙海分公司',
    orderDay: 7,
    orderChannel: 'visit',
    latitude: 24.441234567,
    longitude: null,
    licenceValidUntil: null,
    tags: ['社区店', '景区'],
    status: 'suspended',
    customFields: {},
  };

  it('writes every column in order, with Chinese labels', () => {
    const row = formatCustomerRow(customer);
    expect(row).toHaveLength(customerSheetColumns.length);
    expect(Object.fromEntries(customerSheetColumns.map((column, index) => [column.header, row[index]]))).toMatchObject({
      区县: '龙海区',
      城乡: '乡村',
      业态: '烟酒商店',
      订货日: '周日',
      订货方式: '上门',
      经度: '',
      纬度: 24.441234567,
      标签: '社区店、景区',
      状态: '暂停',
      客户经理姓名: '林海',
    });
  });

  it('is read back by parseCustomerRow to the same values', () => {
    const row = formatCustomerRow(customer);
    const cells = Object.fromEntries(customerSheetColumns.map((column, index) => [column.key, cellText(row[index])]));
    const parsed = parseCustomerRow(cells, reference);
    expect(parsed).toMatchObject({
      row: {
        licenceNo: customer.licenceNo,
        urbanRural: 'rural',
        format: 'tobacco_liquor',
        orderDay: 7,
        orderChannel: 'visit',
        latitude: customer.latitude,
        longitude: null,
        licenceValidUntil: null,
        tags: customer.tags,
        status: 'suspended',
      },
    });
  });
});
