import { Alert, Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import * as echartsReactModule from 'echarts-for-react/esm/core.js';
import type { EChartsReactProps } from 'echarts-for-react/esm/types.js';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { interopDefault } from '../../shared/interop-default.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { type TicketAnalysis, useTicketAnalysis } from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { percent } from './ticket-format.tsx';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const Chart = interopDefault<ComponentType<EChartsReactProps>>(
  echartsReactModule,
  (value) => typeof value === 'function',
);

// 投诉分析: the last year's volume, categories, weeks, district hot spots, SLA compliance per
// handler, handling time and satisfaction; exportable as .xlsx.
export function TicketAnalysisPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const analysis = useTicketAnalysis({});
  if (analysis.isPending) return <FullPageSpin />;
  if (analysis.error) return <Alert type="error" showIcon title={describeError(analysis.error, t)} />;
  return (
    <PageContainer
      title={`${t('tickets.analysisTitle')}（${format.dateRange(analysis.data.from, analysis.data.to)}）`}
      extra={
        <Button href="/api/v1/tickets-analysis/export" target="_blank">
          {t('tickets.analysis.export')}
        </Button>
      }
    >
      <AnalysisView data={analysis.data} />
    </PageContainer>
  );
}

function AnalysisView({ data }: { data: TicketAnalysis }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = data.byCategory;
  const districts = [...new Set(data.hotSpots.map((row) => row.district))];
  const builtIn = useBuiltInName();
  const categoryNames = categories.map((row) => builtIn(row.label));
  const maxSpot = Math.max(1, ...data.hotSpots.map((row) => row.count));
  return (
    <Row gutter={[16, 16]}>
      {[
        ['total', format.number(data.total)],
        ['per1000', format.number(data.per1000Stores)],
        ['median', format.number(data.handlingHours.median)],
        ['p90', format.number(data.handlingHours.p90)],
        ['average', format.number(data.satisfaction.average)],
        [
          'satisfaction',
          data.satisfaction.satisfiedShare === null ? '—' : `${format.number(data.satisfaction.satisfiedShare * 100)}%`,
        ],
      ].map(([key, value]) => (
        <Col xs={12} md={8} xl={4} key={key}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t(`tickets.analysis.${key}` as 'tickets.analysis.total')} value={value} />
            {key === 'per1000' ? (
              // What the figure divides: the same complaints and stores as the branch table's total.
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="per1000-basis">
                {t('tickets.analysis.per1000Basis', {
                  complaints: format.number(data.complaints),
                  stores: format.number(data.stores),
                })}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={12}>
        <Card size="small" title={t('tickets.analysis.byCategory')}>
          <Chart
            echarts={echarts}
            notMerge
            style={{ height: 320 }}
            option={{
              grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: categoryNames },
              series: [
                {
                  type: 'bar',
                  data: categories.map((row) => row.count),
                  itemStyle: { color: '#b8232f' },
                  label: { show: true, position: 'right' },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('tickets.analysis.byWeek')}>
          <Chart
            echarts={echarts}
            notMerge
            style={{ height: 320 }}
            option={{
              grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: data.byWeek.map((row) => format.day(row.week)) },
              yAxis: { type: 'value', minInterval: 1 },
              // Bars: every week of the period is on the axis (a quiet one as 0), evenly spaced.
              series: [{ type: 'bar', barMaxWidth: 12, data: data.byWeek.map((row) => row.count) }],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('tickets.analysis.hotSpots')}>
          <Chart
            echarts={echarts}
            notMerge
            style={{ height: 360 }}
            option={{
              grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
              tooltip: { position: 'top' },
              xAxis: { type: 'category', data: categoryNames, axisLabel: { rotate: 40 } },
              yAxis: { type: 'category', data: districts },
              visualMap: {
                min: 0,
                max: maxSpot,
                calculable: true,
                orient: 'horizontal',
                left: 'center',
                bottom: 0,
                itemHeight: 80,
              },
              series: [
                {
                  type: 'heatmap',
                  data: data.hotSpots.map((row) => [
                    categoryNames.indexOf(builtIn(row.category)),
                    districts.indexOf(row.district),
                    row.count,
                  ]),
                  label: { show: true },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('tickets.analysis.byBranch')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={data.byBranch}
            columns={[
              { title: t('tickets.branch'), dataIndex: 'label' },
              {
                title: t('tickets.analysis.complaintsCount'),
                dataIndex: 'count',
                align: 'right',
                render: (value: number) => format.number(value),
              },
              {
                title: t('tickets.analysis.activeStores'),
                dataIndex: 'stores',
                align: 'right',
                render: (value: number) => format.number(value),
              },
              {
                title: t('tickets.analysis.per1000'),
                dataIndex: 'per1000Stores',
                align: 'right',
                render: (value: number) => format.number(value),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('tickets.analysis.branchTotal')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {format.number(data.complaints)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {format.number(data.stores)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {format.number(data.per1000Stores)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tickets.analysis.byBranchHelp')}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('tickets.analysis.slaCompliance')}>
          <Table
            rowKey={(row) => String(row.handlerId)}
            size="small"
            pagination={{ pageSize: 10, showSizeChanger: false }}
            dataSource={data.slaByHandler}
            columns={[
              { title: t('tickets.columns.assignee'), dataIndex: 'handler' },
              { title: t('tickets.analysis.team'), dataIndex: 'team' },
              {
                title: t('tickets.analysis.tickets'),
                dataIndex: 'tickets',
                render: (value: number) => format.number(value),
              },
              {
                title: t('tickets.analysis.firstResponseRate'),
                render: (_, row) => percent(row.firstResponseMet, row.firstResponseDecided),
              },
              {
                title: t('tickets.analysis.resolutionRate'),
                render: (_, row) => percent(row.resolutionMet, row.resolutionDecided),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
