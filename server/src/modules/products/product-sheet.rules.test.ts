import { describe, expect, it } from 'vitest';
import {
  formatProductRow,
  mapProductHeader,
  type ProductColumnKey,
  parsePriceCell,
  parseProductRow,
  productSheetHeaders,
} from './product-sheet.rules.ts';

const good: Partial<Record<ProductColumnKey, string>> = {
  code: '6901028075862',
  brand: '中华',
  name: '中华(硬)',
  wholesalePrice: '376.3',
  retailPrice: '450',
  priceClass: '',
  status: '',
  isNew: '',
};

describe(mapProductHeader.name, () => {
  it('finds the columns in any order, with a required mark or full-width brackets', () => {
    const header = mapProductHeader(['品牌*', '卷烟编码', '备注', '批发价（元/条）', '建议零售价(元/条)', '品名规格']);
    expect(header.indexOf).toEqual({ brand: 0, code: 1, wholesalePrice: 3, retailPrice: 4, name: 5 });
    expect(header.missing).toEqual([]);
  });

  it.each([
    [['卷烟编码', '品牌'], ['品名规格', '批发价(元/条)', '建议零售价(元/条)'], []],
    [[...productSheetHeaders, '品牌'], [], ['品牌']],
  ])('%j → missing %j, duplicated %j', (headers, missing, duplicated) => {
    const header = mapProductHeader(headers);
    expect(header.missing).toEqual(missing);
    expect(header.duplicated).toEqual(duplicated);
  });
});

describe(parsePriceCell.name, () => {
  it.each([
    ['376.3', 37_630],
    ['¥1,250.00', 125_000],
    ['376.3元', 37_630],
    ['450元/条', 45_000],
    ['12.345', undefined],
    ['abc', undefined],
    ['-5', undefined],
    ['', undefined],
  ])('%s → %s', (text, fen) => {
    expect(parsePriceCell(text)).toBe(fen);
  });
});

describe(parseProductRow.name, () => {
  it('reads a good row, empty optional cells left to the import', () => {
    expect(parseProductRow(good)).toEqual({
      row: {
        code: '6901028075862',
        brand: '中华',
        name: '中华(硬)',
        wholesalePriceFen: 37_630,
        retailPriceFen: 45_000,
        priceClass: undefined,
        status: undefined,
        isNew: undefined,
      },
    });
  });

  it.each([
    [{ priceClass: '二类' }, { priceClass: 2 }],
    [{ priceClass: '3' }, { priceClass: 3 }],
    [{ priceClass: '一类烟' }, { priceClass: 1 }],
    [{ status: '停销' }, { status: 'discontinued' }],
    [{ status: '在售' }, { status: 'active' }],
    [{ isNew: '是' }, { isNew: true }],
    [{ isNew: 'true' }, { isNew: true }],
    [{ isNew: '否' }, { isNew: false }],
    [{ code: ' zh01 ' }, { code: 'ZH01' }],
  ])('%j → %j', (cells, expected) => {
    const parsed = parseProductRow({ ...good, ...cells });
    expect('row' in parsed && parsed.row).toMatchObject(expected);
  });

  it.each([
    [{ code: '' }, '卷烟编码', 'IMPORT_CELL_REQUIRED'],
    [{ code: '6901028075863' }, '卷烟编码', 'PRODUCT_BARCODE_CHECK_DIGIT'],
    [{ brand: '' }, '品牌', 'IMPORT_CELL_REQUIRED'],
    [{ name: '长'.repeat(41) }, '品名规格', 'IMPORT_CELL_TOO_LONG'],
    [{ wholesalePrice: '三百' }, '批发价(元/条)', 'IMPORT_CELL_INVALID'],
    [{ retailPrice: '45' }, '建议零售价(元/条)', 'PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE'],
    [{ wholesalePrice: '37.63' }, '建议零售价(元/条)', 'PRODUCT_RETAIL_MARKUP_TOO_HIGH'],
    [{ priceClass: '六类' }, '价类', 'IMPORT_CELL_UNKNOWN'],
    [{ status: '下架' }, '状态', 'IMPORT_CELL_UNKNOWN'],
    [{ isNew: '也许' }, '新品', 'IMPORT_CELL_UNKNOWN'],
  ])('%j → a problem in %s: %s', (cells, column, code) => {
    const parsed = parseProductRow({ ...good, ...cells });
    expect('problems' in parsed && parsed.problems).toEqual([expect.objectContaining({ column, code })]);
  });
});

describe(formatProductRow.name, () => {
  it('writes what the import reads back to the same product', () => {
    const product = {
      id: 1,
      code: '6901028075862',
      brand: '中华',
      name: '中华(硬)',
      priceClass: 1,
      wholesalePriceFen: 37_630,
      retailPriceFen: 45_000,
      status: 'discontinued' as const,
      isNew: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const cells = formatProductRow(product);
    expect(cells).toEqual(['6901028075862', '中华', '中华(硬)', 376.3, 450, '一类', '停销', '是']);
    const keys = ['code', 'brand', 'name', 'wholesalePrice', 'retailPrice', 'priceClass', 'status', 'isNew'] as const;
    const parsed = parseProductRow(Object.fromEntries(keys.map((key, index) => [key, String(cells[index])])));
    expect(parsed).toEqual({
      row: {
        code: product.code,
        brand: '中华',
        name: '中华(硬)',
        wholesalePriceFen: 37_630,
        retailPriceFen: 45_000,
        priceClass: 1,
        status: 'discontinued',
        isNew: true,
      },
    });
  });
});
