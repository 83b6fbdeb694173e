import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { ImportRowError } from '../customer-import.api.ts';
import { compareByRow, type ImportErrorTableRow, toErrorTableRows } from '../import-file.ts';

// 422: every error with its row, column, value and reason; nothing was written.
export function ImportErrors({
  errorCount,
  errors,
  errorWorkbookUrl,
}: {
  errorCount: number;
  errors: ImportRowError[];
  errorWorkbookUrl: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useMemo(() => toErrorTableRows(errors), [errors]);

  const columns: TableColumnsType<ImportErrorTableRow> = [
    {
      title: t('customerImport.errorRow'),
      dataIndex: 'row',
      width: 90,
      sorter: compareByRow,
      defaultSortOrder: 'ascend',
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (row: number) => format.number(row, { useGrouping: false }),
    },
    { title: t('customerImport.errorColumn'), dataIndex: 'column', width: 160 },
    {
      title: t('customerImport.errorValue'),
      dataIndex: 'valueText',
      width: 220,
      render: (value: string) =>
        value === '' ? <Typography.Text type="secondary">{t('customerImport.emptyValue')}</Typography.Text> : value,
    },
    { title: t('customerImport.errorMessage'), dataIndex: 'message' },
  ];

  return (
    <Flex vertical gap={16}>
      <Alert
        type="error"
        showIcon
        title={t('customerImport.errorsTitle', { count: format.number(errorCount) })}
        description={
          <Flex vertical gap={8}>
            <span>{t('customerImport.errorsHelp')}</span>
            {errorCount > errors.length ? (
              <span>
                {t('customerImport.errorsTruncated', {
                  shown: format.number(errors.length),
                  count: format.number(errorCount),
                })}
              </span>
            ) : null}
          </Flex>
        }
        action={
          errorWorkbookUrl ? (
            <Button icon={<DownloadOutlined />} href={errorWorkbookUrl} download>
              {t('customerImport.downloadErrors')}
            </Button>
          ) : undefined
        }
      />
      <Table<ImportErrorTableRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{
          defaultPageSize: 10,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          hideOnSinglePage: false,
          showTotal: (total) => t('common.total', { total: format.number(total) }),
        }}
      />
    </Flex>
  );
}
