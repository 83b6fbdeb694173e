import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../shared/api-client.ts';
import { customerExportUrl } from '../customers.api.ts';

// Downloads the current filtered list; the server answers with an attachment, so following
// the link saves a file and leaves the page where it is.
export function ExportButton({ filters }: { filters: Query }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={customerExportUrl(format, filters)} download>
              {format === 'xlsx' ? t('customers.exportXlsx') : t('customers.exportCsv')}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('customers.export')}</Button>
    </Dropdown>
  );
}
