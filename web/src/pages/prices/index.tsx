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
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexGrouping as ServerIndexGrouping } from '../../../../server/src/modules/prices/prices.contract.ts';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useUrlParams } from '../../shared/url-view.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { HeatTable } from './components/HeatTable.tsx';
import { IndexTag } from './components/IndexTag.tsx';
import { IndexTrendChart } from './components/IndexTrendChart.tsx';
import { ObservationsDrawer } from './components/ObservationsDrawer.tsx';
import {
  type IndexGrouping,
  type IndexRow,
  type IndexSubject,
  indexGroupings,
  type ObservationsQuery,
  useActiveProducts,
  useHeat,
  usePriceIndex,
  usePriceTrend,
} from './prices.api.ts';
import { classNumeral, formatCount, formatYuan, shiftWeek } from './prices-format.ts';

const subjectKinds = ['product', 'brand', 'priceClass', 'city'] as const;

// What an index subject narrows the observations to.
function observationFilterOf(subject: IndexSubject): ObservationsQuery {
  if (subject.kind === 'product') return { productId: subject.productId };
  if (subject.kind === 'brand') return { brand: subject.brand };
  if (subject.kind === 'priceClass') return { priceClass: subject.priceClass };
  return {};
}

// What a row of the index (its key under a grouping — the page's or any other the server answers)
// narrows the observations to.
export function rowFilterOf(groupBy: IndexGrouping | ServerIndexGrouping, key: string): ObservationsQuery {
  switch (groupBy) {
    case 'none':
      return {};
    case 'branch':
      return { branchId: key === 'none' ? 'none' : Number(key) };
    case 'district':
      return { districtCode: key };
    case 'format':
      return { format: key };
    case 'urban_rural':
      return { urbanRural: key };
    case 'brand':
      return { brand: key };
    case 'price_class':
      return { priceClass: Number(key) };
    case 'product':
      return { productId: Number(key) };
  }
}
type SubjectKind = (typeof subjectKinds)[number];
const priceClasses = [1, 2, 3, 4, 5];

// The page's choice lives in the address (?subject=product&productId=…&week=…&groupBy=…), so a
// warning links to the figure it is about and a reload keeps it. No week: the server's current week
// (the index answers which), not the browser's clock.
function useChoice() {
  const { params, set: setParams } = useUrlParams();
  const kind = (subjectKinds as readonly string[]).includes(params.get('subject') ?? '')
    ? (params.get('subject') as SubjectKind)
    : 'product';
  const week = /^\d{4}-W\d{2}$/.test(params.get('week') ?? '') ? (params.get('week') as string) : undefined;
  const groupBy = (indexGroupings as readonly string[]).includes(params.get('groupBy') ?? '')
    ? (params.get('groupBy') as IndexGrouping)
    : 'branch';
  const productId = Number(params.get('productId')) || 0;
  const brand = params.get('brand') ?? '';
  const priceClass = Number(params.get('priceClass')) || 0;
  const set = (patch: Record<string, string | number | undefined>) =>
    setParams(Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, value === 0 ? undefined : value])));
  return { kind, week, groupBy, productId, brand, priceClass, set };
}

// 价格监管 › 价格指数: this week's index of a product, a brand, a price class or the city, by
// branch or district, with the observations behind each figure; for a brand, a class and the city
// the volume-weighted index beside the simple one; the trend over 13 weeks; the district tiles.
export function PriceIndexPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const choice = useChoice();
  const can = useCan();
  const canDrill = can('GET /api/v1/prices/observations');
  const products = useActiveProducts();
  const items = products.data?.items ?? [];
  const productId = choice.productId || items[0]?.id || 0;
  const brands = useMemo(() => [...new Set(items.map((product) => product.brand))].sort(), [items]);
  const brand = choice.brand || brands[0] || '';
  const priceClass = choice.priceClass || 1;

  const subject: IndexSubject =
    choice.kind === 'product'
      ? { kind: 'product', productId }
      : choice.kind === 'brand'
        ? { kind: 'brand', brand }
        : choice.kind === 'priceClass'
          ? { kind: 'priceClass', priceClass }
          : { kind: 'city' };
  const isAggregate = choice.kind !== 'product';
  const index = usePriceIndex(subject, choice.week, choice.groupBy);
  // The server's week now, from its last answer; the week shown: the one chosen, else that.
  const [serverWeek, setServerWeek] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (index.data?.currentWeek) setServerWeek(index.data.currentWeek);
  }, [index.data?.currentWeek]);
  const week = choice.week ?? serverWeek;
  const trend = usePriceTrend(subject, week);
  const heat = useHeat(week);
  const [drilled, setDrilled] = useState<{ title: string; query: ObservationsQuery } | null>(null);

  const subjectName =
    choice.kind === 'product'
      ? (items.find((product) => product.id === productId)?.name ?? '')
      : choice.kind === 'brand'
        ? brand
        : choice.kind === 'priceClass'
          ? t('prices.priceClass', { class: classNumeral(priceClass, format.locale) })
          : t('prices.groupings.none');

  // The observations behind a figure, asked of the server with the cell's filters (the week, the
  // subject, the row's key) and counted=true: exactly the ones its `observations` counts.
  const drillInto = (row: IndexRow): ObservationsQuery => ({
    week: index.data?.week ?? week,
    counted: 'true',
    ...observationFilterOf(subject),
    ...rowFilterOf(choice.groupBy, row.key),
  });

  const weeks = serverWeek ? Array.from({ length: 26 }, (_, back) => shiftWeek(serverWeek, -back)) : [];

  const columns: TableColumnsType<IndexRow> = [
    { title: t('prices.indexPage.region'), dataIndex: 'label', width: 180 },
    {
      title: t('prices.observations'),
      dataIndex: 'observations',
      align: 'right',
      width: 110,
      render: (count: number, row) =>
        count > 0 && canDrill ? (
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            aria-label={`${t('prices.indexPage.showObservations')} ${row.label}`}
            data-action="GET /api/v1/prices/observations"
            onClick={() =>
              setDrilled({
                title: t('prices.indexPage.observationsTitle', { label: `${subjectName} · ${row.label}` }),
                query: drillInto(row),
              })
            }
          >
            {formatCount(count, format.locale)}
          </Button>
        ) : (
          formatCount(count, format.locale)
        ),
    },
    {
      title: t('prices.meanPackPrice'),
      dataIndex: 'meanPackPrice',
      align: 'right',
      width: 150,
      render: (value: number | null) => formatYuan(value, format.locale),
    },
    {
      title: t('prices.suggestedPackPrice'),
      dataIndex: 'suggestedPackPrice',
      align: 'right',
      width: 150,
      render: (value: number | null) => formatYuan(value, format.locale),
    },
    ...(isAggregate
      ? [
          {
            title: t('prices.weightedIndex'),
            key: 'weightedIndex',
            align: 'right' as const,
            width: 120,
            render: (_: unknown, row: IndexRow) => <IndexTag index={row.weightedIndex} />,
          },
          {
            title: t('prices.simpleIndex'),
            key: 'simpleIndex',
            align: 'right' as const,
            width: 120,
            render: (_: unknown, row: IndexRow) => <IndexTag index={row.simpleIndex} />,
          },
        ]
      : [
          {
            title: t('prices.index'),
            dataIndex: 'index',
            align: 'right' as const,
            width: 120,
            render: (value: number | null) => <IndexTag index={value} />,
          },
        ]),
  ];

  return (
    <PageContainer title={t('prices.indexPage.title')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented
            aria-label={t('prices.indexPage.subject')}
            value={choice.kind}
            onChange={(value) => choice.set({ subject: value === 'product' ? undefined : value })}
            options={subjectKinds.map((kind) => ({ value: kind, label: t(`prices.indexPage.subjects.${kind}`) }))}
          />
          {choice.kind === 'product' ? (
            <Select
              showSearch
              style={{ width: 240 }}
              aria-label={t('prices.indexPage.product')}
              placeholder={t('prices.indexPage.chooseProduct')}
              loading={products.isPending}
              value={productId || undefined}
              onChange={(value: number) => choice.set({ productId: value })}
              optionFilterProp="label"
              options={items.map((product) => ({ value: product.id, label: product.name }))}
            />
          ) : null}
          {choice.kind === 'brand' ? (
            <Select
              showSearch
              style={{ width: 200 }}
              aria-label={t('prices.indexPage.brand')}
              placeholder={t('prices.indexPage.chooseBrand')}
              value={brand || undefined}
              onChange={(value: string) => choice.set({ brand: value })}
              options={brands.map((name) => ({ value: name, label: name }))}
            />
          ) : null}
          {choice.kind === 'priceClass' ? (
            <Select
              style={{ width: 120 }}
              aria-label={t('prices.indexPage.priceClassLabel')}
              value={priceClass}
              onChange={(value: number) => choice.set({ priceClass: value })}
              options={priceClasses.map((value) => ({
                value,
                label: t('prices.priceClass', { class: classNumeral(value, format.locale) }),
              }))}
            />
          ) : null}
          <Select
            style={{ width: 260 }}
            aria-label={t('prices.week')}
            value={week}
            loading={week === undefined}
            onChange={(value: string) => choice.set({ week: value === serverWeek ? undefined : value })}
            options={weeks.map((week) => ({ value: week, label: `${week} · ${format.cycleWeekShort(week)}` }))}
          />
          <Segmented
            aria-label={t('prices.indexPage.groupBy')}
            value={choice.groupBy}
            onChange={(value) => choice.set({ groupBy: value === 'branch' ? undefined : value })}
            options={indexGroupings.map((grouping) => ({ value: grouping, label: t(`prices.groupings.${grouping}`) }))}
          />
        </Flex>
      </Card>

      <Card title={week ? `${subjectName} · ${format.cycleWeek(week)}` : subjectName} style={{ marginBottom: 16 }}>
        {index.error ? <Alert type="error" showIcon title={describeError(index.error, t)} /> : null}
        <Table<IndexRow>
          rowKey="key"
          size="middle"
          loading={index.isFetching}
          dataSource={index.data?.rows ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('prices.indexPage.empty') }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {index.data ? (format.locale === 'zh-CN' ? index.data.definition.zh : index.data.definition.en) : null}
        </Typography.Paragraph>
      </Card>

      <Row gutter={16}>
        <Col span={24}>
          <Card title={t('prices.indexPage.trend', { weeks: 13 })} style={{ marginBottom: 16 }}>
            {trend.error ? <Alert type="error" showIcon title={describeError(trend.error, t)} /> : null}
            {choice.kind === 'product' || choice.kind === 'brand' ? (
              <IndexTrendChart points={trend.data?.points ?? []} name={subjectName} />
            ) : (
              <Empty description={t('prices.indexPage.trendOnlyFor')} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('prices.indexPage.heat', { week: week ? format.cycleWeekShort(week) : '' })}
            style={{ marginBottom: 16 }}
          >
            {heat.error ? <Alert type="error" showIcon title={describeError(heat.error, t)} /> : null}
            <HeatTable heat={heat.data} />
          </Card>
        </Col>
      </Row>
      <ObservationsDrawer
        title={drilled?.title ?? ''}
        query={drilled?.query ?? null}
        onClose={() => setDrilled(null)}
      />
    </PageContainer>
  );
}
