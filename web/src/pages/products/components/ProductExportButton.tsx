import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../shared/api-client.ts';
import { productExportUrl } from '../products.api.ts';

// Downloads the filtered catalogue: the server answers with an attachment.
export function ProductExportButton({ filters }: { filters: Query }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={productExportUrl(format, filters)} download>
              {format === 'xlsx' ? t('products.exportXlsx') : t('products.exportCsv')}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('products.export')}</Button>
    </Dropdown>
  );
}
