import { Alert, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { DecisionDialog } from './components/DecisionDialog.tsx';
import { ApplicationStatusTag } from './components/TerminalTags.tsx';
import { type Application, type ApplicationStatus, applicationStatuses, useApplications } from './terminals.api.ts';

const pageSize = 20;
const inspectable: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'approved'];

export const inspectionFormPath = (customerId: number, tierId: number) =>
  `/terminal-inspections/new?customerId=${customerId}&tierId=${tierId}`;

// 终端建设 › 标杆店申报: the applications in the caller's scope. The branch (a store's manager)
// reviews a submitted one, the marketing centre approves a reviewed one; an inspector inspects an
// open one (the inspection can come before or after the approval).
export function ApplicationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const user = useSignedInUser();
  // Each opens on its own step: the marketing centre on what awaits its approval.
  const [status, setStatus] = useState<ApplicationStatus | undefined>(
    user.role === 'marketing' ? 'reviewed' : 'submitted',
  );
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ application: Application; step: 'review' | 'approval' } | null>(null);
  const applications = useApplications({ status, limit: pageSize, offset: (page - 1) * pageSize });

  return (
    <PageContainer title={t('terminals.applications.title')}>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('terminals.columns.status')}
          placeholder={t('terminals.allStatuses')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={applicationStatuses.map((value) => ({ value, label: t(`terminals.applicationStatuses.${value}`) }))}
        />
      </Flex>
      {applications.error ? <Alert type="error" showIcon title={describeError(applications.error, t)} /> : null}
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={applications.isFetching}
        dataSource={applications.data?.items ?? []}
        locale={{ emptyText: t('terminals.applications.empty') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: applications.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('terminals.columns.store'),
            key: 'store',
            width: 220,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Link to={`/customers/${row.customerId}?tab=terminal`}>{row.customerName}</Link>
                <Typography.Text type="secondary">{row.licenceNo}</Typography.Text>
              </Space>
            ),
          },
          { title: t('terminals.columns.branch'), dataIndex: 'branchName', width: 140 },
          { title: t('terminals.columns.tier'), dataIndex: 'tierName', width: 120 },
          {
            title: t('terminals.columns.status'),
            dataIndex: 'status',
            width: 130,
            render: (value: ApplicationStatus) => <ApplicationStatusTag status={value} />,
          },
          {
            title: t('terminals.columns.source'),
            dataIndex: 'source',
            width: 110,
            render: (value: Application['source']) => t(`terminals.sources.${value}`),
          },
          {
            title: t('terminals.columns.appliedAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('terminals.columns.photos'),
            key: 'photos',
            width: 80,
            align: 'right',
            render: (_, row) => format.number(row.photoIds.length),
          },
          {
            title: t('terminals.columns.actions'),
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, row) => (
              <Space size={4} wrap>
                {row.status === 'submitted' ? (
                  <ActionButton
                    action="POST /api/v1/terminals/applications/:id/review"
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ application: row, step: 'review' })}
                  >
                    {t('terminals.applications.review')}
                  </ActionButton>
                ) : null}
                {row.status === 'reviewed' ? (
                  <ActionButton
                    action="POST /api/v1/terminals/applications/:id/approval"
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ application: row, step: 'approval' })}
                  >
                    {t('terminals.applications.approval')}
                  </ActionButton>
                ) : null}
                {inspectable.includes(row.status) && can('POST /api/v1/terminals/inspections') ? (
                  <Link to={inspectionFormPath(row.customerId, row.tierId)}>{t('terminals.inspect')}</Link>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {deciding ? (
        <DecisionDialog application={deciding.application} step={deciding.step} onClose={() => setDeciding(null)} />
      ) : null}
    </PageContainer>
  );
}
