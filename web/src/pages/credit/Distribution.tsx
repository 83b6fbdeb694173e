import { Alert, Card, Empty, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { formatShare } from '../../shared/credit-format.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { LevelChart } from './components/LevelChart.tsx';
import { LevelTable } from './components/LevelTable.tsx';
import { LevelTag } from './components/LevelTag.tsx';
import { RunStoresDrawer } from './components/RunStoresDrawer.tsx';
import {
  type CreditLevel,
  creditLevels,
  type DistributionGroup,
  type DistributionGrouping,
  levelsInOrder,
  useDistribution,
} from './credit.api.ts';

type View = 'city' | DistributionGrouping;
type Drill = { level: CreditLevel; group?: DistributionGroup } | null;

// 信用分布: the stores per level of the results in force, for the whole scope or by branch or class;
// a count opens the stores behind it (the run's stores). A customer manager's covers their stores.
export function CreditDistributionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useSignedInUser();
  const [view, setView] = useState<View>('city');
  const distribution = useDistribution(view === 'city' ? undefined : view);
  const [drill, setDrill] = useState<Drill>(null);
  const data = distribution.data;

  const drillFilter = drill
    ? {
        level: drill.level,
        ...(view === 'branch' && drill.group ? { branchId: Number(drill.group.key) } : {}),
      }
    : null;
  const drillTitle = drill
    ? drill.group
      ? t('credit.distribution.storesTitleGroup', { group: drill.group.label, level: drill.level })
      : t('credit.distribution.storesTitle', { level: drill.level })
    : '';

  return (
    <PageContainer
      title={t('credit.distribution.title')}
      extra={
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'city', label: t('credit.distribution.city') },
            { value: 'branch', label: t('credit.distribution.byBranch') },
            { value: 'class', label: t('credit.distribution.byClass') },
          ]}
        />
      }
    >
      {distribution.error ? <Alert type="error" showIcon title={describeError(distribution.error, t)} /> : null}
      {distribution.isPending ? <Skeleton active /> : null}
      {data && data.runId === null ? (
        <Card>
          <Empty description={t('credit.distribution.none')} />
        </Card>
      ) : null}
      {data && data.runId !== null ? (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {t('credit.distribution.effective', {
              date: format.day(data.effectiveFrom),
              total: format.number(data.total),
            })}
            {user.scope.kind === 'own' ? ` ${t('credit.distribution.managerNote')}` : ''}
          </Typography.Text>
          <Flex gap={16} wrap>
            <Card size="small" title={t('credit.distribution.chartTitle')} style={{ flex: '1 1 420px', minWidth: 0 }}>
              <LevelChart levels={data.levels} />
            </Card>
            <Card size="small" style={{ flex: '1 1 360px', minWidth: 0 }}>
              <LevelTable levels={data.levels} onOpen={(level) => setDrill({ level })} />
            </Card>
          </Flex>
          {view !== 'city' && data.groups ? (
            <Card
              size="small"
              title={view === 'branch' ? t('credit.distribution.byBranch') : t('credit.distribution.byClass')}
            >
              <GroupTable
                groups={data.groups}
                onOpen={(group, level) => setDrill({ group, level })}
                canDrill={view === 'branch'}
              />
            </Card>
          ) : null}
        </Flex>
      ) : null}
      <RunStoresDrawer
        runId={data?.runId ?? null}
        filter={drillFilter}
        title={drillTitle}
        onClose={() => setDrill(null)}
      />
    </PageContainer>
  );
}

// One row a branch (or class): its stores, then each level's count and share; a branch's count opens its stores.
function GroupTable({
  groups,
  onOpen,
  canDrill,
}: {
  groups: readonly DistributionGroup[];
  onOpen: (group: DistributionGroup, level: CreditLevel) => void;
  canDrill: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table<DistributionGroup>
      size="small"
      rowKey="key"
      pagination={groups.length > 20 ? { pageSize: 20, size: 'small' } : false}
      dataSource={[...groups]}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('credit.distribution.group'), dataIndex: 'label', fixed: 'left' },
        {
          title: t('credit.total'),
          dataIndex: 'total',
          align: 'right',
          render: (total: number) => format.number(total),
        },
        ...creditLevels.map((level) => ({
          title: <LevelTag level={level} />,
          key: level,
          align: 'right' as const,
          render: (_: unknown, group: DistributionGroup) => {
            const entry = levelsInOrder(group.levels).find((candidate) => candidate.level === level);
            const count = entry?.count ?? 0;
            const share = formatShare(entry?.share ?? 0, format.locale);
            const text =
              format.locale === 'zh-CN' ? `${format.number(count)}（${share}）` : `${format.number(count)} (${share})`;
            return canDrill && count > 0 ? (
              <Typography.Link onClick={() => onOpen(group, level)}>{text}</Typography.Link>
            ) : (
              <span>{text}</span>
            );
          },
        })),
      ]}
    />
  );
}
