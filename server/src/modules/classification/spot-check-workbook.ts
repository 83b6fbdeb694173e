import { writeReportWorkbook } from '../../platform/spreadsheets/sheet-writer.ts';
import type { getSpotCheckReport } from './classification.service.ts';

// 抽查报告 as a workbook: the statistics, then one row per sampled store.

type Report = Awaited<ReturnType<typeof getSpotCheckReport>>;

const classLabels: Record<'zh-CN' | 'en', Record<string, string>> = {
  'zh-CN': { demonstration: '示范客户', growth: '成长客户', ordinary: '普通客户', special: '特殊客户' },
  en: { demonstration: 'demonstration', growth: 'growth', ordinary: 'ordinary', special: 'special' },
};

export async function spotCheckWorkbook(report: Report, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const label = (value: string | null) => (value ? (classLabels[locale][value] ?? value) : '');
  const { stats } = report;
  const yes = zh ? '是' : 'yes';
  const no = zh ? '否' : 'no';
  return writeReportWorkbook([
    {
      name: zh ? `抽查 ${report.id}` : `Spot-check ${report.id}`,
      preamble: [
        [zh ? '抽查编号' : 'Spot-check', report.id, zh ? '随机种子' : 'Seed', report.seed],
        [
          zh ? '准确性' : 'Accuracy',
          stats.accuracy === null ? '' : stats.accuracy / 100,
          zh ? '一致性' : 'Consistency',
          stats.consistency / 100,
          zh ? '完整性' : 'Completeness',
          stats.completeness / 100,
        ],
        [zh ? '样本数' : 'Sampled', stats.sampled, zh ? '已复核' : 'Assessed', stats.assessed],
        [],
      ],
      headers: zh
        ? ['许可证号', '店名', '分公司', '抽查时分类', '重算分类', '指标完整', '复核分类', '复核一致', '备注']
        : [
            'Licence',
            'Store',
            'Branch',
            'Class at sampling',
            'Re-run class',
            'Complete',
            'Inspector class',
            'Agrees',
            'Note',
          ],
      rows: report.items.map((item) => [
        item.licenceNo,
        item.name,
        item.branchName,
        label(item.sampledClass),
        label(item.rerunClass),
        item.complete ? yes : no,
        label(item.inspectorClass),
        item.agrees === null ? '' : item.agrees ? yes : no,
        item.note ?? '',
      ]),
      cellFormats: { B2: '0.00%', D2: '0.00%', F2: '0.00%' },
      width: 14,
      widths: { 1: 24 },
    },
  ]);
}
