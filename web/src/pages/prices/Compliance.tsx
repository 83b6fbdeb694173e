import { Alert, Card, DatePicker, Flex, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type ComplianceGrouping,
  type ComplianceRow,
  complianceGroupings,
  type RepeatFailure,
  useCompliance,
  useRepeatFailures,
} from './prices.api.ts';
import { formatCount, formatPercent } from './prices-format.ts';

// 价格监管 › 明码标价: the share of visits that found prices clearly marked, by branch, manager,
// class or week, and the stores whose latest two visits both found them not marked.
export function CompliancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<Exclude<ComplianceGrouping, 'none'>>('branch');
  // Until a range is picked, the server's default: the 13 weeks up to its today (its clock, not the
  // browser's); the picker shows the range the answer covers.
  const [range, setRange] = useState<{ from: string; to: string }>();
  const compliance = useCompliance({ groupBy, ...range });
  const shown = range ?? compliance.data;
  const failures = useRepeatFailures();
  const total = compliance.data?.total;

  return (
    <PageContainer title={t('prices.compliance.title')}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('prices.indexPage.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as typeof groupBy)}
          options={complianceGroupings.map((value) => ({ value, label: t(`prices.groupings.${value}`) }))}
        />
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('prices.compliance.from')}
          value={shown ? [dayjs(shown.from), dayjs(shown.to)] : null}
          onChange={(values) => {
            const [from, to] = values ?? [];
            if (from && to) setRange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
      </Flex>
      {compliance.error ? <Alert type="error" showIcon title={describeError(compliance.error, t)} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={48} wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('prices.compliance.rate')} value={formatPercent(total?.share, format.locale)} />
          <Statistic title={t('prices.compliance.visits')} value={formatCount(total?.visits, format.locale)} />
          <Statistic title={t('prices.compliance.marked')} value={formatCount(total?.marked, format.locale)} />
          <Statistic
            title={t('prices.compliance.failingTitle')}
            value={formatCount(total?.failedStores, format.locale)}
          />
        </Flex>
        <Typography.Paragraph type="secondary">{t('prices.compliance.help')}</Typography.Paragraph>
        <Table<ComplianceRow>
          rowKey="key"
          size="middle"
          loading={compliance.isFetching}
          dataSource={compliance.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: t(`prices.groupings.${groupBy}`),
              dataIndex: 'label',
              render: (label: string) => (groupBy === 'week' ? format.cycleWeekShort(label) : label),
            },
            {
              title: t('prices.compliance.visits'),
              dataIndex: 'visits',
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
            {
              title: t('prices.compliance.marked'),
              dataIndex: 'marked',
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
            {
              title: t('prices.compliance.rate'),
              dataIndex: 'share',
              align: 'right',
              sorter: (a, b) => (a.share ?? -1) - (b.share ?? -1),
              render: (value: number | null) => (
                <Typography.Text type={value !== null && value < 0.9 ? 'danger' : undefined}>
                  {formatPercent(value, format.locale)}
                </Typography.Text>
              ),
            },
            {
              title: t('prices.compliance.failingStores'),
              dataIndex: 'failedStores',
              align: 'right',
              render: (value: number) => formatCount(value, format.locale),
            },
          ]}
        />
      </Card>
      <Card title={t('prices.compliance.failingTitle')}>
        {failures.error ? <Alert type="error" showIcon title={describeError(failures.error, t)} /> : null}
        <Table<RepeatFailure>
          rowKey="customerId"
          size="small"
          loading={failures.isFetching}
          dataSource={failures.data?.items ?? []}
          locale={{ emptyText: t('prices.compliance.failingEmpty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: t('prices.compliance.store'),
              key: 'store',
              render: (_, row) => (
                <Flex vertical>
                  <Link to={`/customers/${row.customerId}?tab=prices`}>{row.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.licenceNo}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('prices.groupings.branch'), dataIndex: 'branchName' },
            { title: t('prices.compliance.manager'), dataIndex: 'managerName' },
            {
              title: t('prices.compliance.lastVisits'),
              key: 'visits',
              render: (_, row) => row.visits.map((visit) => format.date(visit.checkInAt)).join('、'),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
