import { writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';
import type { KpiRow } from './brand.contract.ts';
import type { KpiDefinition } from './brand-kpis.rules.ts';

// 品牌培育指标 as a workbook: the same rows as GET /brand-programmes/:id/kpis, column for column,
// and a sheet of the definitions they were computed by.

// The row's fields in the order of the columns, with their Chinese headers.
export const kpiColumns: ReadonlyArray<readonly [keyof KpiRow, string]> = [
  ['key', '分组键'],
  ['label', '分组'],
  ['targetStores', '目标客户数'],
  ['stockedStores', '上柜客户数（订货）'],
  ['shelvingRate', '上柜率（订货）'],
  ['stockedStoresObserved', '上柜客户数（在架）'],
  ['shelvingRateObserved', '上柜率（在架）'],
  ['reorderedStores', '再次订购客户数'],
  ['sellThroughRate', '动销率'],
  ['repeatBase', '最近一周订购客户数'],
  ['repeatStores', '连续两周订购客户数'],
  ['repeatRate', '重购率'],
  ['orderedCartons', '限量行订购条数'],
  ['allocatedCartons', '投放条数'],
  ['quotaFill', '订足率'],
  ['fullLines', '订足行数'],
  ['orderedLines', '限量订货行数'],
  ['fullLineRate', '订足面'],
  ['stockCartons', '库存条数'],
  ['weeklySalesCartons', '周均销量条数'],
  ['stockToSalesRatio', '存销比'],
  ['overStockStores', '积压客户数'],
  ['outOfStockStores', '断货客户数'],
];

const percentColumns = new Set<keyof KpiRow>([
  'shelvingRate',
  'shelvingRateObserved',
  'sellThroughRate',
  'repeatRate',
  'quotaFill',
  'fullLineRate',
]);

export async function kpisWorkbook(
  programmeName: string,
  groupBy: string,
  rows: readonly KpiRow[],
  definitions: readonly KpiDefinition[],
): Promise<Buffer> {
  const columnFormats: Record<number, string> = {};
  kpiColumns.forEach(([field], index) => {
    if (percentColumns.has(field)) columnFormats[index + 1] = '0.0%';
    if (field === 'stockToSalesRatio') columnFormats[index + 1] = '0.00';
  });
  return writeReportWorkbook([
    {
      name: '培育指标',
      preamble: [[`培育项目：${programmeName}`], [`分组：${groupBy}`]],
      headers: kpiColumns.map(([, header]) => header),
      rows: rows.map((row) => kpiColumns.map(([field]) => row[field])),
      columnFormats,
      width: 14,
      widths: { 1: 22 },
      freezeHeader: true,
    },
    {
      name: '指标口径',
      headers: ['指标', '版本', '名称', '口径', 'Formula'],
      rows: definitions.map((definition) => [
        definition.kpi,
        definition.version,
        definition.name.zh,
        definition.formula.zh,
        definition.formula.en,
      ]),
      width: 16,
      widths: { 3: 80, 4: 80 },
      freezeHeader: true,
    },
  ]);
}
