import { Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLabels } from '../../../shared/audit-labels.ts';
import { CursorPager, useCursorPaging } from '../../../shared/CursorPager.tsx';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerChange, describeCustomerChanges } from '../customer-history.ts';
import {
  type CustomerHistoryEntry,
  useCustomerFields,
  useCustomerHistory,
  useCustomerReference,
} from '../customers.api.ts';
import './customer-history.css';

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  change_status: 'orange',
  reassign: 'purple',
};

const knownActions = ['create', 'update', 'change_status', 'reassign'] as const;
type KnownAction = (typeof knownActions)[number];
const isKnownAction = (action: string): action is KnownAction => (knownActions as readonly string[]).includes(action);

function ChangeList({ changes }: { changes: CustomerChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('customers.history.noFieldChanges')}</Typography.Text>;
  return (
    <div className="kewo-customer-changes">
      {changes.map((change) => (
        <div key={change.key} className="kewo-customer-change">
          <span className="kewo-customer-change-label">{change.label}</span>
          <span className="kewo-customer-change-values">
            {change.before ? <del>{change.before}</del> : <em>{t('audit.empty')}</em>}
            <span className="kewo-customer-change-arrow">→</span>
            {change.after ? <ins>{change.after}</ins> : <em>{t('audit.empty')}</em>}
          </span>
        </div>
      ))}
    </div>
  );
}

const historyPageSize = 20;

// The 变更记录 tab: who changed what and when, newest first, each field before → after.
export function CustomerHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPaging<number>(String(customerId));
  const history = useCustomerHistory(customerId, historyPageSize, paging.cursor);
  const reference = useCustomerReference();
  const fields = useCustomerFields().data;
  const nextCursor = history.data?.nextCursor ?? null;
  const auditLabel = useAuditLabels();

  const context = useMemo(
    () => ({
      t,
      managerNames: new Map((reference.data?.managers ?? []).map((manager) => [manager.id, manager.name])),
      branchNames: new Map((reference.data?.branches ?? []).map((branch) => [branch.id, branch.name])),
      fields: fields ?? [],
    }),
    [t, reference.data, fields],
  );

  const columns: TableColumnsType<CustomerHistoryEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => format.dateTime(at),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (name: string) => name || t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (action: string) => (
        <Tag color={actionColors[action] ?? 'default'}>
          {isKnownAction(action) ? t(`customers.history.actions.${action}`) : auditLabel.action(action)}
        </Tag>
      ),
    },
    {
      title: t('customers.history.field'),
      key: 'changes',
      render: (_value, entry) => <ChangeList changes={describeCustomerChanges(entry, context)} />,
    },
  ];

  if (history.error) return <Typography.Text type="danger">{describeError(history.error, t)}</Typography.Text>;
  return (
    <>
      <Table<CustomerHistoryEntry>
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        columns={columns}
        dataSource={history.data?.items ?? []}
        loading={history.isFetching}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.history.empty')} />,
        }}
      />
      {paging.pageIndex > 0 || nextCursor !== null ? (
        <CursorPager paging={paging} nextCursor={nextCursor} isWaiting={history.isPlaceholderData} />
      ) : null}
    </>
  );
}
