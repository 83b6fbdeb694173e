import { Alert, Card, Col, DatePicker, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { SupplyChart } from '../../shared/SupplyChart.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { RetailSources } from './components/RetailSources.tsx';
import { type MarginGroupBy, type MarginRow, marginGroupings, useMargin } from './prices.api.ts';
import { formatAmount, formatPercent, formatPoints } from './prices-format.ts';

const changeColor = (change: number | null) =>
  change === null || change === 0 ? undefined : change > 0 ? '#389e0d' : '#cf1322';

// A margin beside last year's and the change, red when it fell.
function Change({ change }: { change: number | null }) {
  const format = useFormat();
  return (
    <Typography.Text
      type={change !== null && change < 0 ? 'danger' : change !== null && change > 0 ? 'success' : undefined}
    >
      {formatPoints(change, format.locale)}
    </Typography.Text>
  );
}

// 价格监管 › 零售毛利: the stores' gross margin Σ(retail − wholesale)×cartons ÷ Σ retail×cartons,
// by branch, class, district or week, year to date by default, beside the same weeks last year;
// each row says which retail price applied (own observation, district mean, suggested).
export function MarginPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<Exclude<MarginGroupBy, 'none'>>('branch');
  // Until a range is picked, the server's default: 1 January to its today (its clock, not the
  // browser's); the picker shows the range the answer covers.
  const [range, setRange] = useState<{ from: string; to: string }>();
  const margin = useMargin({ groupBy, ...range });
  const shown = range ?? margin.data;
  const total = margin.data?.total;
  const rows = margin.data?.rows ?? [];
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(value * 10_000) / 100;

  return (
    <PageContainer title={t('prices.margin.title')}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('prices.indexPage.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as typeof groupBy)}
          options={marginGroupings.map((value) => ({ value, label: t(`prices.groupings.${value}`) }))}
        />
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('prices.margin.from')}
          value={shown ? [dayjs(shown.from), dayjs(shown.to)] : null}
          onChange={(values) => {
            const [from, to] = values ?? [];
            if (from && to) setRange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
      </Flex>
      {margin.error ? <Alert type="error" showIcon title={describeError(margin.error, t)} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title={t('prices.margin.ytd')} value={formatPercent(total?.margin, format.locale)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('prices.margin.lastYear')}
              value={formatPercent(total?.lastYear?.margin, format.locale)}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('prices.margin.change')}
              value={formatPoints(total?.change, format.locale)}
              styles={{ content: { color: changeColor(total?.change ?? null) } }}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('prices.margin.grossProfit')}
              value={total ? formatAmount(total.retailAmount - total.wholesaleAmount, format.locale) : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('prices.margin.help')}</Typography.Paragraph>
        {groupBy === 'week' && rows.length > 0 ? (
          <SupplyChart
            height={240}
            option={{
              grid: { left: 48, right: 16, top: 32, bottom: 28 },
              legend: { top: 0 },
              tooltip: {
                trigger: 'axis',
                valueFormatter: (value: number | null) => (value === null ? '—' : `${value}%`),
              },
              xAxis: { type: 'category', data: rows.map((row) => format.cycleWeekShort(row.label)) },
              yAxis: { type: 'value', scale: true, axisLabel: { formatter: '{value}%' } },
              series: [
                {
                  name: t('prices.margin.margin'),
                  type: 'line',
                  data: rows.map((row) => percent(row.margin)),
                  itemStyle: { color: '#1f5fbf' },
                },
                {
                  name: t('prices.margin.lastYear'),
                  type: 'line',
                  data: rows.map((row) => percent(row.lastYear?.margin)),
                  lineStyle: { type: 'dashed' },
                  itemStyle: { color: '#bfbfbf' },
                },
              ],
            }}
          />
        ) : null}
        <Table<MarginRow>
          rowKey="key"
          size="middle"
          loading={margin.isFetching}
          dataSource={rows}
          locale={{ emptyText: t('prices.margin.empty') }}
          pagination={{ pageSize: 60, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1100 }}
          summary={() =>
            total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('prices.groupings.none')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatAmount(total.retailAmount, format.locale)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatAmount(total.wholesaleAmount, format.locale)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text strong>{formatPercent(total.margin, format.locale)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatPercent(total.lastYear?.margin, format.locale)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Change change={total.change} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6}>
                  <RetailSources sources={total.sources} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            {
              title: t(`prices.groupings.${groupBy}`),
              dataIndex: 'label',
              width: 180,
              render: (label: string) => (groupBy === 'week' ? `${label} · ${format.cycleWeekShort(label)}` : label),
            },
            {
              title: t('prices.margin.retailAmount'),
              dataIndex: 'retailAmount',
              align: 'right',
              render: (value: number) => formatAmount(value, format.locale),
            },
            {
              title: t('prices.margin.wholesaleAmount'),
              dataIndex: 'wholesaleAmount',
              align: 'right',
              render: (value: number) => formatAmount(value, format.locale),
            },
            {
              title: t('prices.margin.margin'),
              dataIndex: 'margin',
              align: 'right',
              render: (value: number | null) => formatPercent(value, format.locale),
            },
            {
              title: t('prices.margin.lastYear'),
              key: 'lastYear',
              align: 'right',
              render: (_, row) => formatPercent(row.lastYear?.margin, format.locale),
            },
            {
              title: t('prices.margin.yoy'),
              dataIndex: 'change',
              align: 'right',
              render: (value: number | null) => <Change change={value} />,
            },
            {
              title: t('prices.margin.retailSource'),
              dataIndex: 'sources',
              width: 260,
              render: (sources: MarginRow['sources']) => <RetailSources sources={sources} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
