import { Alert, Descriptions, Drawer, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { InspectionOutcomeTag, PhotoStrip } from './components/TerminalTags.tsx';
import { type Inspection, type InspectionOutcome, useInspection, useInspections, useTiers } from './terminals.api.ts';

const pageSize = 20;

// One inspection: the standard's items as scored that day, the photos, what followed.
function InspectionDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inspection = useInspection(id);
  const data = inspection.data;
  return (
    <Drawer open width={640} title={data ? `${data.customerName} · ${data.tierName}` : ''} onClose={onClose}>
      {inspection.error ? <Alert type="error" showIcon title={describeError(inspection.error, t)} /> : null}
      {data ? (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('terminals.columns.inspectedAt')}>
              {format.dateTime(data.inspectedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('terminals.columns.inspector')}>{data.inspectorName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('terminals.columns.score')}>
              {t('terminals.scoreOf', { score: format.number(data.score), pass: format.number(data.passScore) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('terminals.columns.outcome')}>
              <InspectionOutcomeTag outcome={data.outcome} />
            </Descriptions.Item>
            {data.reason ? (
              <Descriptions.Item label={t('terminals.columns.reason')} span={2}>
                {data.reason}
              </Descriptions.Item>
            ) : null}
            {data.note ? (
              <Descriptions.Item label={t('terminals.columns.note')} span={2}>
                {data.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Table
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={data.results}
            columns={[
              { title: t('terminals.tiers.itemName'), dataIndex: 'name' },
              {
                title: t('terminals.inspection.result'),
                key: 'passed',
                width: 110,
                render: (_, row) => (
                  <Flex gap={4}>
                    {row.passed ? (
                      <Tag color="green">{t('terminals.inspection.passed')}</Tag>
                    ) : (
                      <Tag color={row.mandatory ? 'red' : 'orange'}>{t('terminals.inspection.failed')}</Tag>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('terminals.columns.score'),
                key: 'score',
                width: 90,
                align: 'right',
                render: (_, row) =>
                  row.maxScore > 0 ? `${format.number(row.score)} / ${format.number(row.maxScore)}` : '—',
              },
            ]}
          />
          <Typography.Text strong>{t('terminals.columns.photos')}</Typography.Text>
          <PhotoStrip photoIds={data.photoIds} size={96} />
        </Flex>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

// 终端建设 › 验收复查: every inspection in the caller's scope, newest first, with its score and what
// followed (awarded, renewed, downgraded …); a row opens its results and photos.
export function InspectionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const tiers = useTiers();
  const [tierId, setTierId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const inspections = useInspections({ tierId, limit: pageSize, offset: (page - 1) * pageSize });

  return (
    <PageContainer title={t('terminals.inspections.title')}>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('terminals.columns.tier')}
          placeholder={t('terminals.allTiers')}
          value={tierId}
          onChange={(value) => {
            setTierId(value);
            setPage(1);
          }}
          options={(tiers.data?.items ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
        />
      </Flex>
      {inspections.error ? <Alert type="error" showIcon title={describeError(inspections.error, t)} /> : null}
      <Table<Inspection>
        rowKey="id"
        size="middle"
        loading={inspections.isFetching}
        dataSource={inspections.data?.items ?? []}
        locale={{ emptyText: t('terminals.inspections.empty') }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: inspections.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('terminals.columns.store'),
            dataIndex: 'customerName',
            width: 200,
            render: (name: string, row) => (
              <Link to={`/customers/${row.customerId}?tab=terminal`} onClick={(event) => event.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: t('terminals.columns.tier'), dataIndex: 'tierName', width: 120 },
          {
            title: t('terminals.columns.inspectedAt'),
            dataIndex: 'inspectedAt',
            width: 150,
            render: (value: string) => format.dateTime(value),
          },
          { title: t('terminals.columns.inspector'), dataIndex: 'inspectorName', width: 120 },
          {
            title: t('terminals.columns.score'),
            key: 'score',
            width: 120,
            render: (_, row) =>
              t('terminals.scoreOf', { score: format.number(row.score), pass: format.number(row.passScore) }),
          },
          {
            title: t('terminals.columns.outcome'),
            dataIndex: 'outcome',
            width: 120,
            render: (value: InspectionOutcome) => <InspectionOutcomeTag outcome={value} />,
          },
          { title: t('terminals.columns.reason'), dataIndex: 'reason', render: (value: string | null) => value ?? '' },
        ]}
      />
      {openId !== null ? <InspectionDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </PageContainer>
  );
}
