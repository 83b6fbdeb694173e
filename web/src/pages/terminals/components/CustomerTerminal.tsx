import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Flex, Input, Modal, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { useCan } from '../../../shared/auth/use-can.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { inspectionFormPath } from '../ApplicationsPage.tsx';
import {
  type Application,
  type ApplicationStatus,
  applyForTier,
  type Inspection,
  type InspectionOutcome,
  type StoreTerminal,
  terminalKeys,
  useCustomerTerminal,
  useTiers,
} from '../terminals.api.ts';
import { ApplicationStatusTag, AwardStatusTag, InspectionOutcomeTag } from './TerminalTags.tsx';

const openStatuses: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'approved'];

// 代为申报: the store's manager applies for a tier above the one it holds.
function ApplyDialog({
  customerId,
  terminal,
  onClose,
}: {
  customerId: number;
  terminal: StoreTerminal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tiers = useTiers();
  const heldRank = tiers.data?.items.find((tier) => tier.id === terminal.award?.tierId)?.rank ?? 0;
  const [tierId, setTierId] = useState<number | undefined>();
  const [note, setNote] = useState('');
  const apply = useMutation({
    mutationFn: () => applyForTier({ customerId, tierId: tierId ?? 0, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: terminalKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('terminals.customer.applyTitle')}
      okText={t('terminals.customer.apply')}
      cancelText={t('terminals.cancel')}
      okButtonProps={{ disabled: tierId === undefined }}
      confirmLoading={apply.isPending}
      onOk={() => apply.mutate()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        {apply.error ? <Alert type="error" showIcon title={describeError(apply.error, t)} /> : null}
        <Select
          aria-label={t('terminals.columns.tier')}
          placeholder={t('terminals.inspection.chooseTier')}
          value={tierId}
          onChange={setTierId}
          options={(tiers.data?.items ?? [])
            .filter((tier) => tier.active && tier.rank > heldRank)
            .map((tier) => ({ value: tier.id, label: tier.name }))}
        />
        <Input.TextArea
          rows={3}
          maxLength={500}
          aria-label={t('terminals.columns.note')}
          placeholder={t('terminals.columns.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Flex>
    </Modal>
  );
}

// The 360° view's 标杆店 tab: the tier the store holds and its next re-inspection, its open
// application, the inspections and the tiers it held. The manager applies or inspects from here.
export function CustomerTerminal({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const terminal = useCustomerTerminal(customerId);
  const [isApplying, setApplying] = useState(false);
  if (terminal.isPending) return <Skeleton active />;
  if (terminal.error) return <Alert type="error" showIcon title={describeError(terminal.error, t)} />;
  const data = terminal.data;
  const open = data.applications.find((application) => openStatuses.includes(application.status));
  const canInspect = can('POST /api/v1/terminals/inspections');
  const inspectTierId = open?.tierId ?? data.award?.tierId;

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('terminals.customer.current')}
        extra={
          <Space>
            {open ? null : (
              <ActionButton action="POST /api/v1/terminals/applications" size="small" onClick={() => setApplying(true)}>
                {t('terminals.customer.applyTitle')}
              </ActionButton>
            )}
            {canInspect && inspectTierId ? (
              <Link to={inspectionFormPath(customerId, inspectTierId)}>
                {open ? t('terminals.inspect') : t('terminals.reinspect')}
              </Link>
            ) : null}
          </Space>
        }
      >
        {data.award ? (
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('terminals.columns.tier')}>
              <Tag color="gold" data-testid="customer-tier">
                {data.award.tierName}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('terminals.columns.awardedOn')}>
              {format.day(data.award.awardedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('terminals.columns.dueOn')}>
              <Space size={4}>
                {format.day(data.award.dueOn)}
                {data.award.overdue ? <Tag color="red">{t('terminals.overdue')}</Tag> : null}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('terminals.customer.none')} />
        )}
        {open ? (
          <Alert
            type="info"
            showIcon
            title={t('terminals.customer.openApplication', {
              tier: open.tierName,
              status: t(`terminals.applicationStatuses.${open.status}`),
            })}
          />
        ) : null}
      </Card>
      <Card size="small" title={t('terminals.customer.applications')}>
        <Table<Application>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.applications}
          locale={{ emptyText: t('terminals.applications.empty') }}
          columns={[
            { title: t('terminals.columns.tier'), dataIndex: 'tierName' },
            {
              title: t('terminals.columns.status'),
              dataIndex: 'status',
              render: (value: ApplicationStatus) => <ApplicationStatusTag status={value} />,
            },
            {
              title: t('terminals.columns.appliedAt'),
              dataIndex: 'createdAt',
              render: (value: string) => format.dateTime(value),
            },
            {
              title: t('terminals.columns.note'),
              key: 'notes',
              render: (_, row) => row.decisionNote ?? row.reviewNote ?? row.note ?? '',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('terminals.customer.inspections')}>
        <Table<Inspection>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.inspections}
          locale={{ emptyText: t('terminals.inspections.empty') }}
          columns={[
            { title: t('terminals.columns.tier'), dataIndex: 'tierName' },
            {
              title: t('terminals.columns.inspectedAt'),
              dataIndex: 'inspectedAt',
              render: (value: string) => format.dateTime(value),
            },
            {
              title: t('terminals.columns.score'),
              key: 'score',
              render: (_, row) =>
                t('terminals.scoreOf', { score: format.number(row.score), pass: format.number(row.passScore) }),
            },
            {
              title: t('terminals.columns.outcome'),
              dataIndex: 'outcome',
              render: (value: InspectionOutcome) => <InspectionOutcomeTag outcome={value} />,
            },
            {
              title: t('terminals.columns.reason'),
              dataIndex: 'reason',
              render: (value: string | null) => value ?? '',
            },
          ]}
        />
      </Card>
      {data.history.length > 0 ? (
        <Card size="small" title={t('terminals.customer.history')}>
          {data.history.map((award) => (
            <Flex key={award.id} gap={8} wrap style={{ marginBottom: 4 }}>
              <span>{award.tierName}</span>
              <AwardStatusTag status={award.status} />
              <span>{format.dateRange(award.awardedOn, award.endedOn)}</span>
              {award.endReason ? <span>{award.endReason}</span> : null}
            </Flex>
          ))}
        </Card>
      ) : null}
      {isApplying ? <ApplyDialog customerId={customerId} terminal={data} onClose={() => setApplying(false)} /> : null}
    </Flex>
  );
}
