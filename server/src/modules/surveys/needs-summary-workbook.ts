import ExcelJS from 'exceljs';
import type { NeedsSummary } from './analytics.contract.ts';

// 服务需求识别汇总表 as a workbook: the same figures as GET /surveys/waves/:id/needs-summary — per need
// item its department, chosen, share and mean urgency overall, then each cell's share with n in the
// header; small cells (n < 30) in grey italics, highlighted cells filled yellow. A second sheet lists
// the highlighted differences with their p-values.

const areaLabels: Record<string, string> = {
  brand: '品牌信息',
  business: '经营指导',
  image: '店面形象',
  information: '信息服务',
  convenience: '便利服务',
  supply: '货源供应',
};
const segmentationLabels: Record<string, string> = { format: '业态', class: '客户分类', group: '群体', region: '区域' };
const highlightFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };

export async function needsSummaryWorkbook(summary: NeedsSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('需求汇总');
  const by = summary.cols
    ? `${segmentationLabels[summary.rows]} × ${segmentationLabels[summary.cols]}`
    : segmentationLabels[summary.rows];
  sheet.addRow([`调查批次：${summary.title}`]);
  sheet.addRow([`分组：${by}`, `答卷数：${summary.n}`]);
  sheet.addRow([summary.rule]);
  const fixed = ['需求项代码', '需求项', '需求领域', '责任部门', '选择数', '选择率', '平均紧迫度排名'];
  const header = sheet.addRow([
    ...fixed,
    ...summary.cellSegments.map((segment) => `${segment.label}（n=${segment.n}）`),
  ]);
  header.font = { bold: true };
  const headerRow = header.number;
  for (const item of summary.items) {
    const row = sheet.addRow([
      item.code,
      item.label,
      item.area ? (areaLabels[item.area] ?? item.area) : '',
      item.department ?? '',
      item.chosen,
      item.share,
      item.meanRank,
      ...item.cells.map((cell) => cell.share),
    ]);
    item.cells.forEach((cell, index) => {
      const target = row.getCell(fixed.length + 1 + index);
      if (cell.small) target.font = { italic: true, color: { argb: 'FF999999' } };
      if (cell.highlight) target.fill = highlightFill;
    });
  }
  sheet.getColumn(6).numFmt = '0.0%';
  sheet.getColumn(7).numFmt = '0.00';
  for (let index = 0; index < summary.cellSegments.length; index += 1) {
    sheet.getColumn(fixed.length + 1 + index).numFmt = '0.0%';
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 24 : index < fixed.length ? 12 : 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 2 }];

  const differences = workbook.addWorksheet('显著差异');
  differences.addRow(['需求项', '分组', '分组答卷数', '分组选择率', '总体选择率', '差异（百分点）', 'p 值']).font = {
    bold: true,
  };
  for (const item of summary.items) {
    for (const cell of item.cells) {
      if (!cell.highlight) continue;
      const segment = summary.cellSegments.find((each) => each.key === cell.segment);
      differences.addRow([
        item.label,
        segment?.label ?? cell.segment,
        cell.n,
        cell.share,
        item.share,
        cell.difference,
        cell.p,
      ]);
    }
  }
  differences.getColumn(4).numFmt = '0.0%';
  differences.getColumn(5).numFmt = '0.0%';
  differences.columns.forEach((column, index) => {
    column.width = index === 0 || index === 1 ? 24 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
