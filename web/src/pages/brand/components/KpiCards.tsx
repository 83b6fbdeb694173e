import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { Goals, KpiDefinition, KpiName, KpiRow, StoreStatus } from '../brand.api.ts';
import { formatCount, formatRate, formatRatio, isInBand, progressOf } from '../brand-format.ts';

// What a KPI's definition says, in the user's language, for the tooltip beside its figure.
export function DefinitionTip({ definition }: { definition: KpiDefinition | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!definition) return null;
  const isChinese = format.locale === 'zh-CN';
  return (
    <Tooltip
      title={
        <div>
          <div>
            <strong>{isChinese ? definition.name.zh : definition.name.en}</strong>
          </div>
          <div>{isChinese ? definition.formula.zh : definition.formula.en}</div>
          <div style={{ opacity: 0.75 }}>{t('brand.detail.definition', { version: definition.version })}</div>
        </div>
      }
    >
      <InfoCircleOutlined
        aria-label={isChinese ? definition.formula.zh : definition.formula.en}
        style={{ color: '#8c8c8c', cursor: 'help' }}
      />
    </Tooltip>
  );
}

type KpiCard = {
  kpi: KpiName;
  value: string;
  goal: ReactNode;
  progress?: ReactNode;
  counts: ReactNode;
  links?: ReactNode;
};

// The programme's figures (the overall row of its KPIs), each with its goal, how far toward it,
// the counts it comes from, and its definition; a count or a status opens the stores behind it.
export function KpiCards({
  row,
  goals,
  definitions,
  onOpenStores,
}: {
  row: KpiRow;
  goals: Goals;
  definitions: KpiDefinition[];
  onOpenStores: (status: StoreStatus) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (value: number) => formatCount(value, format.locale);
  const rate = (value: number | null | undefined) => formatRate(value, format.locale);
  const storeLink = (status: StoreStatus, stores: number, label?: ReactNode) => (
    <Button
      type="link"
      size="small"
      style={{ paddingInline: 0, height: 'auto', alignSelf: 'flex-start' }}
      data-testid={`kpi-stores-${status}`}
      onClick={() => onOpenStores(status)}
    >
      {label ?? `${t(`brand.storeStatuses.${status}`)} ${t('brand.stores', { stores: count(stores) })}`}
    </Button>
  );
  const goalOf = (goal: number | undefined) =>
    goal === undefined ? t('brand.detail.noGoal') : t('brand.detail.goal', { value: rate(goal) });
  const progressText = (actual: number | null, goal: number | undefined) => {
    const progress = progressOf(actual, goal);
    if (progress === null) return undefined;
    return (
      <Typography.Text type={progress >= 1 ? 'success' : 'warning'}>
        {t('brand.detail.progress', { value: rate(progress) })}
      </Typography.Text>
    );
  };
  const band = goals.stockToSales;
  const inBand = isInBand(row.stockToSalesRatio, band);

  const cards: KpiCard[] = [
    {
      kpi: 'shelvingRate',
      value: rate(row.shelvingRate),
      goal: goalOf(goals.shelvingRate),
      progress: progressText(row.shelvingRate, goals.shelvingRate),
      counts: storeLink(
        'shelved',
        row.stockedStores,
        t('brand.fraction', { part: count(row.stockedStores), whole: count(row.targetStores) }),
      ),
      links: storeLink('not_shelved', Math.max(0, row.targetStores - row.stockedStores)),
    },
    {
      kpi: 'shelvingRateObserved',
      value: rate(row.shelvingRateObserved),
      goal: goalOf(goals.shelvingRate),
      progress: progressText(row.shelvingRateObserved, goals.shelvingRate),
      counts: t('brand.fraction', { part: count(row.stockedStoresObserved), whole: count(row.targetStores) }),
    },
    {
      kpi: 'sellThroughRate',
      value: rate(row.sellThroughRate),
      goal: goalOf(goals.sellThroughRate),
      progress: progressText(row.sellThroughRate, goals.sellThroughRate),
      counts: t('brand.fraction', { part: count(row.reorderedStores), whole: count(row.stockedStores) }),
      links: storeLink('not_reordered', Math.max(0, row.stockedStores - row.reorderedStores)),
    },
    {
      kpi: 'repeatRate',
      value: rate(row.repeatRate),
      goal: t('brand.detail.noGoal'),
      counts: t('brand.fraction', { part: count(row.repeatStores), whole: count(row.repeatBase) }),
    },
    {
      kpi: 'quotaFill',
      value: rate(row.quotaFill),
      goal: t('brand.detail.noGoal'),
      counts: t('brand.detail.cartons', { part: count(row.orderedCartons), whole: count(row.allocatedCartons) }),
    },
    {
      kpi: 'fullLineRate',
      value: rate(row.fullLineRate),
      goal: t('brand.detail.noGoal'),
      counts: t('brand.detail.lines', { part: count(row.fullLines), whole: count(row.orderedLines) }),
    },
    {
      kpi: 'stockToSalesRatio',
      value: formatRatio(row.stockToSalesRatio, format.locale),
      goal: band
        ? t('brand.detail.band', {
            min: formatRatio(band.min, format.locale),
            max: formatRatio(band.max, format.locale),
          })
        : t('brand.detail.noGoal'),
      progress:
        inBand === null ? undefined : (
          <Tag color={inBand ? 'success' : 'warning'}>
            {inBand ? t('brand.detail.inBand') : t('brand.detail.outOfBand')}
          </Tag>
        ),
      counts: t('brand.detail.stockCounts', { stock: count(row.stockCartons), weekly: count(row.weeklySalesCartons) }),
      links: (
        <Flex gap={8} wrap>
          {storeLink('over_stock', row.overStockStores)}
          {storeLink('out_of_stock', row.outOfStockStores)}
        </Flex>
      ),
    },
  ];

  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.kpi} xs={24} sm={12} lg={6}>
          <Card size="small" data-testid={`kpi-card-${card.kpi}`} style={{ height: '100%' }}>
            <Statistic
              title={
                <Flex gap={6} align="center">
                  {t(`brand.kpis.${card.kpi}`)}
                  <DefinitionTip definition={definitions.find((definition) => definition.kpi === card.kpi)} />
                </Flex>
              }
              value={card.value}
              // Already formatted (Intl): Statistic would split 1.8 into 1 and .8.
              formatter={() => card.value}
            />
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              <Flex gap={8} wrap>
                <Typography.Text type="secondary">{card.goal}</Typography.Text>
                {card.progress}
              </Flex>
              <Typography.Text data-testid={`kpi-counts-${card.kpi}`}>{card.counts}</Typography.Text>
              {card.links}
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
