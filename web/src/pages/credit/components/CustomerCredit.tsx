import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../../shared/auth/SignedInUser.tsx';
import { formatMonth, formatPoints, formatScore } from '../../../shared/credit-format.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  type HistoryEntry,
  type IndicatorValue,
  indicatorUnit,
  type LedgerItem,
  ledgerTotal,
  useCustomerCredit,
} from '../credit.api.ts';
import { appealStatusColours, DueText } from './AppealDue.tsx';
import { DisputedItem } from './DisputedItem.tsx';
import { IndicatorLabel } from './IndicatorLabel.tsx';
import { LevelTag } from './LevelTag.tsx';
import { SourceLink } from './SourceLink.tsx';

const appealReaders: readonly string[] = ['admin', 'marketing', 'inspector'];

// An indicator's value as it reads: a rate as a percentage, tenure in months, a count.
export function IndicatorValueText({ indicator }: { indicator: IndicatorValue }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (indicator.value === null) return <>—</>;
  const unit = indicatorUnit(indicator.indicator);
  if (unit === 'percent')
    return <>{format.number(indicator.value / 100, { style: 'percent', maximumFractionDigits: 1 })}</>;
  if (unit === 'months') return <>{t('credit.customer.monthsValue', { count: indicator.value })}</>;
  return <>{format.number(indicator.value)}</>;
}

// The 360° view's 信用 tab: the level and score in force, the ledger (base + every item with the
// event it comes from, reconciling to the score), caps, indicators, the monthly history and the appeal.
export function CustomerCredit({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useSignedInUser();
  const credit = useCustomerCredit(customerId);
  if (credit.isPending) return <Skeleton active />;
  if (credit.error) return <Alert type="error" showIcon title={describeError(credit.error, t)} />;
  const data = credit.data;
  if (data.level === null || data.score === null) return <Empty description={t('credit.customer.none')} />;
  const sum = ledgerTotal(0, data.items);

  return (
    <Flex vertical gap={16} data-testid="customer-credit">
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'level', label: t('credit.stores.level'), children: <LevelTag level={data.level} /> },
            { key: 'score', label: t('credit.score'), children: formatScore(data.score, format.locale) },
            { key: 'effective', label: t('credit.effectiveFrom'), children: format.day(data.effectiveFrom) },
            ...(data.activity !== null && data.activity !== undefined
              ? [
                  {
                    key: 'activity',
                    label: t('credit.activity'),
                    children: t('credit.activityValue', { value: data.activity }),
                  },
                ]
              : []),
          ]}
        />
        {data.caps.length > 0 ? (
          <Space wrap style={{ marginTop: 8 }}>
            <Typography.Text strong>{t('credit.customer.caps')}</Typography.Text>
            {data.caps.map((cap) => (
              <Tag key={cap.rule} color="orange">
                {t('credit.customer.capValue', { rule: cap.label, level: cap.capLevel })}
              </Tag>
            ))}
          </Space>
        ) : null}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('credit.customer.ledger')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('credit.customer.ledgerHelp', {
                base: formatScore(data.base ?? 0, format.locale),
                sum: formatPoints(sum, format.locale),
                score: formatScore(data.score, format.locale),
              })}
            </Typography.Paragraph>
            <Table<LedgerItem & { index: number }>
              size="small"
              rowKey="index"
              pagination={data.items.length > 15 ? { pageSize: 15, size: 'small' } : false}
              dataSource={data.items.map((item, index) => ({ ...item, index }))}
              locale={{ emptyText: t('credit.customer.noItems') }}
              columns={[
                {
                  title: t('credit.customer.item'),
                  dataIndex: 'label',
                  render: (label: string, item) => (
                    <Space size={4}>
                      {label}
                      {item.frozen ? <Tag color="purple">{t('credit.customer.frozen')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t('credit.customer.source'),
                  key: 'source',
                  render: (_: unknown, item) => <SourceLink source={item.source} />,
                },
                {
                  title: t('credit.customer.at'),
                  key: 'at',
                  width: 110,
                  render: (_: unknown, item) =>
                    item.source.at && item.source.at.length === 10
                      ? format.day(item.source.at)
                      : format.date(item.source.at),
                },
                {
                  title: t('credit.points'),
                  dataIndex: 'points',
                  width: 80,
                  align: 'right',
                  render: (points: number) => (
                    <Typography.Text type={points < 0 ? 'danger' : 'success'} delete={false}>
                      {formatPoints(points, format.locale)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {data.indicators && data.indicators.length > 0 ? (
              <Card size="small" title={t('credit.customer.indicators')}>
                <Table<IndicatorValue>
                  size="small"
                  rowKey="indicator"
                  pagination={false}
                  dataSource={data.indicators}
                  columns={[
                    {
                      title: t('credit.customer.indicator'),
                      dataIndex: 'indicator',
                      render: (indicator: string, row) => <IndicatorLabel indicator={indicator} label={row.label} />,
                    },
                    {
                      title: t('credit.customer.value'),
                      key: 'value',
                      align: 'right',
                      render: (_: unknown, row) => <IndicatorValueText indicator={row} />,
                    },
                    {
                      title: t('credit.points'),
                      dataIndex: 'points',
                      align: 'right',
                      render: (points: number) => formatPoints(points, format.locale),
                    },
                  ]}
                />
              </Card>
            ) : null}
            <Card size="small" title={t('credit.customer.history')}>
              <Table<HistoryEntry>
                size="small"
                rowKey="month"
                pagination={data.history.length > 12 ? { pageSize: 12, size: 'small' } : false}
                dataSource={[...data.history].sort((a, b) => b.month.localeCompare(a.month))}
                columns={[
                  {
                    title: t('credit.month'),
                    dataIndex: 'month',
                    render: (month: string) => formatMonth(month, format.locale),
                  },
                  {
                    title: t('credit.stores.level'),
                    dataIndex: 'level',
                    render: (level) => <LevelTag level={level} />,
                  },
                  {
                    title: t('credit.score'),
                    dataIndex: 'score',
                    align: 'right',
                    render: (score: number) => formatScore(score, format.locale),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('credit.customer.appeal')}>
              {data.appeal ? (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'item',
                      label: t('credit.appeals.disputed'),
                      children: (
                        <DisputedItem
                          appeal={{
                            ...data.appeal,
                            item: data.items.find((item) => item.key === data.appeal?.itemKey),
                          }}
                        />
                      ),
                    },
                    {
                      key: 'status',
                      label: t('credit.models.status'),
                      children: (
                        <Tag color={appealStatusColours[data.appeal.status]}>
                          {t(`credit.appealStatuses.${data.appeal.status}`)}
                        </Tag>
                      ),
                    },
                    { key: 'due', label: t('credit.appeals.dueOn'), children: <DueText appeal={data.appeal} /> },
                    { key: 'reason', label: t('credit.appeals.reason'), children: data.appeal.reason },
                    ...(data.appeal.note
                      ? [{ key: 'note', label: t('credit.appeals.note'), children: data.appeal.note }]
                      : []),
                    ...(appealReaders.includes(role)
                      ? [
                          {
                            key: 'link',
                            label: '',
                            children: (
                              <Link to={`/credit/appeals/${data.appeal.id}`}>{t('credit.customer.viewAppeal')}</Link>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('credit.customer.noAppeal')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
