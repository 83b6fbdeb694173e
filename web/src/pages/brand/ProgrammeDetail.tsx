import { ArrowLeftOutlined, EditOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { type CustomerReference, useCustomerReference } from '../../shared/customer-reference.ts';
import { describeError } from '../../shared/error-message.ts';
import { LazyResult } from '../../shared/LazyResult.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  activateProgramme,
  closeProgramme,
  type Programme,
  type Segment,
  type StoreStatus,
  useBrandMutation,
  useKpis,
  useProgramme,
} from './brand.api.ts';
import { formatCount, formatRate, formatRatio } from './brand-format.ts';
import { GroupedKpis } from './components/GroupedKpis.tsx';
import { KpiCards } from './components/KpiCards.tsx';
import { ProgrammeEditor } from './components/ProgrammeEditor.tsx';
import { ProgrammeStatusTag } from './components/ProgrammeStatusTag.tsx';
import { ProgressChart } from './components/ProgressChart.tsx';
import { StoresDrawer, type StoresSelection } from './components/StoresDrawer.tsx';

function BackToProgrammes() {
  const { t } = useTranslation();
  return (
    <Link to="/brand-programmes">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('brand.detail.back')}
      </Button>
    </Link>
  );
}

// The segment in words: 示范客户、成长客户 · 便利店 · 档位 10–30. Empty: every active store.
function describeSegment(segment: Segment, t: TFunction, reference: CustomerReference | undefined): string[] {
  const parts: string[] = [];
  const join = (values: string[]) => values.join('、');
  if (segment.classes?.length) parts.push(join(segment.classes.map((value) => t(`customers.classes.${value}`))));
  if (segment.demoTypes?.length) parts.push(join(segment.demoTypes.map((value) => t(`customers.demoTypes.${value}`))));
  if (segment.formats?.length) parts.push(join(segment.formats.map((value) => t(`customers.formats.${value}`))));
  if (segment.branchIds?.length)
    parts.push(
      join(segment.branchIds.map((id) => reference?.branches.find((branch) => branch.id === id)?.name ?? `#${id}`)),
    );
  if (segment.districtCodes?.length)
    parts.push(
      join(
        segment.districtCodes.map(
          (code) => reference?.districts.find((district) => district.code === code)?.name ?? code,
        ),
      ),
    );
  if (segment.urbanRural?.length)
    parts.push(join(segment.urbanRural.map((value) => t(`customers.urbanRuralKinds.${value}`))));
  if (segment.gradeMin !== undefined || segment.gradeMax !== undefined)
    parts.push(`${t('brand.groupings.grade')} ${segment.gradeMin ?? 1}–${segment.gradeMax ?? 30}`);
  return parts;
}

function ProgrammeHeader({ programme, onEdit }: { programme: Programme; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reference = useCustomerReference();
  const segmentParts = programme.segment ? describeSegment(programme.segment as Segment, t, reference.data) : [];
  const { goals } = programme;

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      {programme.description ? <Typography.Paragraph>{programme.description}</Typography.Paragraph> : null}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('brand.detail.period')}>
          {format.dateRange(programme.startDate, programme.endDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.products')}>
          {programme.products.map((product) => product.name).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.target')}>
          {programme.customerIds?.length
            ? t('brand.detail.explicitStores', { count: programme.customerIds.length })
            : segmentParts.length > 0
              ? segmentParts.join(' · ')
              : t('brand.detail.allStores')}
          {' · '}
          {t('brand.stores', { stores: formatCount(programme.targetStores, format.locale) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.goals')}>
          <Space size={4} wrap>
            {goals.shelvingRate !== undefined ? (
              <Tag>
                {t('brand.kpis.shelvingRate')} {formatRate(goals.shelvingRate, format.locale)}
              </Tag>
            ) : null}
            {goals.sellThroughRate !== undefined ? (
              <Tag>
                {t('brand.kpis.sellThroughRate')} {formatRate(goals.sellThroughRate, format.locale)}
              </Tag>
            ) : null}
            {goals.stockToSales ? (
              <Tag>
                {t('brand.kpis.stockToSalesRatio')} {formatRatio(goals.stockToSales.min, format.locale)}–
                {formatRatio(goals.stockToSales.max, format.locale)}
              </Tag>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.owner')}>{programme.ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.actions')}>
          <Space size={4} wrap>
            {programme.actions.length === 0
              ? '—'
              : programme.actions.map((action, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their order is fixed
                  <Tag key={index}>
                    {t(`brand.actionKinds.${action.kind}`)} · {action.title}
                    {action.date ? ` · ${format.day(action.date)}` : ''}
                  </Tag>
                ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('brand.detail.visitChecks')}>
          {programme.visitChecks.visits === 0 ? (
            t('brand.detail.noVisitChecks')
          ) : (
            <Space size={4} wrap data-testid="programme-visit-checks">
              {programme.visitChecks.items.map((item) => (
                <Tag key={`${item.kind}:${item.title}`} color={item.done > 0 ? 'green' : undefined}>
                  {item.title} ·{' '}
                  {t('brand.detail.visitChecksTally', {
                    done: format.number(item.done),
                    listed: format.number(item.listed),
                  })}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {programme.status !== 'closed' ? (
        <ActionButton action="PATCH /api/v1/brand-programmes/:id" icon={<EditOutlined />} onClick={onEdit}>
          {t('brand.detail.edit')}
        </ActionButton>
      ) : null}
    </Card>
  );
}

// A programme: what it targets and aims at, its KPIs (overall, by week and by group) with their
// definitions, and the stores behind every figure; marketing activates and closes it here.
export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const programme = useProgramme(id);
  const overall = useKpis(id, 'none');
  const weekly = useKpis(id, 'week');
  const [isEditing, setEditing] = useState(false);
  const [stores, setStores] = useState<StoresSelection | null>(null);
  const activate = useBrandMutation(activateProgramme);
  const close = useBrandMutation(closeProgramme);

  if (id === 0 || (programme.error && isApiError(programme.error) && programme.error.status === 404)) {
    return (
      <LazyResult
        status="404"
        title={t('errors.notFound')}
        subTitle={t('brand.detail.notFound')}
        extra={<BackToProgrammes />}
      />
    );
  }
  if (programme.error) {
    return (
      <LazyResult
        status="error"
        title={t('errors.loadFailed')}
        subTitle={describeError(programme.error, t)}
        extra={<BackToProgrammes />}
      />
    );
  }
  if (programme.isPending) return <Skeleton active />;
  const data = programme.data;

  const run = async (mutation: typeof activate, done: string) => {
    try {
      await mutation.mutateAsync(data.id);
      message.success(done);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const openStores = (status: StoreStatus) => setStores({ status });
  const overallRow = overall.data?.rows[0];
  const definitions = overall.data?.definitions ?? [];

  return (
    <PageContainer
      title={
        <Space>
          {data.name}
          <ProgrammeStatusTag status={data.status} />
        </Space>
      }
      extra={
        <>
          <BackToProgrammes />
          {data.status === 'draft' ? (
            <Popconfirm
              title={t('brand.detail.activateConfirm')}
              onConfirm={() => run(activate, t('brand.detail.activated'))}
            >
              <ActionButton
                action="POST /api/v1/brand-programmes/:id/activate"
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={activate.isPending}
              >
                {t('brand.detail.activate')}
              </ActionButton>
            </Popconfirm>
          ) : null}
          {data.status === 'active' ? (
            <Popconfirm title={t('brand.detail.closeConfirm')} onConfirm={() => run(close, t('brand.detail.closed'))}>
              <ActionButton
                action="POST /api/v1/brand-programmes/:id/close"
                danger
                icon={<StopOutlined />}
                loading={close.isPending}
              >
                {t('brand.detail.close')}
              </ActionButton>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      <ProgrammeHeader programme={data} onEdit={() => setEditing(true)} />
      {overall.error ? <Alert type="error" showIcon title={describeError(overall.error, t)} /> : null}
      {overallRow ? (
        <KpiCards row={overallRow} goals={data.goals} definitions={definitions} onOpenStores={openStores} />
      ) : overall.isPending ? (
        <Skeleton active />
      ) : null}
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        <Card size="small" title={t('brand.detail.trend')}>
          {weekly.error ? <Alert type="error" showIcon title={describeError(weekly.error, t)} /> : null}
          {weekly.data ? <ProgressChart weeks={weekly.data.rows} goals={data.goals} /> : <Skeleton active />}
        </Card>
        <GroupedKpis programmeId={data.id} definitions={definitions} onOpenStores={setStores} />
      </Flex>
      <StoresDrawer programmeId={data.id} selection={stores} onChange={setStores} onClose={() => setStores(null)} />
      {isEditing ? (
        <ProgrammeEditor open programme={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
    </PageContainer>
  );
}
