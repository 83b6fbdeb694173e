import { writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';

// 需求汇总 as a workbook: one row per product of the cycle.

type Demand = {
  cycleCode: string;
  items: ReadonlyArray<{
    code: string;
    name: string;
    brand: string;
    supply: number | null;
    quotaTotal: number | null;
    ordered: number;
    storesOrdered: number;
    storesAtCap: number;
    amount: number;
  }>;
};

const headers = {
  'zh-CN': [
    '商品编码',
    '品牌',
    '品名规格',
    '货源量（条）',
    '可订总量（条）',
    '订购量（条）',
    '订购客户数',
    '订满客户数',
    '订购金额（元）',
  ],
  en: [
    'Code',
    'Brand',
    'Product',
    'Supply (cartons)',
    'Quota total',
    'Ordered',
    'Stores ordering',
    'Stores at cap',
    'Amount (yuan)',
  ],
};

export async function demandWorkbook(demand: Demand, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const unlimited = locale === 'zh-CN' ? '不限' : 'unlimited';
  return writeReportWorkbook([
    {
      name: locale === 'zh-CN' ? `需求汇总 ${demand.cycleCode}` : `Demand ${demand.cycleCode}`,
      headers: headers[locale],
      rows: demand.items.map((item) => [
        item.code,
        item.brand,
        item.name,
        item.supply ?? unlimited,
        item.quotaTotal ?? unlimited,
        item.ordered,
        item.storesOrdered,
        item.storesAtCap,
        item.amount,
      ]),
      columnFormats: { 9: '#,##0.00' },
      width: 14,
      widths: { 2: 24 },
      freezeHeader: true,
    },
  ]);
}
