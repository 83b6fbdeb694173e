import { DomainError, type ErrorDetails } from '../../platform/errors/domain-error.ts';
import type { ErrorCode } from '../../platform/errors/error-catalogue.ts';
import {
  mapSheetHeader,
  type SheetColumn,
  type SheetHeader,
  withoutRequiredMark,
} from '../../platform/spreadsheets/sheet-columns.rules.ts';
import type { RowProblem } from '../../platform/spreadsheets/sheet-import.ts';
import {
  checkProductCode,
  checkProductPrices,
  fenToYuan,
  type PriceClass,
  priceClassLabels,
  productTextLimits,
  yuanToFen,
} from './product.rules.ts';
import type { ProductView } from './products.repository.ts';
import type { ProductStatus } from './products.schema.ts';

// 卷烟规格导入/导出: the spreadsheet columns of the template, the import and the export, in one table.
// The import finds columns by header (any order) and ignores headers it does not know. The export
// writes every column, so an exported file imports back with nothing to change.

export type ProductColumnKey =
  | 'code'
  | 'brand'
  | 'name'
  | 'wholesalePrice'
  | 'retailPrice'
  | 'priceClass'
  | 'status'
  | 'isNew';

export type ProductColumn = SheetColumn<ProductColumnKey>;

export const productStatusLabels: Record<ProductStatus, string> = { active: '在销', discontinued: '停销' };

const priceClassList = Object.values(priceClassLabels).join('、');

export const productSheetColumns: readonly ProductColumn[] = [
  {
    key: 'code',
    header: '卷烟编码',
    required: true,
    hint: '条码（13 位，如 6901028075862，校验位须正确）或卷烟代码（4–20 位数字或字母）；已存在则更新该规格',
  },
  { key: 'brand', header: '品牌', required: true, hint: `如 中华、芙蓉王；最多 ${productTextLimits.brand} 个字` },
  {
    key: 'name',
    header: '品名规格',
    required: true,
    hint: `如 中华(硬)、七匹狼(纯境)；最多 ${productTextLimits.name} 个字`,
  },
  { key: 'wholesalePrice', header: '批发价(元/条)', required: true, hint: '每条的批发价，最多两位小数，如 376.30' },
  {
    key: 'retailPrice',
    header: '建议零售价(元/条)',
    required: true,
    hint: '每条的建议零售价，须高于批发价且不超过批发价的 1.5 倍，如 450',
  },
  {
    key: 'priceClass',
    header: '价类',
    required: false,
    hint: `${priceClassList}（或 1–5）；可不填：新建按批发价自动归类，更新时保持不变（原为自动归类的随新价格调整）`,
  },
  { key: 'status', header: '状态', required: false, hint: '在销 或 停销；可不填：新建为在销，更新时保持不变' },
  { key: 'isNew', header: '新品', required: false, hint: '是 或 否；可不填：新建为否，更新时保持不变' },
];

export const productSheetHeaders = productSheetColumns.map((column) => column.header);
const headerOf = (key: ProductColumnKey) => productSheetColumns.find((column) => column.key === key)?.header ?? key;

// ---- Header ----

export type ProductHeaderMap = SheetHeader<ProductColumnKey>;

// Headers match with or without a trailing * (required mark), and with full-width brackets
// (批发价（元/条）) as Chinese keyboards type them.
export function normaliseProductHeader(raw: string): string {
  return withoutRequiredMark(raw).replaceAll('（', '(').replaceAll('）', ')').replace(/\s+/g, '');
}

export function mapProductHeader(headers: readonly string[]): ProductHeaderMap {
  return mapSheetHeader(productSheetColumns, headers, normaliseProductHeader);
}

// ---- Rows ----

export type ProductRowProblem = RowProblem;

export type ParsedProductRow = {
  code: string;
  brand: string;
  name: string;
  wholesalePriceFen: number;
  retailPriceFen: number;
  // Undefined when the cell is empty: the default (new) or as it was (existing).
  priceClass: PriceClass | undefined;
  status: ProductStatus | undefined;
  isNew: boolean | undefined;
};

const priceClassByText = new Map<string, PriceClass>(
  (Object.entries(priceClassLabels) as [string, string][]).flatMap(([value, label]) => [
    [label, Number(value) as PriceClass],
    [value, Number(value) as PriceClass],
    [label.replace('类', ''), Number(value) as PriceClass],
    [`${label}烟`, Number(value) as PriceClass],
  ]),
);
const statusByText = new Map<string, ProductStatus>([
  ['在销', 'active'],
  ['在售', 'active'],
  ['正常', 'active'],
  ['active', 'active'],
  ['停销', 'discontinued'],
  ['停售', 'discontinued'],
  ['停产', 'discontinued'],
  ['discontinued', 'discontinued'],
]);
const yesNoByText = new Map<string, boolean>([
  ['是', true],
  ['Y', true],
  ['TRUE', true],
  ['1', true],
  ['新品', true],
  ['否', false],
  ['N', false],
  ['FALSE', false],
  ['0', false],
]);

// A price cell: a number, or text like "¥376.30", "1,250" or "376.3元".
export function parsePriceCell(text: string): number | undefined {
  const plain = text.replace(/[¥￥,，\s]/g, '').replace(/元(\/条)?$/, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return undefined;
  return yuanToFen(Number(plain));
}

// One data row, each cell by its column's rule, then the code and price rules. Problems name the
// column (its header) and the cell's text; the row is returned only when it has none.
export function parseProductRow(
  cells: Partial<Record<ProductColumnKey, string>>,
): { row: ParsedProductRow } | { problems: ProductRowProblem[] } {
  const problems: ProductRowProblem[] = [];
  const text = (key: ProductColumnKey) => cells[key] ?? '';
  const problem = (key: ProductColumnKey, code: ErrorCode, details: ErrorDetails = {}) =>
    problems.push({ column: headerOf(key), value: text(key), code, details });

  for (const column of productSheetColumns) {
    if (column.required && text(column.key) === '')
      problem(column.key, 'IMPORT_CELL_REQUIRED', { column: column.header });
  }
  let code = '';
  if (text('code') !== '') {
    try {
      code = checkProductCode(text('code'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem('code', error.code, error.details);
    }
  }
  for (const key of ['brand', 'name'] as const) {
    if (text(key).length > productTextLimits[key]) {
      problem(key, 'IMPORT_CELL_TOO_LONG', { column: headerOf(key), max: productTextLimits[key] });
    }
  }
  const price = (key: 'wholesalePrice' | 'retailPrice') => {
    if (text(key) === '') return undefined;
    const fen = parsePriceCell(text(key));
    if (fen === undefined || fen <= 0) {
      problem(key, 'IMPORT_CELL_INVALID', { column: headerOf(key), expected: '376.30' });
      return undefined;
    }
    return fen;
  };
  const wholesalePriceFen = price('wholesalePrice');
  const retailPriceFen = price('retailPrice');
  if (wholesalePriceFen !== undefined && retailPriceFen !== undefined) {
    try {
      checkProductPrices({ wholesalePriceFen, retailPriceFen });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem(error.field === 'wholesalePrice' ? 'wholesalePrice' : 'retailPrice', error.code, error.details);
    }
  }
  const lookup = <Value>(key: ProductColumnKey, values: Map<string, Value>, allowed: string): Value | undefined => {
    const value = text(key);
    if (value === '') return undefined;
    const found = values.get(value.toUpperCase()) ?? values.get(value);
    if (found === undefined) problem(key, 'IMPORT_CELL_UNKNOWN', { column: headerOf(key), allowed });
    return found;
  };
  const priceClass = lookup('priceClass', priceClassByText, `${priceClassList} 或 1–5`);
  const status = lookup('status', statusByText, '在销、停销');
  const isNew = lookup('isNew', yesNoByText, '是、否');
  if (problems.length > 0 || wholesalePriceFen === undefined || retailPriceFen === undefined) return { problems };
  return {
    row: {
      code,
      brand: text('brand'),
      name: text('name'),
      wholesalePriceFen,
      retailPriceFen,
      priceClass,
      status,
      isNew,
    },
  };
}

// One product as a spreadsheet row, in the columns' order.
export function formatProductRow(product: ProductView): (string | number)[] {
  const values: Record<ProductColumnKey, string | number> = {
    code: product.code,
    brand: product.brand,
    name: product.name,
    wholesalePrice: fenToYuan(product.wholesalePriceFen),
    retailPrice: fenToYuan(product.retailPriceFen),
    priceClass: priceClassLabels[product.priceClass as PriceClass] ?? String(product.priceClass),
    status: productStatusLabels[product.status],
    isNew: product.isNew ? '是' : '否',
  };
  return productSheetColumns.map((column) => values[column.key]);
}
