import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useServiceFailures } from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { AssignmentRulesEditor, CategoryEditor } from './LibraryEditors.tsx';

// 客户抱怨库 (add, rename, disable), the assignment rules (editable, first match wins), and 常见服务失误 ranked by how often tickets were
// linked to them, with prevention, in-process control and remedy.
export function TicketLibraryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const failures = useServiceFailures();
  return (
    <PageContainer title={t('tickets.libraryTitle')}>
      <CategoryEditor />
      <AssignmentRulesEditor />
      <Card size="small" title={t('tickets.failure')} style={{ marginTop: 16 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          loading={failures.isPending}
          dataSource={failures.data ?? []}
          columns={[
            { title: t('tickets.failure'), dataIndex: 'name', width: 140 },
            {
              title: t('tickets.occurrences'),
              dataIndex: 'occurrences',
              width: 90,
              render: (value: number) => format.number(value),
            },
            { title: t('tickets.prevention'), dataIndex: 'prevention' },
            { title: t('tickets.control'), dataIndex: 'control' },
            { title: t('tickets.remedy'), dataIndex: 'remedy' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
