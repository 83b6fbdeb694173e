import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  type TicketCategory,
  useAssignmentRules,
  useServiceFailures,
  useTicketCategories,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';

// 客户抱怨库 with each category's SLA targets, and 常见服务失误 ranked by how often tickets were
// linked to them, with prevention, in-process control and remedy.
export function TicketLibraryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = useTicketCategories();
  const failures = useServiceFailures();
  const rules = useAssignmentRules();
  const hours = (minutes: number) => format.number(minutes / 60);
  return (
    <PageContainer title={t('tickets.libraryTitle')}>
      <Card size="small" title={t('tickets.categories')}>
        <Table<TicketCategory>
          rowKey="code"
          size="small"
          pagination={false}
          loading={categories.isPending}
          dataSource={categories.data ?? []}
          columns={[
            {
              title: t('tickets.columns.category'),
              dataIndex: 'groupCode',
              render: (group: TicketCategory['groupCode']) => <Tag>{t(`tickets.groups.${group}`)}</Tag>,
            },
            { title: '', dataIndex: 'name' },
            {
              title: t('tickets.targets'),
              render: (_, row) => `${hours(row.firstResponseMinutes)} / ${hours(row.resolutionMinutes)}`,
            },
            {
              title: t('tickets.businessHours'),
              dataIndex: 'businessHours',
              render: (value: boolean) => (value ? '✓' : ''),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('tickets.assignmentRules')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={rules.isPending}
          dataSource={rules.data ?? []}
          columns={[
            {
              title: t('tickets.columns.category'),
              render: (_, rule) =>
                rule.categoryCode
                  ? (categories.data?.find((category) => category.code === rule.categoryCode)?.name ??
                    rule.categoryCode)
                  : rule.groupCode
                    ? t(`tickets.groups.${rule.groupCode}` as 'tickets.groups.service')
                    : '*',
            },
            {
              title: t('tickets.columns.assignee'),
              render: (_, rule) =>
                rule.target === 'user'
                  ? `#${rule.userId}`
                  : t(`tickets.assignTo.${rule.target}` as 'tickets.assignTo.user'),
            },
          ]}
        />
      </Card>
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
