import { writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';

// 走访计划完成情况 as a workbook: one row per manager, branch or class.

type Report = {
  month: string;
  groupBy: string;
  rows: ReadonlyArray<{
    label: string;
    stores: number;
    planned: number;
    done: number;
    completionRate: number | null;
    storesVisited: number;
    coverageRate: number | null;
    visits: number;
    flagged: number;
  }>;
};

const classLabels: Record<string, string> = {
  demonstration: '示范客户',
  growth: '成长客户',
  ordinary: '普通客户（含未分类）',
  special: '特殊客户',
};

const headers = {
  'zh-CN': ['分组', '客户数', '计划走访', '已完成', '完成率', '已走访客户', '覆盖率', '走访次数', '异常走访'],
  en: ['Group', 'Stores', 'Planned', 'Done', 'Completion', 'Stores visited', 'Coverage', 'Visits', 'Flagged'],
};

export async function reportWorkbook(report: Report, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  return writeReportWorkbook([
    {
      name: locale === 'zh-CN' ? `走访完成情况 ${report.month}` : `Visits ${report.month}`,
      headers: headers[locale],
      rows: report.rows.map((row) => [
        report.groupBy === 'class' && locale === 'zh-CN' ? (classLabels[row.label] ?? row.label) : row.label,
        row.stores,
        row.planned,
        row.done,
        row.completionRate,
        row.storesVisited,
        row.coverageRate,
        row.visits,
        row.flagged,
      ]),
      columnFormats: { 5: '0.0%', 7: '0.0%' },
      width: 12,
      widths: { 0: 22 },
      freezeHeader: true,
    },
  ]);
}
