import { type ReportSheet, writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';
import type { analyseTickets } from './ticket-analysis.service.ts';

// The analysis as an .xlsx workbook, one sheet per view (导出投诉分析).

export async function analysisWorkbook(analysis: Awaited<ReturnType<typeof analyseTickets>>): Promise<Buffer> {
  const sheets: ReportSheet[] = [];
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    sheets.push({ name, headers, rows, width: 16 });
  };
  sheet(
    '概况',
    [
      '起',
      '止',
      '工单数',
      '投诉数',
      '在营客户(户)',
      '每千户投诉',
      '办结时长中位数(小时)',
      '办结时长P90(小时)',
      '评价数',
      '平均评分',
      '满意率',
    ],
    [
      [
        analysis.from,
        analysis.to,
        analysis.total,
        analysis.complaints,
        analysis.stores,
        analysis.per1000Stores,
        analysis.handlingHours.median,
        analysis.handlingHours.p90,
        analysis.satisfaction.rated,
        analysis.satisfaction.average,
        analysis.satisfaction.satisfiedShare,
      ],
    ],
  );
  sheet(
    '按类型',
    ['类型', '数量'],
    analysis.byType.map((row) => [row.label, row.count]),
  );
  sheet(
    '按分类',
    ['分类', '数量'],
    analysis.byCategory.map((row) => [row.label, row.count]),
  );
  sheet(
    '按分公司',
    ['分公司', '投诉数', '在营客户(户)', '每千户投诉'],
    analysis.byBranch.map((row) => [row.label, row.count, row.stores, row.per1000Stores]),
  );
  sheet(
    '按周',
    ['周', '数量'],
    analysis.byWeek.map((row) => [row.week, row.count]),
  );
  sheet(
    '热点',
    ['区县', '分类', '投诉数'],
    analysis.hotSpots.map((row) => [row.district, row.category, row.count]),
  );
  sheet(
    '时限达成',
    ['处理人', '部门', '工单', '首次响应达标', '首次响应已判定', '办结达标', '办结已判定'],
    analysis.slaByHandler.map((row) => [
      row.handler,
      row.team,
      row.tickets,
      row.firstResponseMet,
      row.firstResponseDecided,
      row.resolutionMet,
      row.resolutionDecided,
    ]),
  );
  return writeReportWorkbook(sheets);
}
