import { Alert, Button, Card, Col, Row, Select, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { SupplyChart } from '../../shared/SupplyChart.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type FeedbackSummary, feedbackTopics, summaryExportUrl, useFeedbackSummary } from './consumer-feedback.api.ts';

const topicColours = ['#b8232f', '#1f5fbf', '#f0a020', '#2f9e44', '#8c8c8c'];

// The last twelve months, Beijing time, the latest first ("2026-12" …).
export function recentMonths(now: Date, count = 12): string[] {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const months: string[] = [];
  for (let back = 0; back < count; back += 1) {
    const date = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - back, 1));
    months.push(date.toISOString().slice(0, 7));
  }
  return months;
}

type SummaryRow = FeedbackSummary['rows'][number];

// 信息服务 › 意见月度汇总: the month's feedback by product and topic, for marketing — a stacked
// chart of the busiest products, the table, and the month as .xlsx.
export function FeedbackSummaryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[0]);
  const summary = useFeedbackSummary(month);
  const data = summary.data;
  const noProduct = t('consumerFeedback.noProduct');
  const top = (data?.rows ?? []).slice(0, 10);

  return (
    <PageContainer
      title={t('consumerFeedback.summaryTitle')}
      extra={
        <Button href={summaryExportUrl(month)} target="_blank">
          {t('consumerFeedback.export')}
        </Button>
      }
    >
      <Select
        style={{ width: 160, marginBottom: 16 }}
        aria-label={t('consumerFeedback.month')}
        value={month}
        onChange={setMonth}
        options={months.map((value) => ({ value, label: value }))}
      />
      {summary.error ? <Alert type="error" showIcon title={describeError(summary.error, t)} /> : null}
      <Row gutter={[16, 16]}>
        {(
          [
            ['total', data?.total],
            ['answeredCount', data?.answered],
            ['answeredInTime', data?.answeredInTime],
            ['overdueCount', data?.overdue],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} xl={6} key={key}>
            <Card size="small">
              <Statistic title={t(`consumerFeedback.${key}`)} value={format.number(value ?? 0)} loading={!data} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={16}>
          <Card size="small" title={t('consumerFeedback.byProduct')}>
            <SupplyChart
              height={340}
              option={{
                grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', inverse: true, data: top.map((row) => row.productName ?? noProduct) },
                series: feedbackTopics.map((topic, index) => ({
                  name: t(`consumerFeedback.topics.${topic}`),
                  type: 'bar',
                  stack: 'topics',
                  itemStyle: { color: topicColours[index] },
                  data: top.map((row) => row.counts[topic]),
                })),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('consumerFeedback.byTopic')}>
            <SupplyChart
              height={340}
              option={{
                grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: feedbackTopics.map((topic) => t(`consumerFeedback.topics.${topic}`)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'bar',
                    barMaxWidth: 36,
                    label: { show: true, position: 'top' },
                    data: feedbackTopics.map((topic, index) => ({
                      value: data?.topicTotals[topic] ?? 0,
                      itemStyle: { color: topicColours[index] },
                    })),
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Table<SummaryRow>
            rowKey={(row) => String(row.productId ?? 'none')}
            size="small"
            loading={summary.isFetching}
            dataSource={data?.rows ?? []}
            locale={{ emptyText: t('consumerFeedback.summaryEmpty') }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              {
                title: t('consumerFeedback.columns.product'),
                key: 'product',
                render: (_, row) => row.productName ?? noProduct,
              },
              ...feedbackTopics.map((topic) => ({
                title: t(`consumerFeedback.topics.${topic}`),
                key: topic,
                width: 100,
                align: 'right' as const,
                render: (_: unknown, row: SummaryRow) => format.number(row.counts[topic]),
              })),
              {
                title: t('consumerFeedback.totalColumn'),
                key: 'total',
                width: 100,
                align: 'right' as const,
                render: (_, row) => <strong>{format.number(row.total)}</strong>,
              },
            ]}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
