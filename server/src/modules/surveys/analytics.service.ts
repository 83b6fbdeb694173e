import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { customerClasses, customerFormats, urbanRuralKinds } from '../customers/index.ts';
import { customerClassLabels, customerFormatLabels, urbanRuralLabels } from '../supply/index.ts';
import {
  type Gaps,
  type NeedsSummary,
  type Results,
  type Segmentation,
  segmentations,
  type Trend,
} from './analytics.contract.ts';
import {
  branchNames,
  type CountRow,
  findWave,
  type GapRow,
  type NeedItemRow,
  type NeedRow,
  needCounts,
  needCountsBySegmentations,
  needItemsOf,
  pairedGapStats,
  type RatingRow,
  ratingHistogram,
  responseAndSentCounts,
  satisfactionWaves,
  type WaveRow,
} from './analytics.repository.ts';
import {
  confidenceInterval,
  dimensionMeans,
  highlightAlpha,
  highlightPoints,
  indexFormula,
  itemMeans,
  type LevelCount,
  needCell,
  npsOf,
  round1,
  round2,
  satisfactionIndexOf,
  satisfactionTarget,
  servqualDimensions,
  smallCellBelow,
} from './satisfaction.rules.ts';

// The surveys' analytics for a caller's data scope (a customer manager: their own stores; a branch:
// its stores; the city: all): a wave's results, the 服务需求识别汇总表, the gap analysis and the
// trend of satisfaction waves. The functions taking (db, tenantId, scope, …) are the ones the annual
// report and the benchmark call (no HTTP); get* take the request's actor.

// ── Segments ─────────────────────────────────────────────────────────────────────────────────────

const orderChannelLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': { online: '网上订货', phone: '电话订货', visit: '上门订货' },
  en: { online: 'online ordering', phone: 'phone ordering', visit: 'ordering on visits' },
};
const orderChannelOrder = ['online', 'phone', 'visit'];
const unclassified: Record<Locale, string> = { 'zh-CN': '未分类', en: 'unclassified' };

export type SegmentLabeller = { label: (key: string) => string; order: (key: string) => number };

// How a segment key is named and ordered (formats and classes in their vocabulary's order, groups
// urban first, branches by name).
export async function segmentLabeller(
  db: Executor,
  tenantId: number,
  segmentation: Segmentation,
  locale: Locale,
): Promise<SegmentLabeller> {
  switch (segmentation) {
    case 'format':
      return {
        label: (key) => customerFormatLabels[locale][key as (typeof customerFormats)[number]] ?? key,
        order: (key) => customerFormats.indexOf(key as (typeof customerFormats)[number]),
      };
    case 'class':
      return {
        label: (key) =>
          key === 'unclassified'
            ? unclassified[locale]
            : (customerClassLabels[locale][key as (typeof customerClasses)[number]] ?? key),
        order: (key) =>
          key === 'unclassified' ? 99 : customerClasses.indexOf(key as (typeof customerClasses)[number]),
      };
    case 'group':
      return {
        label: (key) => {
          const [place, channel] = key.split('-');
          const placeLabel = urbanRuralLabels[locale][place as (typeof urbanRuralKinds)[number]] ?? place;
          return `${placeLabel}·${orderChannelLabels[locale][channel] ?? channel}`;
        },
        order: (key) => {
          const [place, channel] = key.split('-');
          return (
            urbanRuralKinds.indexOf(place as (typeof urbanRuralKinds)[number]) * 10 + orderChannelOrder.indexOf(channel)
          );
        },
      };
    case 'region': {
      const names = await branchNames(db, tenantId);
      const sorted = [...names.entries()].sort(([, a], [, b]) => a.localeCompare(b, 'zh-CN'));
      const rank = new Map(sorted.map(([id], index) => [id, index]));
      return { label: (key) => names.get(key) ?? key, order: (key) => rank.get(key) ?? 9999 };
    }
  }
}

const byOrder = (labeller: SegmentLabeller) => (a: string, b: string) =>
  labeller.order(a) - labeller.order(b) || a.localeCompare(b);

// ── Results ──────────────────────────────────────────────────────────────────────────────────────

async function waveOrThrow(db: Executor, tenantId: number, waveId: string): Promise<WaveRow> {
  const wave = await findWave(db, tenantId, waveId);
  if (!wave) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
  return wave;
}

const levelsOf = (rows: readonly RatingRow[], kind: RatingRow['kind']): LevelCount[] =>
  rows
    .filter((row) => row.kind === kind)
    .map((row) => ({
      item: row.item,
      dimension: row.dimension,
      level: row.level,
      scaleMax: row.scale_max ?? 5,
      count: row.n,
    }));

export type RatingFigures = Pick<
  Results,
  'satisfactionIndex' | 'weights' | 'nps' | 'npsCounts' | 'overall' | 'dimensions'
>;

// The figures of one wave (or segment) from its rating histogram (satisfaction.rules.ts).
export function ratingFigures(rows: readonly RatingRow[], weights: Record<string, number> = {}): RatingFigures {
  const perception = dimensionMeans(itemMeans(levelsOf(rows, 'perception')));
  const expectation = dimensionMeans(itemMeans(levelsOf(rows, 'expectation')));
  const index = satisfactionIndexOf(perception, weights);
  const nps = npsOf(levelsOf(rows, 'nps').map((row) => ({ level: row.level, count: row.count })));
  const [overall] = itemMeans(levelsOf(rows, 'overall').map((row) => ({ ...row, item: '', dimension: null })));
  const names = [...new Set([...perception, ...expectation].map((row) => row.dimension))];
  const order = (dimension: string) => {
    const at = (servqualDimensions as readonly string[]).indexOf(dimension);
    return at < 0 ? servqualDimensions.length : at;
  };
  names.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return {
    satisfactionIndex: round1(index.index),
    weights: Object.fromEntries(
      Object.entries(index.weights).map(([key, value]) => [key, Math.round(value * 1e4) / 1e4]),
    ),
    nps: round1(nps.nps),
    npsCounts: { n: nps.n, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors },
    overall: { n: overall?.n ?? 0, mean: round2(overall?.mean ?? null), score: round1(overall?.score ?? null) },
    dimensions: names.map((dimension) => {
      const p = perception.find((row) => row.dimension === dimension);
      const e = expectation.find((row) => row.dimension === dimension);
      const shownP = round2(p?.mean ?? null);
      const shownE = round2(e?.mean ?? null);
      return {
        dimension,
        expectation: shownE,
        perception: shownP,
        gap: shownP === null || shownE === null ? null : round2(shownP - shownE),
        score: round1(p?.score ?? null),
        weight: index.weights[dimension] === undefined ? null : Math.round(index.weights[dimension] * 1e4) / 1e4,
        items: Math.max(p?.items ?? 0, e?.items ?? 0),
      };
    }),
  };
}

const countOf = (rows: readonly CountRow[], seg: string) =>
  rows.filter((row) => row.seg === seg).reduce((sum, row) => sum + row.n, 0);
const rate = (responses: number, sent: number) => (sent === 0 ? null : Math.round((responses / sent) * 1e4) / 1e4);

// GET /surveys/waves/:id/results for a scope: live counts, the index, NPS and SERVQUAL dimensions;
// with `by`, the index and NPS per segment too.
export async function waveResults(
  db: Executor,
  tenantId: number,
  scope: DataScope,
  waveId: string,
  options: { by?: Segmentation; locale: Locale },
): Promise<Results> {
  const wave = await waveOrThrow(db, tenantId, waveId);
  const [counts, rows, segmented, segmentCounts, labeller] = await Promise.all([
    responseAndSentCounts(db, tenantId, [waveId], scope),
    ratingHistogram(db, tenantId, [waveId], scope),
    options.by
      ? ratingHistogram(db, tenantId, [waveId], scope, { by: options.by, kinds: ['perception', 'nps'] })
      : Promise.resolve([]),
    options.by ? responseAndSentCounts(db, tenantId, [waveId], scope, options.by) : Promise.resolve(null),
    options.by ? segmentLabeller(db, tenantId, options.by, options.locale) : Promise.resolve(null),
  ]);
  const responses = countOf(counts.responses, '');
  const sent = countOf(counts.sent, '');
  const segments: Results['segments'] = [];
  if (segmentCounts && labeller) {
    const keys = [...new Set([...segmentCounts.responses, ...segmentCounts.sent].map((row) => row.seg))];
    keys.sort(byOrder(labeller));
    for (const key of keys) {
      const figures = ratingFigures(
        segmented.filter((row) => row.seg === key),
        wave.weights,
      );
      const segmentResponses = countOf(segmentCounts.responses, key);
      const segmentSent = countOf(segmentCounts.sent, key);
      segments.push({
        key,
        label: labeller.label(key),
        responses: segmentResponses,
        sent: segmentSent,
        responseRate: rate(segmentResponses, segmentSent),
        satisfactionIndex: figures.satisfactionIndex,
        nps: figures.nps,
        small: segmentResponses < smallCellBelow,
      });
    }
  }
  return {
    waveId: wave.id,
    title: wave.title,
    kind: wave.kind,
    status: wave.status,
    responses,
    sent,
    responseRate: rate(responses, sent),
    ...ratingFigures(rows, wave.weights),
    indexFormula: indexFormula[options.locale],
    target: satisfactionTarget,
    by: options.by ?? null,
    segments,
  };
}

// ── 服务需求识别汇总表 ─────────────────────────────────────────────────────────────────────────────

const needRule: Record<Locale, string> = {
  'zh-CN': `选择率 = 选择该项的答卷数 ÷ 答卷数；平均紧迫度 = 排序名次的平均（1 为最紧迫）。样本 < ${smallCellBelow} 的单元格仅供参考（灰色）；某分组的选择率比总体高 ≥ ${highlightPoints} 个百分点、且双比例 z 检验（该分组对其余答卷）p < ${highlightAlpha} 时标亮。`,
  en: `Share = responses choosing the item ÷ responses; mean urgency = the mean rank (1 = most urgent). Cells under ${smallCellBelow} respondents are indicative only (greyed); a cell is highlighted when its share is ≥ ${highlightPoints} points above the overall share and a two-proportion z-test (the cell against the other respondents) gives p < ${highlightAlpha}.`,
};

const segmentKeyOf = (rk: string, ck: string, crossed: boolean) => (crossed ? `${rk}|${ck}` : rk);

// The needs summary of a wave: per need item, chosen / share / mean rank overall and in each cell of
// the pivot (rows, optional cols), with n in every cell, small cells flagged and differences that
// matter highlighted.
export async function needsSummary(
  db: Executor,
  tenantId: number,
  scope: DataScope,
  waveId: string,
  options: { rows: Segmentation; cols?: Segmentation; locale: Locale },
): Promise<NeedsSummary> {
  const wave = await waveOrThrow(db, tenantId, waveId);
  const [counts, needItems, rowLabeller, colLabeller] = await Promise.all([
    options.cols
      ? needCounts(db, tenantId, waveId, scope, options.rows, options.cols)
      : needCountsBySegmentations(db, tenantId, waveId, scope, [options.rows]),
    needItemsOf(db, tenantId),
    segmentLabeller(db, tenantId, options.rows, options.locale),
    options.cols ? segmentLabeller(db, tenantId, options.cols, options.locale) : Promise.resolve(null),
  ]);
  return summaryOf(wave, counts, needItems, { ...options, rowLabeller, colLabeller });
}

// The needs summary by each of several segmentations (uncrossed), from one scan: what the annual
// report and the benchmark read (the four segmentations at once).
export async function needsSummaries(
  db: Executor,
  tenantId: number,
  scope: DataScope,
  waveId: string,
  options: { segmentations: readonly Segmentation[]; locale: Locale },
): Promise<Partial<Record<Segmentation, NeedsSummary>>> {
  const wave = await waveOrThrow(db, tenantId, waveId);
  const [counts, needItems, labellers] = await Promise.all([
    needCountsBySegmentations(db, tenantId, waveId, scope, options.segmentations),
    needItemsOf(db, tenantId),
    Promise.all(
      options.segmentations.map((segmentation) => segmentLabeller(db, tenantId, segmentation, options.locale)),
    ),
  ]);
  return Object.fromEntries(
    options.segmentations.map((segmentation, index) => [
      segmentation,
      summaryOf(
        wave,
        counts.filter((row) => row.seg === segmentation),
        needItems,
        { rows: segmentation, locale: options.locale, rowLabeller: labellers[index], colLabeller: null },
      ),
    ]),
  );
}

function summaryOf(
  wave: WaveRow,
  counts: readonly NeedRow[],
  needItems: readonly NeedItemRow[],
  options: {
    rows: Segmentation;
    cols?: Segmentation;
    locale: Locale;
    rowLabeller: SegmentLabeller;
    colLabeller: SegmentLabeller | null;
  },
): NeedsSummary {
  const crossed = options.cols !== undefined;
  const { rowLabeller, colLabeller } = options;
  const cellRows = counts.filter((row) => row.item === null);
  const n = cellRows.reduce((sum, row) => sum + row.n, 0);
  const sumBy = (key: (row: (typeof cellRows)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const row of cellRows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.n);
    return totals;
  };
  const rowTotals = sumBy((row) => row.rk);
  const colTotals = crossed ? sumBy((row) => row.ck) : new Map<string, number>();
  const rowKeys = [...rowTotals.keys()].sort(byOrder(rowLabeller));
  const colKeys = colLabeller ? [...colTotals.keys()].sort(byOrder(colLabeller)) : [];
  const cellN = new Map(cellRows.map((row) => [segmentKeyOf(row.rk, row.ck, crossed), row.n]));
  const cellSegments: NeedsSummary['cellSegments'] = [];
  for (const rk of rowKeys) {
    for (const ck of crossed ? colKeys : ['']) {
      const key = segmentKeyOf(rk, ck, crossed);
      const cell = cellN.get(key);
      if (cell === undefined) continue;
      const label =
        crossed && colLabeller ? `${rowLabeller.label(rk)} × ${colLabeller.label(ck)}` : rowLabeller.label(rk);
      cellSegments.push({ key, label, n: cell, row: rk, col: crossed ? ck : null });
    }
  }

  const byItem = new Map<string, Map<string, { chosen: number; ranked: number; rankSum: number }>>();
  for (const row of counts) {
    if (row.item === null) continue;
    const cells = byItem.get(row.item) ?? new Map();
    cells.set(segmentKeyOf(row.rk, row.ck, crossed), { chosen: row.chosen, ranked: row.ranked, rankSum: row.rank_sum });
    byItem.set(row.item, cells);
  }
  const known = new Map(needItems.map((item) => [item.code, item]));
  const codes = [
    ...needItems.filter((item) => item.active || byItem.has(item.code)).map((item) => item.code),
    ...[...byItem.keys()].filter((code) => !known.has(code)).sort(),
  ];
  const items: NeedsSummary['items'] = codes.map((code) => {
    const item = known.get(code);
    const cells = byItem.get(code) ?? new Map();
    let chosen = 0;
    let ranked = 0;
    let rankSum = 0;
    for (const cell of cells.values()) {
      chosen += cell.chosen;
      ranked += cell.ranked;
      rankSum += cell.rankSum;
    }
    return {
      code,
      label: item ? (options.locale === 'en' ? item.label_en : item.label_zh) : code,
      area: item?.area ?? null,
      department: item?.department ?? null,
      serviceItemId: item?.service_item_id ?? null,
      chosen,
      share: n === 0 ? null : Math.round((chosen / n) * 1e4) / 1e4,
      meanRank: ranked === 0 ? null : round2(rankSum / ranked),
      ranked,
      cells: cellSegments.map((segment) => {
        const cell = cells.get(segment.key) ?? { chosen: 0, ranked: 0, rankSum: 0 };
        const test = needCell({ n: segment.n, chosen: cell.chosen }, { n, chosen });
        return {
          segment: segment.key,
          row: segment.row,
          col: segment.col,
          n: segment.n,
          chosen: cell.chosen,
          share: test.share === null ? null : Math.round(test.share * 1e4) / 1e4,
          meanRank: cell.ranked === 0 ? null : round2(cell.rankSum / cell.ranked),
          small: test.small,
          difference: round1(test.difference),
          p: test.p === null ? null : Number(test.p.toPrecision(3)),
          highlight: test.highlight,
        };
      }),
    };
  });
  const sortOf = new Map(needItems.map((item, index) => [item.code, index]));
  items.sort((a, b) => b.chosen - a.chosen || (sortOf.get(a.code) ?? 1e6) - (sortOf.get(b.code) ?? 1e6));
  const header = (totals: Map<string, number>, keys: string[], labeller: SegmentLabeller | null) =>
    keys.map((key) => ({ key, label: labeller?.label(key) ?? key, n: totals.get(key) ?? 0 }));
  return {
    waveId: wave.id,
    title: wave.title,
    rows: options.rows,
    cols: options.cols ?? null,
    n,
    rowSegments: header(rowTotals, rowKeys, rowLabeller),
    colSegments: header(colTotals, colKeys, colLabeller),
    cellSegments,
    items,
    rule: needRule[options.locale],
  };
}

// ── Gap analysis ─────────────────────────────────────────────────────────────────────────────────

type Element = { name?: string; title?: unknown; elements?: Element[]; servqualItem?: string; kewoRole?: string };

function textOf(title: unknown, locale: Locale): string | null {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const texts = title as Record<string, unknown>;
    const text = (locale === 'en' ? texts.en : texts['zh-cn']) ?? texts.default ?? Object.values(texts)[0];
    return typeof text === 'string' ? text : null;
  }
  return null;
}

// "【感知】我们公司实际：按时送货" → "按时送货"; "[Perception] Our company actually: delivers on time" →
// "delivers on time": the role's tag and a short lead-in up to a colon go.
export function itemTextOf(title: string): string {
  const untagged = title.replace(/^\s*(【[^】]*】|\[[^\]]*\])\s*/, '');
  const rest = untagged.replace(/^[^：:]{1,24}[：:]\s*/, '');
  return rest.length > 0 ? rest : untagged;
}

// Each SERVQUAL item's label: its perception question's title (else its expectation question's).
export function servqualItemLabels(definition: Record<string, unknown>, locale: Locale = 'zh-CN'): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (elements: unknown, role: string) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Element[]) {
      if (element.servqualItem && element.kewoRole === role && !labels.has(element.servqualItem)) {
        const text = textOf(element.title, locale);
        const label = text ? itemTextOf(text) : element.name;
        if (label) labels.set(element.servqualItem, label);
      }
      visit(element.elements, role);
    }
  };
  for (const role of ['perception', 'expectation']) {
    visit(definition.elements, role);
    for (const page of (Array.isArray(definition.pages) ? definition.pages : []) as Element[])
      visit(page.elements, role);
  }
  return labels;
}

const dimensionLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    tangibles: '有形性',
    reliability: '可靠性',
    responsiveness: '响应性',
    assurance: '保证性',
    empathy: '移情性',
  },
  en: {
    tangibles: 'tangibles',
    reliability: 'reliability',
    responsiveness: 'responsiveness',
    assurance: 'assurance',
    empathy: 'empathy',
  },
};

const gapMethod: Record<Locale, string> = {
  'zh-CN':
    '差距 = 感知均值 − 期望均值（同一答卷同一题项成对计算）；95% 置信区间 = 差值均值 ± q × 标准差 ÷ √n，n ≤ 30 时 q 取 t 分布（n − 1 自由度），否则 1.96。维度差距先对每份答卷取该维度各题项的平均。',
  en: 'Gap = mean perception − mean expectation over the responses answering both (paired); 95 % CI = mean difference ± q × sd ÷ √n, q = Student’s t (n − 1 df) for n ≤ 30, else 1.96. A dimension’s gap first averages each response’s items of the dimension.',
};

function gapFigures(rows: readonly GapRow[], labels: Map<string, string>, locale: Locale) {
  const shape = (row: GapRow) => {
    const interval = confidenceInterval(row.n, row.gap, row.sd);
    return {
      expectation: round2(row.expectation),
      perception: round2(row.perception),
      gap: round2(row.gap),
      ciLow: round2(interval.low),
      ciHigh: round2(interval.high),
      n: row.n,
    };
  };
  const items = rows
    .filter((row) => row.level === 'item')
    .map((row) => ({ item: row.key, dimension: row.dimension, label: labels.get(row.key) ?? row.key, ...shape(row) }))
    .sort((a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity) || a.item.localeCompare(b.item));
  const order = (dimension: string) => {
    const at = (servqualDimensions as readonly string[]).indexOf(dimension);
    return at < 0 ? servqualDimensions.length : at;
  };
  const dimensions = rows
    .filter((row) => row.level === 'dimension')
    .map((row) => ({ dimension: row.key, label: dimensionLabels[locale][row.key] ?? row.key, ...shape(row) }))
    .sort((a, b) => order(a.dimension) - order(b.dimension));
  return { items, dimensions };
}

// The gap analysis of a wave: per SERVQUAL item (weakest first) and dimension, the paired gap with its
// 95 % interval; with `by`, the same per segment.
export async function waveGaps(
  db: Executor,
  tenantId: number,
  scope: DataScope,
  waveId: string,
  options: { by?: Segmentation; locale: Locale },
): Promise<Gaps> {
  const wave = await waveOrThrow(db, tenantId, waveId);
  const labels = servqualItemLabels(wave.definition, options.locale);
  const [overall, segmented, labeller] = await Promise.all([
    pairedGapStats(db, tenantId, waveId, scope),
    options.by ? pairedGapStats(db, tenantId, waveId, scope, options.by) : Promise.resolve([]),
    options.by ? segmentLabeller(db, tenantId, options.by, options.locale) : Promise.resolve(null),
  ]);
  const segments: Gaps['segments'] = [];
  if (labeller) {
    const keys = [...new Set(segmented.map((row) => row.seg))].sort(byOrder(labeller));
    for (const key of keys) {
      const rows = segmented.filter((row) => row.seg === key);
      const figures = gapFigures(rows, labels, options.locale);
      const n = Math.max(0, ...figures.dimensions.map((row) => row.n), ...figures.items.map((row) => row.n));
      segments.push({ key, label: labeller.label(key), n, small: n < smallCellBelow, ...figures });
    }
  }
  return {
    waveId: wave.id,
    title: wave.title,
    ...gapFigures(overall, labels, options.locale),
    by: options.by ?? null,
    segments,
    method: gapMethod[options.locale],
  };
}

// ── Trend ────────────────────────────────────────────────────────────────────────────────────────

// The satisfaction waves that have opened (oldest first): index, NPS and responses in the scope, and
// the target line.
export async function satisfactionTrend(
  db: Executor,
  tenantId: number,
  scope: DataScope,
  options: { limit: number },
): Promise<Trend> {
  const waves = await satisfactionWaves(db, tenantId, options.limit);
  if (waves.length === 0) return { waves: [], target: satisfactionTarget };
  const ids = waves.map((wave) => wave.id);
  const [rows, counts] = await Promise.all([
    ratingHistogram(db, tenantId, ids, scope, { kinds: ['perception', 'nps'] }),
    responseAndSentCounts(db, tenantId, ids, scope),
  ]);
  return {
    waves: waves.map((wave) => {
      const figures = ratingFigures(
        rows.filter((row) => row.wave_id === wave.id),
        wave.weights,
      );
      return {
        id: wave.id,
        title: wave.title,
        status: wave.status,
        opensOn: wave.opens_on,
        closesOn: wave.closes_on,
        satisfactionIndex: figures.satisfactionIndex,
        nps: figures.nps,
        responses: counts.responses.filter((row) => row.wave_id === wave.id).reduce((sum, row) => sum + row.n, 0),
      };
    }),
    target: satisfactionTarget,
  };
}

// ── For the routes ───────────────────────────────────────────────────────────────────────────────

export const getResults = (
  context: AppContext,
  actor: Actor,
  waveId: string,
  by: Segmentation | undefined,
  locale: Locale,
) => waveResults(context.db, actor.tenantId, actor.scope, waveId, { by, locale });

export const getNeedsSummary = (
  context: AppContext,
  actor: Actor,
  waveId: string,
  query: { rows: Segmentation; cols?: Segmentation },
  locale: Locale,
) => needsSummary(context.db, actor.tenantId, actor.scope, waveId, { ...query, locale });

export async function getAllNeedsSummaries(context: AppContext, actor: Actor, waveId: string, locale: Locale) {
  const summaries = await needsSummaries(context.db, actor.tenantId, actor.scope, waveId, { segmentations, locale });
  const { format, class: byClass, group, region } = summaries;
  if (!format || !byClass || !group || !region) throw new Error('a segmentation’s summary is missing');
  return { format, class: byClass, group, region };
}

export const getGaps = (
  context: AppContext,
  actor: Actor,
  waveId: string,
  by: Segmentation | undefined,
  locale: Locale,
) => waveGaps(context.db, actor.tenantId, actor.scope, waveId, { by, locale });

export const getTrend = (context: AppContext, actor: Actor, limit: number) =>
  satisfactionTrend(context.db, actor.tenantId, actor.scope, { limit });
