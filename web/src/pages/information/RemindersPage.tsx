import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { useWorklist, type WorklistLine } from './information.api.ts';

// 信息服务 › 资讯待确认: the manager's worklist lines — their stores (a branch's, the city's for wider
// scopes) with an important article not acknowledged 24 hours after delivery, to remind on a visit.
export function RemindersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const worklist = useWorklist();
  return (
    <PageContainer title={t('information.worklist.title')}>
      <Typography.Paragraph type="secondary">{t('information.worklist.help')}</Typography.Paragraph>
      {worklist.error ? <Alert type="error" showIcon title={describeError(worklist.error, t)} /> : null}
      <Table<WorklistLine>
        rowKey={(row) => `${row.articleId}:${row.customerId}`}
        size="middle"
        loading={worklist.isFetching}
        dataSource={worklist.data?.items ?? []}
        locale={{ emptyText: t('information.worklist.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t('information.worklist.columns.store'),
            dataIndex: 'customerName',
            render: (name: string, row) => <Link to={`/customers/${row.customerId}`}>{name}</Link>,
          },
          {
            title: t('information.worklist.columns.article'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/articles/${row.articleId}`}>{title}</Link>,
          },
          { title: t('information.worklist.columns.manager'), dataIndex: 'managerName', width: 120 },
          {
            title: t('information.worklist.columns.deliveredAt'),
            dataIndex: 'deliveredAt',
            width: 160,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('information.worklist.columns.read'),
            dataIndex: 'read',
            width: 130,
            render: (read: boolean) =>
              read ? (
                <Tag color="gold">{t('information.worklist.readYes')}</Tag>
              ) : (
                <Tag color="red">{t('information.worklist.readNo')}</Tag>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
