import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { headingFont, paragraph, textWidthPx, writeWordDocument } from '../../platform/documents/word-document.ts';
import type { ChartImage } from './annual-report.charts.ts';

// 《客户服务需求年度报告》 as a Word document (the `docx` library): cover, method, the 服务需求识别
// 汇总表, segment comparisons, the gap analysis, satisfaction and NPS with their trend, the year's
// complaint themes and recommendations drawn from those figures. Pure: figures (and chart images)
// in, bytes out. The figures are the analytics' own (the same functions as the API), so the
// tables carry what the console shows.

export type ReportWave = {
  id: string;
  title: string;
  kind: string;
  status: string;
  opensOn: string;
  closesOn: string;
  // e.g. "分层随机抽样 ±3% · 95% 置信度" or "全体：便利店"
  design: string;
  population: number | null;
  sent: number;
  responses: number;
  responseRate: number | null;
};

export type ReportNeedItem = {
  code: string;
  label: string;
  department: string | null;
  chosen: number;
  share: number | null;
  meanRank: number | null;
  serviceItem: string | null;
};

export type ReportHighlight = {
  segmentation: string;
  segment: string;
  item: string;
  n: number;
  share: number | null;
  overallShare: number | null;
  difference: number | null;
  p: number | null;
};

export type ReportGapRow = {
  label: string;
  dimension: string | null;
  expectation: number | null;
  perception: number | null;
  gap: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
};

export type ReportSatisfactionWave = {
  title: string;
  closesOn: string;
  responses: number;
  satisfactionIndex: number | null;
  nps: number | null;
  overallMean: number | null;
};

export type AnnualReportFigures = {
  tenantName: string;
  year: number;
  generatedOn: string; // YYYY-MM-DD, Beijing
  waves: ReportWave[];
  needs: { waveTitle: string; n: number; items: ReportNeedItem[] } | null;
  highlights: ReportHighlight[];
  segmentationsCompared: string[];
  gaps: { waveTitle: string; dimensions: ReportGapRow[]; weakest: ReportGapRow[]; method: string } | null;
  satisfaction: { waves: ReportSatisfactionWave[]; target: number; indexFormula: string };
  complaints: {
    from: string;
    to: string;
    total: number;
    byType: Array<{ label: string; count: number }>;
    themes: Array<{ label: string; group: string | null; count: number }>;
  };
  recommendations: {
    gaps: Array<{ label: string; dimension: string; gap: number | null; action: string }>;
    needs: Array<{ label: string; share: number | null; department: string | null; serviceItem: string | null }>;
  };
};

export type AnnualReportCharts = {
  needs?: ChartImage;
  dimensions?: ChartImage;
  trend?: ChartImage;
  complaints?: ChartImage;
};

// The document's section headings (the test reads them back).
export const reportHeadings = {
  method: '一、调查方法',
  needs: '二、服务需求识别汇总表',
  segments: '三、分群比较',
  gaps: '四、服务质量差距分析',
  satisfaction: '五、满意度指数与 NPS',
  complaints: '六、全年投诉建议主题',
  recommendations: '七、改进建议',
} as const;

export const reportTitle = '客户服务需求年度报告';

// zh-CN figures: thousands grouped, fixed decimals, percentages of fractions.
const integerFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}
export function formatDecimal(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${formatDecimal(value * 100, 1)}%`;
}
export function formatInterval(low: number | null, high: number | null): string {
  return low === null || high === null ? '—' : `[${formatDecimal(low, 2)}, ${formatDecimal(high, 2)}]`;
}
export function formatP(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '< 0.001' : formatDecimal(p, 3);
}
function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const headerFill = 'D9E2F3';
const highlightFill = 'FFF2CC';
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '8EA9DB' };

const heading1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(text)] });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const note = (text: string) =>
  new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text, size: 18, color: '595959' })] });

// Figures (counts, shares, means, intervals, dates) align right; words align left.
const isFigure = (text: string) => /^[-+<[\]\d,.%\s—]+$/.test(text);

type Cell = string | { text: string; fill?: string; bold?: boolean };

function table(header: readonly string[], rows: readonly (readonly Cell[])[], widths?: readonly number[]): Table {
  const cellOf = (cell: Cell, index: number, isHeader: boolean) => {
    const content = typeof cell === 'string' ? { text: cell } : cell;
    return new TableCell({
      width: widths ? { size: widths[index], type: WidthType.PERCENTAGE } : undefined,
      shading: isHeader
        ? { type: ShadingType.CLEAR, color: 'auto', fill: headerFill }
        : content.fill
          ? { type: ShadingType.CLEAR, color: 'auto', fill: content.fill }
          : undefined,
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: index > 0 && !isHeader && isFigure(content.text) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: content.text, bold: isHeader || content.bold, size: 19 })],
        }),
      ],
    });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, index) => cellOf(text, index, true)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((cell, index) => cellOf(cell, index, false)) }),
      ),
    ],
  });
}

function chart(image: ChartImage | undefined): Paragraph[] {
  if (!image) return [];
  const width = Math.min(textWidthPx, image.width);
  const height = Math.round((image.height * width) / image.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 200, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: 'png', data: image.png, transformation: { width, height } })],
    }),
  ];
}

function coverOf(figures: AnnualReportFigures): Paragraph[] {
  const spacer = (lines: number) => Array.from({ length: lines }, () => new Paragraph({ children: [new TextRun('')] }));
  return [
    ...spacer(6),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: figures.tenantName, size: 36, font: headingFont })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${figures.year} 年度`, size: 44, bold: true, font: headingFont })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [new TextRun({ text: `《${reportTitle}》`, size: 56, bold: true, font: headingFont })],
    }),
    ...spacer(8),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `编制日期：${formatDate(figures.generatedOn)}`, size: 24 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: '由客我（Kewo）根据调查数据自动生成', size: 20, color: '595959' })],
    }),
  ];
}

function methodOf(figures: AnnualReportFigures): Array<Paragraph | Table> {
  const responses = figures.waves.reduce((sum, wave) => sum + wave.responses, 0);
  const sent = figures.waves.reduce((sum, wave) => sum + wave.sent, 0);
  const kinds: Record<string, string> = { needs: '需求调查', satisfaction: '满意度调查', other: '其他' };
  return [
    heading1(reportHeadings.method),
    paragraph(
      `${figures.year} 年共开展 ${formatInteger(figures.waves.length)} 批调查，发放 ${formatInteger(sent)} 户，回收 ${formatInteger(responses)} 份，总回收率 ${formatShare(sent > 0 ? responses / sent : null)}。问卷由零售客户在客户端自助填写，或由客户经理走访时代为录入；抽样调查按“营销部 × 客户档位 × 城乡”分层，按比例分配样本，样本量由允许误差与置信度计算并作有限总体校正（n₀ = z²p(1−p)/e²，p = 0.5；n = n₀ / (1 + (n₀ − 1)/N)）。`,
    ),
    table(
      ['调查批次', '类型', '调查时间', '对象与抽样', '总体', '发放', '回收', '回收率'],
      figures.waves.map((wave) => [
        wave.title,
        kinds[wave.kind] ?? wave.kind,
        `${wave.opensOn} 至 ${wave.closesOn}`,
        wave.design,
        wave.population === null ? '—' : formatInteger(wave.population),
        formatInteger(wave.sent),
        formatInteger(wave.responses),
        formatShare(wave.responseRate),
      ]),
      [17, 9, 14, 22, 10, 9, 9, 10],
    ),
  ];
}

function needsOf(figures: AnnualReportFigures, charts: AnnualReportCharts): Array<Paragraph | Table> {
  const needs = figures.needs;
  if (!needs) return [heading1(reportHeadings.needs), paragraph('本年度没有需求调查批次。')];
  return [
    heading1(reportHeadings.needs),
    paragraph(
      `依据“${needs.waveTitle}”的 ${formatInteger(needs.n)} 份有效答卷汇总：选择人数为勾选该项的客户数，选择率 = 选择人数 ÷ 答卷数；平均紧迫度为选择者对该项“最紧迫”排序的平均名次（1 = 最紧迫）。`,
    ),
    table(
      ['需求项', '选择人数', '选择率', '平均紧迫度', '责任部门'],
      needs.items.map((item) => [
        item.label,
        formatInteger(item.chosen),
        formatShare(item.share),
        formatDecimal(item.meanRank, 2),
        item.department ?? '—',
      ]),
      [36, 14, 14, 16, 20],
    ),
    ...chart(charts.needs),
  ];
}

function segmentsOf(figures: AnnualReportFigures): Array<Paragraph | Table> {
  const intro = paragraph(
    `按${figures.segmentationsCompared.join('、')}比较各需求项的选择率。下表列出差异显著的组合：分群选择率比总体高 10 个百分点以上，且两比例 z 检验 p < 0.05；不足 30 份答卷的分群不作比较。`,
  );
  if (!figures.needs) return [heading1(reportHeadings.segments), paragraph('本年度没有需求调查批次。')];
  if (figures.highlights.length === 0)
    return [heading1(reportHeadings.segments), intro, paragraph('各分群之间没有达到上述标准的差异。')];
  return [
    heading1(reportHeadings.segments),
    intro,
    table(
      ['分群方式', '分群', '需求项', '答卷数', '分群选择率', '总体选择率', '差异（百分点）', 'p 值'],
      figures.highlights.map((row) => [
        row.segmentation,
        row.segment,
        row.item,
        formatInteger(row.n),
        { text: formatShare(row.share), fill: highlightFill },
        formatShare(row.overallShare),
        formatDecimal(row.difference, 1),
        formatP(row.p),
      ]),
      [11, 16, 21, 9, 11, 11, 12, 9],
    ),
  ];
}

function gapsOf(figures: AnnualReportFigures, charts: AnnualReportCharts): Array<Paragraph | Table> {
  const gaps = figures.gaps;
  if (!gaps) return [heading1(reportHeadings.gaps), paragraph('本年度没有满意度（SERVQUAL）调查批次。')];
  const row = (gap: ReportGapRow, label: string): Cell[] => [
    label,
    formatDecimal(gap.expectation, 2),
    formatDecimal(gap.perception, 2),
    { text: formatDecimal(gap.gap, 2), fill: gap.gap !== null && gap.gap < 0 ? highlightFill : undefined },
    formatInterval(gap.ciLow, gap.ciHigh),
    formatInteger(gap.n),
  ];
  return [
    heading1(reportHeadings.gaps),
    paragraph(
      `依据“${gaps.waveTitle}”，按 SERVQUAL 五个维度比较客户的期望与感知：差距 = 感知均值 − 期望均值，负值表示服务未达期望。${gaps.method}`,
    ),
    heading2('（一）各维度差距'),
    table(
      ['维度', '期望', '感知', '差距', '95% 置信区间', '样本数'],
      gaps.dimensions.map((dimension) => row(dimension, dimension.label)),
      [22, 13, 13, 13, 25, 14],
    ),
    ...chart(charts.dimensions),
    heading2('（二）差距最大的题项'),
    table(
      ['题项', '期望', '感知', '差距', '95% 置信区间', '样本数'],
      gaps.weakest.map((item) => row(item, `${item.label}（${item.dimension ?? '—'}）`)),
      [34, 11, 11, 11, 22, 11],
    ),
  ];
}

function satisfactionOf(figures: AnnualReportFigures, charts: AnnualReportCharts): Array<Paragraph | Table> {
  const { waves, target, indexFormula } = figures.satisfaction;
  if (waves.length === 0) return [heading1(reportHeadings.satisfaction), paragraph('本年度没有满意度调查批次。')];
  const latest = waves[waves.length - 1];
  const first = waves[0];
  const change =
    waves.length > 1 && latest.satisfactionIndex !== null && first.satisfactionIndex !== null
      ? `，较“${first.title}”${latest.satisfactionIndex >= first.satisfactionIndex ? '上升' : '下降'} ${formatDecimal(Math.abs(latest.satisfactionIndex - first.satisfactionIndex), 1)} 分`
      : '';
  const against =
    latest.satisfactionIndex === null
      ? ''
      : latest.satisfactionIndex >= target
        ? `，达到 ${target} 分的目标`
        : `，距 ${target} 分的目标尚差 ${formatDecimal(target - latest.satisfactionIndex, 1)} 分`;
  return [
    heading1(reportHeadings.satisfaction),
    paragraph(
      `最近一批“${latest.title}”的满意度指数为 ${formatDecimal(latest.satisfactionIndex, 1)}${change}${against}；NPS 为 ${formatDecimal(latest.nps, 1)}。`,
    ),
    note(`计算方法：${indexFormula} NPS = 推荐者（9–10 分）占比 − 贬损者（0–6 分）占比。`),
    table(
      ['调查批次', '截止日期', '回收', '满意度指数', 'NPS', '总体满意度均值'],
      waves.map((wave) => [
        wave.title,
        wave.closesOn,
        formatInteger(wave.responses),
        {
          text: formatDecimal(wave.satisfactionIndex, 1),
          fill: wave.satisfactionIndex !== null && wave.satisfactionIndex < target ? highlightFill : undefined,
        },
        formatDecimal(wave.nps, 1),
        formatDecimal(wave.overallMean, 2),
      ]),
      [30, 14, 12, 15, 12, 17],
    ),
    ...chart(charts.trend),
  ];
}

function complaintsOf(figures: AnnualReportFigures, charts: AnnualReportCharts): Array<Paragraph | Table> {
  const { total, byType, themes, from, to } = figures.complaints;
  if (total === 0) return [heading1(reportHeadings.complaints), paragraph(`${from} 至 ${to} 没有投诉建议记录。`)];
  const types = byType.map((type) => `${type.label} ${formatInteger(type.count)} 件`).join('，');
  return [
    heading1(reportHeadings.complaints),
    paragraph(`${from} 至 ${to} 共受理投诉建议 ${formatInteger(total)} 件（${types}）。按问题类别统计如下：`),
    table(
      ['问题类别', '件数', '占比'],
      themes.map((theme) => [theme.label, formatInteger(theme.count), formatShare(theme.count / total)]),
      [60, 20, 20],
    ),
    ...chart(charts.complaints),
  ];
}

function recommendationsOf(figures: AnnualReportFigures): Array<Paragraph | Table> {
  const { gaps, needs } = figures.recommendations;
  const blocks: Array<Paragraph | Table> = [
    heading1(reportHeadings.recommendations),
    paragraph(
      '以下建议由本年度数据直接得出：差距最大的服务质量题项，以及客户选择最多的服务需求及其对应的服务菜单项目。',
    ),
  ];
  blocks.push(heading2('（一）优先弥补的服务质量差距'));
  if (gaps.length === 0) blocks.push(paragraph('本年度没有可计算差距的满意度数据。'));
  else
    blocks.push(
      table(
        ['题项', '维度', '差距', '改进方向'],
        gaps.map((gap) => [gap.label, gap.dimension, formatDecimal(gap.gap, 2), gap.action]),
        [30, 12, 10, 48],
      ),
    );
  blocks.push(heading2('（二）优先满足的服务需求'));
  if (needs.length === 0) blocks.push(paragraph('本年度没有需求调查数据。'));
  else
    blocks.push(
      table(
        ['需求项', '选择率', '责任部门', '对应服务菜单项目'],
        needs.map((need) => [
          need.label,
          formatShare(need.share),
          need.department ?? '—',
          need.serviceItem ?? '服务菜单暂无对应项目，建议增设',
        ]),
        [30, 14, 20, 36],
      ),
    );
  return blocks;
}

export async function writeAnnualReportDocument(
  figures: AnnualReportFigures,
  charts: AnnualReportCharts = {},
): Promise<Buffer> {
  return writeWordDocument({
    title: `${figures.tenantName} ${figures.year} 年度${reportTitle}`,
    description: reportTitle,
    children: [
      ...coverOf(figures),
      ...methodOf(figures),
      ...needsOf(figures, charts),
      ...segmentsOf(figures),
      ...gapsOf(figures, charts),
      ...satisfactionOf(figures, charts),
      ...complaintsOf(figures, charts),
      ...recommendationsOf(figures),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 240 },
        children: [new TextRun({ text: '（完）', color: '595959' })],
      }),
    ],
  });
}
