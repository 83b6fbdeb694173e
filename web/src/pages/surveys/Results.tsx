import { FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { EditWeightsButton, WeightsLine } from './components/IndexWeights.tsx';
import { NeedsPivot } from './components/NeedsPivot.tsx';
import { DimensionsChart, TrendChart } from './components/ResultCharts.tsx';
import {
  formatCount,
  formatGap,
  formatIndex,
  formatNps,
  formatRate,
  formatScore,
  isDimension,
  statusColors,
} from './survey-format.ts';
import {
  annualReportUrl,
  type GapItem,
  type Gaps,
  type Segmentation,
  type SegmentResult,
  segmentations,
  useGaps,
  useResults,
  useTrend,
  useWaves,
  type WaveSummary,
} from './surveys.api.ts';

const indexTarget = 85;

// The wave to show: the one in the address, else the latest closed one (its figures final), else
// the latest open one.
function defaultWave(waves: WaveSummary[]): WaveSummary | undefined {
  const latest = (status: WaveSummary['status']) =>
    waves.filter((wave) => wave.status === status).sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0];
  return latest('closed') ?? latest('open');
}

// A gap row, of everyone or of one segment.
type GapRow = GapItem & { segment?: string; segmentLabel?: string; small?: boolean };

// The gaps as the table lists them: everyone's, or each segment's items after one another (the
// segment's own order, weakest first).
export function gapRows(gaps: Gaps | undefined, bySegment: boolean): GapRow[] {
  if (!gaps) return [];
  if (!bySegment) return gaps.items;
  return gaps.segments.flatMap((segment) =>
    segment.items.map((item) => ({ ...item, segment: segment.key, segmentLabel: segment.label, small: segment.small })),
  );
}

function GapTable({ items, bySegment }: { items: GapRow[]; bySegment: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<GapRow> = [
    ...(bySegment
      ? [
          {
            title: t('surveys.results.segment'),
            dataIndex: 'segmentLabel',
            width: 120,
            render: (label: string | undefined, row: GapRow) => (
              <Typography.Text type={row.small ? 'secondary' : undefined}>{label ?? row.segment ?? ''}</Typography.Text>
            ),
          },
        ]
      : []),
    {
      title: t('surveys.results.item'),
      dataIndex: 'label',
      render: (label: string, row) => (
        <span>
          <Typography.Text type="secondary">{row.item}</Typography.Text> {label}
        </span>
      ),
    },
    {
      title: t('surveys.results.dimension'),
      dataIndex: 'dimension',
      width: 90,
      render: (dimension: string | null) => (isDimension(dimension) ? t(`surveys.dimensions.${dimension}`) : dimension),
    },
    {
      title: t('surveys.results.expectation'),
      dataIndex: 'expectation',
      width: 80,
      align: 'right',
      render: (value: number | null) => formatScore(value, format.locale),
    },
    {
      title: t('surveys.results.perception'),
      dataIndex: 'perception',
      width: 80,
      align: 'right',
      render: (value: number | null) => formatScore(value, format.locale),
    },
    {
      title: t('surveys.results.gap'),
      dataIndex: 'gap',
      width: 150,
      align: 'right',
      render: (value: number | null) => (
        <Typography.Text type={value !== null && value < 0 ? 'danger' : undefined} strong>
          {formatGap(value, format.locale)}
        </Typography.Text>
      ),
    },
    {
      title: t('surveys.results.ci'),
      key: 'ci',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => `[${formatGap(row.ciLow, format.locale)}, ${formatGap(row.ciHigh, format.locale)}]`,
    },
    {
      title: t('surveys.results.n'),
      dataIndex: 'n',
      width: 80,
      align: 'right',
      render: (value: number) => formatCount(value, format.locale),
    },
  ];
  return (
    <Table<GapRow>
      data-testid="gap-table"
      rowKey={(row) => `${row.segment ?? ''}|${row.item}`}
      size="small"
      dataSource={items}
      columns={columns}
      pagination={items.length > 22 ? { pageSize: 22, size: 'small' } : false}
      locale={{ emptyText: t('surveys.results.gapsEmpty') }}
    />
  );
}

function SegmentScores({ segments }: { segments: SegmentResult[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table<SegmentResult>
      rowKey="key"
      size="small"
      dataSource={segments}
      pagination={false}
      columns={[
        { title: t('surveys.results.segment'), dataIndex: 'label' },
        {
          title: t('surveys.results.responses'),
          dataIndex: 'responses',
          align: 'right',
          render: (value: number, row) => (
            <Typography.Text type={row.small ? 'secondary' : undefined}>
              {formatCount(value, format.locale)}
            </Typography.Text>
          ),
        },
        {
          title: t('surveys.results.index'),
          dataIndex: 'satisfactionIndex',
          align: 'right',
          render: (value: number | null) => formatIndex(value, format.locale),
        },
        {
          title: 'NPS',
          dataIndex: 'nps',
          align: 'right',
          render: (value: number | null) => formatNps(value, format.locale),
        },
      ]}
    />
  );
}

// 年度报告: the year's 《客户服务需求年度报告》 as .docx, for those the server lets download it.
function AnnualReportButton({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(years[0] ?? new Date().getFullYear());
  if (!can('GET /api/v1/surveys/annual-report')) return null;
  return (
    <Flex gap={4}>
      <Select<number>
        style={{ width: 100 }}
        aria-label={t('surveys.results.year')}
        value={year}
        onChange={setYear}
        options={years.map((value) => ({ value, label: String(value) }))}
      />
      <Button
        icon={<FileWordOutlined />}
        href={annualReportUrl(year)}
        download
        title={t('surveys.results.annualReportTitle')}
        data-action="GET /api/v1/surveys/annual-report"
      >
        {t('surveys.results.annualReport')}
      </Button>
    </Flex>
  );
}

// 需求调研 › 调研结果: one wave's figures (responses, response rate, the satisfaction index with its
// formula, NPS), SERVQUAL's dimensions and gaps (weakest first, by segment), the needs summary
// table, and the trend across waves with the target line; the annual report.
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const waves = useWaves();
  const items = waves.data?.items ?? [];
  const waveId = params.get('wave') ?? defaultWave(items)?.id;
  const wave = items.find((item) => item.id === waveId);
  const [by, setBy] = useState<Segmentation | 'none'>('none');
  const segmentation = by === 'none' ? undefined : by;
  const results = useResults(waveId, segmentation);
  const gaps = useGaps(waveId, segmentation);
  const trend = useTrend();
  const data = results.data;
  const years = useMemo(() => {
    // A wave belongs to the year it opened in (the annual report's reading).
    const found = new Set(
      items.filter((item) => item.status !== 'draft').map((item) => Number(item.opensOn.slice(0, 4))),
    );
    return [...found].sort((a, b) => b - a);
  }, [items]);
  const formula = data?.indexFormula || t('surveys.results.indexFormula');
  const hasSatisfaction = (data?.dimensions.length ?? 0) > 0 || data?.satisfactionIndex !== null;

  return (
    <PageContainer
      title={t('surveys.results.title')}
      extra={years.length > 0 ? <AnnualReportButton years={years} /> : null}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 320 }}
            aria-label={t('surveys.results.wave')}
            placeholder={t('surveys.results.chooseWave')}
            loading={waves.isPending}
            value={waveId}
            onChange={(value: string) => setParams({ wave: value }, { replace: true })}
            options={items
              .filter((item) => item.status !== 'draft')
              .map((item) => ({
                value: item.id,
                label: `${item.title} · ${t(`surveys.statuses.${item.status}`)}`,
              }))}
          />
          {wave ? <Tag color={statusColors[wave.status]}>{t(`surveys.statuses.${wave.status}`)}</Tag> : null}
          {wave ? (
            <Typography.Text type="secondary">{format.dateRange(wave.opensOn, wave.closesOn)}</Typography.Text>
          ) : null}
          <Segmented<Segmentation | 'none'>
            aria-label={t('surveys.results.bySegment')}
            value={by}
            onChange={setBy}
            options={[
              { value: 'none', label: t('surveys.results.overall') },
              ...segmentations.map((value) => ({ value, label: t(`surveys.segmentations.${value}`) })),
            ]}
          />
        </Flex>
      </Card>
      {waves.error ? <Alert type="error" showIcon title={describeError(waves.error, t)} /> : null}
      {!waves.isPending && !waveId ? <Empty description={t('surveys.results.noWaves')} /> : null}
      {waveId ? (
        <>
          {results.error ? (
            <Alert type="error" showIcon title={describeError(results.error, t)} style={{ marginBottom: 16 }} />
          ) : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic
                  formatter={(value) => value}
                  title={t('surveys.results.responses')}
                  value={formatCount(data?.responses, format.locale)}
                  loading={results.isPending}
                />
                {data?.sent !== undefined || wave ? (
                  <Typography.Text type="secondary">
                    {t('surveys.results.responsesOf', { sent: formatCount(data?.sent ?? wave?.sent, format.locale) })}
                  </Typography.Text>
                ) : null}
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic
                  formatter={(value) => value}
                  title={t('surveys.results.responseRate')}
                  value={formatRate(data?.responseRate, format.locale)}
                  loading={results.isPending}
                />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small" style={{ height: '100%' }} data-testid="index-card">
                <Statistic
                  formatter={(value) => value}
                  title={t('surveys.results.index')}
                  value={
                    data?.satisfactionIndex === null
                      ? t('surveys.results.notMeasured')
                      : formatIndex(data?.satisfactionIndex, format.locale)
                  }
                  styles={
                    data?.satisfactionIndex !== null && data?.satisfactionIndex !== undefined
                      ? { content: { color: data.satisfactionIndex >= indexTarget ? '#389e0d' : '#d46b08' } }
                      : undefined
                  }
                  suffix={
                    data?.satisfactionIndex !== null && data?.satisfactionIndex !== undefined ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        / 100 · {t('surveys.results.target', { target: trend.data?.target ?? indexTarget })}
                      </Typography.Text>
                    ) : null
                  }
                  loading={results.isPending}
                />
                {data?.satisfactionIndex === null ? null : (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                    {formula}
                  </Typography.Paragraph>
                )}
                {data && data.satisfactionIndex !== null ? (
                  <Flex gap={8} wrap align="center">
                    <WeightsLine weights={data.weights} />
                    {data.kind === 'satisfaction' ? <EditWeightsButton waveId={data.waveId} /> : null}
                  </Flex>
                ) : null}
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small" style={{ height: '100%' }} data-testid="nps-card">
                <Statistic
                  formatter={(value) => value}
                  title={t('surveys.results.nps')}
                  value={data?.nps === null ? t('surveys.results.notMeasured') : formatNps(data?.nps, format.locale)}
                  loading={results.isPending}
                />
                {data?.nps === null ? null : (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                    {t('surveys.results.npsFormula')}
                  </Typography.Paragraph>
                )}
              </Card>
            </Col>
          </Row>
          {segmentation && (data?.segments.length ?? 0) > 0 && data ? (
            <Card size="small" title={t('surveys.results.segmentScores')} style={{ marginBottom: 16 }}>
              <SegmentScores segments={data.segments} />
            </Card>
          ) : null}
          {hasSatisfaction ? (
            <>
              <Card title={t('surveys.results.dimensions')} style={{ marginBottom: 16 }}>
                <Row gutter={24} align="middle">
                  <Col xs={24} xl={12}>
                    <DimensionsChart dimensions={data?.dimensions ?? []} />
                  </Col>
                  <Col xs={24} xl={12}>
                    <Table
                      size="small"
                      rowKey="dimension"
                      pagination={false}
                      dataSource={data?.dimensions ?? []}
                      columns={[
                        {
                          title: t('surveys.results.dimension'),
                          dataIndex: 'dimension',
                          render: (dimension: string) =>
                            isDimension(dimension) ? t(`surveys.dimensions.${dimension}`) : dimension,
                        },
                        {
                          title: t('surveys.results.expectation'),
                          dataIndex: 'expectation',
                          align: 'right',
                          render: (value: number | null) => formatScore(value, format.locale),
                        },
                        {
                          title: t('surveys.results.perception'),
                          dataIndex: 'perception',
                          align: 'right',
                          render: (value: number | null) => formatScore(value, format.locale),
                        },
                        {
                          title: t('surveys.results.gap'),
                          dataIndex: 'gap',
                          align: 'right',
                          render: (value: number | null) => formatGap(value, format.locale),
                        },
                      ]}
                    />
                  </Col>
                </Row>
              </Card>
              <Card title={t('surveys.results.gaps')} style={{ marginBottom: 16 }}>
                {gaps.error ? <Alert type="error" showIcon title={describeError(gaps.error, t)} /> : null}
                <GapTable
                  items={gapRows(gaps.data, segmentation !== undefined)}
                  bySegment={segmentation !== undefined}
                />
              </Card>
            </>
          ) : null}
          {wave?.kind !== 'satisfaction' ? <NeedsPivot waveId={waveId} /> : null}
          <Card title={t('surveys.results.trend')} style={{ marginBottom: 16 }}>
            {trend.error ? <Alert type="error" showIcon title={describeError(trend.error, t)} /> : null}
            <TrendChart trend={trend.data} />
          </Card>
        </>
      ) : null}
    </PageContainer>
  );
}
