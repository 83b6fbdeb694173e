import { PlusOutlined } from '@ant-design/icons';
import { Alert, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type ProgrammeStatus,
  type ProgrammeSummary,
  programmeStatuses,
  useActiveProducts,
  useKpis,
  useProgrammes,
} from './brand.api.ts';
import { formatCount, formatRate } from './brand-format.ts';
import { ProgrammeEditor } from './components/ProgrammeEditor.tsx';
import { ProgrammeStatusTag } from './components/ProgrammeStatusTag.tsx';

// A figure beside its goal: 72.4% / 85.0%, red while short of it.
function RateVersusGoal({ rate, goal }: { rate: number | null | undefined; goal: number | undefined }) {
  const format = useFormat();
  const isShort = rate !== null && rate !== undefined && goal !== undefined && rate < goal;
  return (
    <Space size={4}>
      <Typography.Text type={isShort ? 'danger' : undefined}>{formatRate(rate, format.locale)}</Typography.Text>
      <Typography.Text type="secondary">/ {goal === undefined ? '—' : formatRate(goal, format.locale)}</Typography.Text>
    </Space>
  );
}

// The row's current figures: from the list when the server sends them there, else from the
// programme's overall KPIs (one cached query per programme, which its detail page reuses).
function useFigures(row: ProgrammeSummary) {
  const isInRow = row.shelvingRate !== undefined && row.targetStores !== undefined;
  const kpis = useKpis(isInRow ? 0 : row.id, 'none');
  const overall = kpis.data?.rows[0];
  return isInRow
    ? { targetStores: row.targetStores, shelvingRate: row.shelvingRate, sellThroughRate: row.sellThroughRate }
    : {
        targetStores: overall?.targetStores,
        shelvingRate: overall?.shelvingRate,
        sellThroughRate: overall?.sellThroughRate,
      };
}

function TargetStoresCell({ row }: { row: ProgrammeSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { targetStores } = useFigures(row);
  return targetStores === undefined ? '—' : t('brand.stores', { stores: formatCount(targetStores, format.locale) });
}

function RateCell({ row, kpi }: { row: ProgrammeSummary; kpi: 'shelvingRate' | 'sellThroughRate' }) {
  const figures = useFigures(row);
  return <RateVersusGoal rate={figures[kpi]} goal={row.goals[kpi]} />;
}

// 品牌培育 › 培育项目: the programmes in the caller's scope, with how far each is toward its goals;
// marketing and the administrator start new ones here.
export function BrandProgrammesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ProgrammeStatus | undefined>();
  const [isCreating, setCreating] = useState(false);
  const programmes = useProgrammes(status);
  const products = useActiveProducts();
  const productName = (id: number) => products.data?.items.find((product) => product.id === id)?.name ?? `#${id}`;

  return (
    <PageContainer
      title={t('brand.title')}
      extra={
        <ActionButton
          action="POST /api/v1/brand-programmes"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('brand.list.new')}
        </ActionButton>
      }
    >
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('brand.list.columns.status')}
          placeholder={t('brand.list.allStatuses')}
          value={status}
          onChange={setStatus}
          options={programmeStatuses.map((value) => ({ value, label: t(`brand.statuses.${value}`) }))}
        />
      </Flex>
      {programmes.error ? <Alert type="error" showIcon title={describeError(programmes.error, t)} /> : null}
      <Table<ProgrammeSummary>
        rowKey="id"
        size="middle"
        loading={programmes.isFetching}
        dataSource={programmes.data?.items ?? []}
        locale={{ emptyText: t('brand.list.empty') }}
        scroll={{ x: 1100 }}
        pagination={false}
        columns={[
          {
            title: t('brand.list.columns.name'),
            dataIndex: 'name',
            width: 240,
            render: (name: string, row) => <Link to={`/brand-programmes/${row.id}`}>{name}</Link>,
          },
          {
            title: t('brand.list.columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (value: ProgrammeStatus) => <ProgrammeStatusTag status={value} />,
          },
          {
            title: t('brand.list.columns.period'),
            key: 'period',
            width: 220,
            render: (_, row) => format.dateRange(row.startDate, row.endDate),
          },
          {
            title: t('brand.list.columns.products'),
            key: 'products',
            width: 200,
            render: (_, row) => {
              const names = row.products?.map((product) => product.name) ?? row.productIds.map(productName);
              if (names.length <= 2) return names.join('、') || '—';
              return `${names.slice(0, 2).join('、')} ${t('brand.list.moreProducts', { count: names.length - 2 })}`;
            },
          },
          {
            title: t('brand.list.columns.targetStores'),
            key: 'targetStores',
            width: 110,
            align: 'right',
            render: (_, row) => <TargetStoresCell row={row} />,
          },
          {
            title: t('brand.list.columns.shelvingRate'),
            key: 'shelvingRate',
            width: 170,
            render: (_, row) => <RateCell row={row} kpi="shelvingRate" />,
          },
          {
            title: t('brand.list.columns.sellThroughRate'),
            key: 'sellThroughRate',
            width: 170,
            render: (_, row) => <RateCell row={row} kpi="sellThroughRate" />,
          },
          { title: t('brand.list.columns.owner'), dataIndex: 'ownerName', width: 120 },
        ]}
      />
      {isCreating ? (
        <ProgrammeEditor
          open
          onClose={() => setCreating(false)}
          onSaved={(programme) => {
            setCreating(false);
            navigate(`/brand-programmes/${programme.id}`);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
