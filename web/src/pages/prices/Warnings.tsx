import { Alert, Flex, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { IndexTag } from './components/IndexTag.tsx';
import { WarningLevelTag, WarningStatusTag } from './components/WarningTags.tsx';
import { useWarnings, type Warning, type WarningStatus, warningStatuses } from './prices.api.ts';

// 价格监管 › 价格预警: the warnings by status (new ones first, as the marketing centre works
// them); each opens its detail, where it is acknowledged, acted on and closed.
export function WarningsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status: WarningStatus | undefined =
    chosen === 'all'
      ? undefined
      : (warningStatuses as readonly string[]).includes(chosen ?? '')
        ? (chosen as WarningStatus)
        : 'new';
  const warnings = useWarnings(status);

  return (
    <PageContainer title={t('prices.warnings.title')}>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('prices.warnings.status')}
          value={status ?? 'all'}
          onChange={(value) => setParams(value === 'new' ? {} : { status: String(value) }, { replace: true })}
          options={[
            ...warningStatuses.map((value) => ({ value, label: t(`prices.warnings.statuses.${value}`) })),
            { value: 'all', label: t('prices.warnings.all') },
          ]}
        />
      </Flex>
      {warnings.error ? <Alert type="error" showIcon title={describeError(warnings.error, t)} /> : null}
      <Table<Warning>
        rowKey="id"
        size="middle"
        loading={warnings.isFetching}
        dataSource={warnings.data?.items ?? []}
        locale={{ emptyText: t('prices.warnings.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('prices.warnings.product'),
            key: 'product',
            width: 200,
            render: (_, row) => <Link to={`/prices/warnings/${row.id}`}>{row.productName}</Link>,
          },
          { title: t('prices.warnings.region'), key: 'region', width: 140, render: (_, row) => row.region.label },
          {
            title: t('prices.warnings.week'),
            key: 'week',
            width: 200,
            render: (_, row) => (
              <Flex vertical>
                <span>{format.cycleWeekShort(row.week)}</span>
                {row.weeks > 1 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('prices.warnings.weeks', { count: row.weeks })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('prices.index'),
            dataIndex: 'index',
            width: 100,
            align: 'right',
            render: (value: number) => <IndexTag index={value} />,
          },
          {
            title: t('prices.warnings.level'),
            dataIndex: 'level',
            width: 80,
            render: (level: Warning['level']) => <WarningLevelTag level={level} />,
          },
          { title: t('prices.warnings.rule'), dataIndex: 'rule', ellipsis: true },
          {
            title: t('prices.warnings.status'),
            dataIndex: 'status',
            width: 100,
            render: (value: WarningStatus) => <WarningStatusTag status={value} />,
          },
          {
            title: t('prices.warnings.owner'),
            dataIndex: 'ownerName',
            width: 120,
            render: (name: string | null) => name ?? '—',
          },
        ]}
      />
    </PageContainer>
  );
}
