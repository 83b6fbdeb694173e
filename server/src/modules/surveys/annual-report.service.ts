import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import { countsByCategory, countsByType } from '../tickets/index.ts';
import { type Gaps, type NeedsSummary, type Results, type Segmentation, segmentations } from './analytics.contract.ts';
import { getGaps, getResults, needsSummaries } from './analytics.service.ts';
import {
  complaintThemesOption,
  dimensionGapOption,
  needSharesOption,
  renderChart,
  satisfactionTrendOption,
} from './annual-report.charts.ts';
import { serviceItemNames, tenantNameOf, wavesOfYear, type YearWaveRow } from './annual-report.repository.ts';
import {
  type AnnualReportCharts,
  type AnnualReportFigures,
  type ReportHighlight,
  type ReportWave,
  reportTitle,
  writeAnnualReportDocument,
} from './annual-report.ts';
import { satisfactionTarget } from './satisfaction.rules.ts';

// 《客户服务需求年度报告》: the year's waves (those closing in the year), their figures from the
// analytics (the very functions behind the results, needs-summary and gaps endpoints, in the reader's
// scope), the year's ticket categories from the tickets module, recommendations drawn from them,
// the charts, and the document. The report is written in Chinese whatever the reader's language.

const segmentationLabels: Record<Segmentation, string> = {
  format: '业态',
  class: '客户分类',
  group: '群体',
  region: '区域',
};

// What a weak SERVQUAL dimension asks of the service (the recommendation beside a large gap).
const dimensionActions: Record<string, string> = {
  tangibles: '改善看得见的服务：送货车辆与人员形象、宣传资料、终端陈列与店面形象指导。',
  reliability: '兑现服务承诺：按约定时间准确送货，订单与结算零差错，问题一次办结。',
  responsiveness: '加快响应：缩短诉求首次响应与办结时限，客户经理及时回应来电与走访请求。',
  assurance: '提升专业能力：加强客户经理业务培训，规范政策解释与经营指导。',
  empathy: '体现个性化关怀：按客户分类分层服务，关注乡村与经营困难客户的特殊需求。',
};

const kindOrder: Record<string, number> = { needs: 0, satisfaction: 1, other: 2 };
// Differences listed in the segment comparison, the largest first.
const highlightLimit = 40;
const weakestLimit = 10;
const recommendationLimit = 5;
const needChartLimit = 10;
const themeLimit = 12;

function designOf(wave: YearWaveRow): string {
  const target = wave.target;
  const scopeText = Object.keys(target.segment ?? {}).length > 0 ? '指定客户范围' : '全体在营客户';
  if (target.kind === 'sample') {
    const margin = `±${Math.round(target.marginOfError * 1000) / 10}%`;
    const confidence = `${Math.round(target.confidence * 100)}% 置信度`;
    return `${scopeText}分层随机抽样（${margin}，${confidence}）`;
  }
  return `${scopeText}普查`;
}

// The wave whose figures a section reads: the last one of its kind that has answers, else the last.
function latestOf(waves: readonly YearWaveRow[], results: ReadonlyMap<string, Results>, kind: string) {
  const ofKind = waves.filter((wave) => wave.kind === kind);
  const answered = ofKind.filter((wave) => (results.get(wave.id)?.responses ?? 0) > 0);
  const pool = answered.length > 0 ? answered : ofKind;
  return [...pool].sort((a, b) => a.closesOn.localeCompare(b.closesOn)).at(-1);
}

function highlightsOf(summaries: ReadonlyArray<[Segmentation, NeedsSummary]>): ReportHighlight[] {
  const rows: ReportHighlight[] = [];
  for (const [segmentation, summary] of summaries) {
    const labels = new Map(summary.rowSegments.map((segment) => [segment.key, segment.label]));
    for (const item of summary.items) {
      for (const cell of item.cells) {
        if (!cell.highlight) continue;
        rows.push({
          segmentation: segmentationLabels[segmentation],
          segment: labels.get(cell.segment) ?? cell.segment,
          item: item.label,
          n: cell.n,
          share: cell.share,
          overallShare: item.share,
          difference: cell.difference,
          p: cell.p,
        });
      }
    }
  }
  return rows.sort((a, b) => (b.difference ?? 0) - (a.difference ?? 0)).slice(0, highlightLimit);
}

// Everything the report says, in the reader's data scope. No wave closing in the year → 422.
export async function annualReportFigures(
  context: AppContext,
  actor: Actor,
  year: number,
): Promise<AnnualReportFigures> {
  const db = context.db;
  const locale = 'zh-CN';
  const waves = await wavesOfYear(db, actor.tenantId, year);
  if (waves.length === 0) throw new DomainError('SURVEY_REPORT_NO_WAVES', { year });
  waves.sort((a, b) => (kindOrder[a.kind] ?? 3) - (kindOrder[b.kind] ?? 3) || a.opensOn.localeCompare(b.opensOn));

  const from = beijingMidnightOf(`${year}-01-01`);
  const to = beijingMidnightOf(`${year + 1}-01-01`);
  const period = { tenantId: actor.tenantId, scope: actor.scope, from, to };
  const [tenantName, serviceNames, resultList, types, categories] = await Promise.all([
    tenantNameOf(db, actor.tenantId),
    serviceItemNames(db, actor.tenantId),
    Promise.all(waves.map((wave) => getResults(context, actor, wave.id, undefined, locale))),
    countsByType(db, period),
    countsByCategory(db, period),
  ]);
  const results = new Map(resultList.map((result) => [result.waveId, result]));

  const needsWave = latestOf(waves, results, 'needs');
  const gapsWave = latestOf(waves, results, 'satisfaction');
  const [summaries, gaps] = await Promise.all([
    // The four segmentations from one scan of the respondents and their choices.
    needsWave
      ? needsSummaries(db, actor.tenantId, actor.scope, needsWave.id, { segmentations, locale }).then(
          (bySegmentation) =>
            segmentations.flatMap((rows) => {
              const summary = bySegmentation[rows];
              return summary ? [[rows, summary] as [Segmentation, NeedsSummary]] : [];
            }),
        )
      : Promise.resolve([] as [Segmentation, NeedsSummary][]),
    gapsWave ? getGaps(context, actor, gapsWave.id, undefined, locale) : Promise.resolve(null as Gaps | null),
  ]);

  const reportWaves: ReportWave[] = waves.map((wave) => {
    const result = results.get(wave.id);
    return {
      id: wave.id,
      title: wave.title,
      kind: wave.kind,
      status: wave.status,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
      design: designOf(wave),
      population: wave.population,
      sent: result?.sent ?? wave.sent,
      responses: result?.responses ?? 0,
      responseRate: result?.responseRate ?? null,
    };
  });

  const summary = summaries[0]?.[1];
  const needItems = (summary?.items ?? []).map((item) => ({
    code: item.code,
    label: item.label,
    department: item.department,
    chosen: item.chosen,
    share: item.share,
    meanRank: item.meanRank,
    serviceItem: item.serviceItemId === null ? null : (serviceNames.get(item.serviceItemId) ?? null),
  }));
  const mostChosen = [...needItems]
    .filter((item) => item.chosen > 0)
    .sort((a, b) => b.chosen - a.chosen || a.label.localeCompare(b.label))
    .slice(0, recommendationLimit);

  const dimensionLabel = new Map((gaps?.dimensions ?? []).map((row) => [row.dimension, row.label]));
  const weakest = (gaps?.items ?? []).filter((item) => item.gap !== null);

  const satisfactionWaves = waves
    .filter((wave) => wave.kind === 'satisfaction')
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn))
    .map((wave) => {
      const result = results.get(wave.id);
      return {
        title: wave.title,
        closesOn: wave.closesOn,
        responses: result?.responses ?? 0,
        satisfactionIndex: result?.satisfactionIndex ?? null,
        nps: result?.nps ?? null,
        overallMean: result?.overall.mean ?? null,
      };
    });
  const formula = gapsWave ? results.get(gapsWave.id)?.indexFormula : undefined;

  const total = types.reduce((sum, row) => sum + row.count, 0);
  const typeLabels: Record<string, string> = {
    complaint: '投诉',
    suggestion: '建议',
    consultation: '咨询',
    praise: '表扬',
  };

  return {
    // A branch's marketer gets the report of the branch's stores, and its cover says so.
    tenantName:
      actor.scope.kind === 'org' && !isCityWideScope(actor.scope)
        ? `${tenantName} ${actor.scope.orgUnitName}`
        : tenantName,
    year,
    generatedOn: beijingDateOf(context.now()),
    waves: reportWaves,
    needs: needsWave && summary ? { waveTitle: needsWave.title, n: summary.n, items: needItems } : null,
    highlights: highlightsOf(summaries),
    segmentationsCompared: segmentations.map((segmentation) => segmentationLabels[segmentation]),
    gaps:
      gapsWave && gaps
        ? {
            waveTitle: gapsWave.title,
            method: gaps.method,
            dimensions: gaps.dimensions.map((row) => ({ ...row, dimension: row.dimension })),
            weakest: weakest.slice(0, weakestLimit).map((item) => ({
              ...item,
              dimension: item.dimension === null ? null : (dimensionLabel.get(item.dimension) ?? item.dimension),
            })),
          }
        : null,
    satisfaction: {
      waves: satisfactionWaves,
      target: satisfactionTarget,
      indexFormula: formula ?? resultList[0]?.indexFormula ?? '',
    },
    complaints: {
      from: `${year}-01-01`,
      to: beijingDateOf(new Date(to.getTime() - 1)),
      total,
      byType: types.map((row) => ({ label: typeLabels[row.key] ?? row.key, count: row.count })),
      themes: categories
        .filter((row) => row.count > 0)
        .slice(0, themeLimit)
        .map((row) => ({ label: row.label, group: row.group, count: row.count })),
    },
    recommendations: {
      gaps: weakest
        .filter((item) => (item.gap ?? 0) < 0)
        .slice(0, recommendationLimit)
        .map((item) => ({
          label: item.label,
          dimension: item.dimension === null ? '—' : (dimensionLabel.get(item.dimension) ?? item.dimension),
          gap: item.gap,
          action: dimensionActions[item.dimension ?? ''] ?? '针对该题项改进服务流程。',
        })),
      needs: mostChosen.map((item) => ({
        label: item.label,
        share: item.share,
        department: item.department,
        serviceItem: item.serviceItem,
      })),
    },
  };
}

// The charts of the figures (PNG through ECharts SSR and resvg with the project's CJK font).
export async function annualReportCharts(figures: AnnualReportFigures): Promise<AnnualReportCharts> {
  const needs = figures.needs?.items
    .filter((item) => item.share !== null && item.chosen > 0)
    .sort((a, b) => b.chosen - a.chosen)
    .slice(0, needChartLimit)
    .map((item) => ({ label: item.label, share: item.share ?? 0 }));
  // One after the other: each rasterisation parses the font, and in parallel they only compete.
  const needsChart =
    needs && needs.length > 0 ? await renderChart(needSharesOption(needs), 640, 60 + needs.length * 30) : undefined;
  const dimensions =
    figures.gaps && figures.gaps.dimensions.length > 0
      ? await renderChart(dimensionGapOption(figures.gaps.dimensions), 640, 300)
      : undefined;
  const trend =
    figures.satisfaction.waves.length > 0
      ? await renderChart(satisfactionTrendOption(figures.satisfaction.waves, figures.satisfaction.target), 640, 320)
      : undefined;
  const themes = figures.complaints.themes;
  const complaints =
    themes.length > 0 ? await renderChart(complaintThemesOption(themes), 640, 60 + themes.length * 28) : undefined;
  return { needs: needsChart, dimensions, trend, complaints };
}

export type AnnualReportFile = { fileName: string; document: Buffer };

// GET /surveys/annual-report: the figures, the charts (unless `charts: false`, the benchmark's
// baseline) and the .docx.
export async function writeAnnualReport(
  context: AppContext,
  actor: Actor,
  year: number,
  options: { charts?: boolean } = {},
): Promise<AnnualReportFile> {
  const figures = await annualReportFigures(context, actor, year);
  const charts = options.charts === false ? {} : await annualReportCharts(figures);
  const document = await writeAnnualReportDocument(figures, charts);
  return { fileName: `${year}年度${reportTitle}.docx`, document };
}
