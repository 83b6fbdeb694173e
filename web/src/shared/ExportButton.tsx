import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';

export type ExportFormat = 'xlsx' | 'csv';

// Downloads a list as the user filtered it, as .xlsx or .csv: `urlOf` names the server's export for
// a format. The server answers with an attachment, so following the link saves a file and leaves
// the page where it is.
export function ExportButton({ urlOf }: { urlOf: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={urlOf(format)} download>
              {format === 'xlsx' ? t('common.exportXlsx') : t('common.exportCsv')}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('common.export')}</Button>
    </Dropdown>
  );
}
