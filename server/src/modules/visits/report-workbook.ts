import ExcelJS from 'exceljs';

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
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? `走访完成情况 ${report.month}` : `Visits ${report.month}`);
  sheet.addRow(headers[locale]).font = { bold: true };
  for (const row of report.rows) {
    sheet.addRow([
      report.groupBy === 'class' && locale === 'zh-CN' ? (classLabels[row.label] ?? row.label) : row.label,
      row.stores,
      row.planned,
      row.done,
      row.completionRate,
      row.storesVisited,
      row.coverageRate,
      row.visits,
      row.flagged,
    ]);
  }
  sheet.getColumn(5).numFmt = '0.0%';
  sheet.getColumn(7).numFmt = '0.0%';
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 22 : 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
