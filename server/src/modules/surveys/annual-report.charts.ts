import { fileURLToPath } from 'node:url';
import type { EChartsCoreOption } from 'echarts/core';

// The annual report's charts: ECharts rendered on the server (SVG, no DOM) and rasterised to PNG by
// resvg, with the CJK font the project brings through npm (@embedpdf/fonts-sc: Noto Sans Hans,
// OFL-1.1). The system's fonts are never loaded, so Chinese renders the same on a server with no
// CJK font installed. echarts and resvg load on first use: a server that never writes a report
// never pays for them.

// The font's family name as the OTF file declares it.
export const chartFontFamily = 'Noto Sans S Chinese';
export const chartFontFile = fileURLToPath(
  new URL('../fonts/NotoSansHans-Regular.otf', import.meta.resolve('@embedpdf/fonts-sc')),
);

const palette = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2'];
// Rasterised at twice the layout size: sharp in Word at 100–200 % zoom and in print.
const zoom = 2;

export type ChartImage = { png: Buffer; width: number; height: number };

type EChartsModule = typeof import('echarts/core');
let echartsLoaded: Promise<EChartsModule> | undefined;

async function loadEcharts(): Promise<EChartsModule> {
  echartsLoaded ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      components.TitleComponent,
      components.MarkLineComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  return echartsLoaded;
}

// The SVG of one chart (width × height in CSS pixels), animation off, the project's font.
export async function chartSvgOf(option: EChartsCoreOption, width: number, height: number): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: chartFontFamily },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// resvg's options: only the given font files (default: the project's CJK font), never the system's.
export function resvgOptionsOf(fontFiles: readonly string[] = [chartFontFile]) {
  return {
    fitTo: { mode: 'zoom' as const, value: zoom },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles],
      defaultFontFamily: chartFontFamily,
      sansSerifFamily: chartFontFamily,
      serifFamily: chartFontFamily,
    },
  };
}

// SVG → PNG, off the event loop (resvg's worker thread).
export async function pngOf(svg: string, fontFiles: readonly string[] = [chartFontFile]): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, resvgOptionsOf(fontFiles));
  return image.asPng();
}

export async function renderChart(option: EChartsCoreOption, width = 640, height = 320): Promise<ChartImage> {
  return { png: await pngOf(await chartSvgOf(option, width, height)), width, height };
}

const title = (text: string) => ({ text, left: 'center', top: 6, textStyle: { fontSize: 15, fontWeight: 'normal' } });

// 满意度指数 and NPS per wave, with the target line (85) on the index.
export function satisfactionTrendOption(
  waves: ReadonlyArray<{ title: string; satisfactionIndex: number | null; nps: number | null }>,
  target: number,
): EChartsCoreOption {
  return {
    title: title('满意度指数与 NPS 趋势'),
    legend: { bottom: 4, data: ['满意度指数', 'NPS'] },
    grid: { left: 56, right: 56, top: 48, bottom: 64 },
    xAxis: {
      type: 'category',
      data: waves.map((wave) => wave.title),
      axisLabel: { interval: 0, width: 120, overflow: 'break' },
    },
    yAxis: [
      { type: 'value', name: '指数', min: 0, max: 100 },
      { type: 'value', name: 'NPS', min: -100, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: '满意度指数',
        type: 'line',
        data: waves.map((wave) => wave.satisfactionIndex),
        label: { show: true, formatter: '{c}' },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#f5222d' },
          label: { formatter: `目标 ${target}`, position: 'insideEndTop' },
          data: [{ yAxis: target }],
        },
      },
      {
        name: 'NPS',
        type: 'line',
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' },
        symbol: 'rect',
        data: waves.map((wave) => wave.nps),
        label: { show: true, position: 'bottom', formatter: 'NPS {c}' },
      },
    ],
  };
}

// Expectation and perception means per SERVQUAL dimension.
const twoDecimals = {
  show: true,
  position: 'top',
  formatter: (parameters: { value: unknown }) => Number(parameters.value).toFixed(2),
};
export function dimensionGapOption(
  dimensions: ReadonlyArray<{ label: string; expectation: number | null; perception: number | null }>,
): EChartsCoreOption {
  return {
    title: title('各维度期望与感知'),
    legend: { bottom: 4, data: ['期望', '感知'] },
    grid: { left: 48, right: 24, top: 48, bottom: 56 },
    xAxis: { type: 'category', data: dimensions.map((dimension) => dimension.label) },
    yAxis: { type: 'value', min: 1 },
    series: [
      { name: '期望', type: 'bar', data: dimensions.map((d) => d.expectation), label: twoDecimals },
      { name: '感知', type: 'bar', data: dimensions.map((d) => d.perception), label: twoDecimals },
    ],
  };
}

// The most chosen need items, share of respondents (%), longest bar on top.
export function needSharesOption(items: ReadonlyArray<{ label: string; share: number }>): EChartsCoreOption {
  const rows = [...items].reverse();
  return {
    title: title('选择率最高的服务需求（%）'),
    grid: { left: 150, right: 64, top: 44, bottom: 24 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: rows.map((item) => item.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((item) => Math.round(item.share * 1000) / 10),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

// The year's tickets per category (the largest first).
export function complaintThemesOption(themes: ReadonlyArray<{ label: string; count: number }>): EChartsCoreOption {
  const rows = [...themes].reverse();
  return {
    title: title('全年投诉建议主题（件）'),
    grid: { left: 150, right: 48, top: 44, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((theme) => theme.label),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((theme) => theme.count),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
