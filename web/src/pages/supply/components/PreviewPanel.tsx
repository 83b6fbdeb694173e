import { Alert, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { CyclePreview, PreviewProduct } from '../supply.api.ts';
import { formatScale } from '../supply-format.ts';
import { QuotaDistributionChart } from './QuotaDistributionChart.tsx';

// What publishing would do, per product: supply vs allocated, stores at 0, the scale applied
// when demand exceeded supply, and the stores per quota (expand a row for its chart).
export function PreviewPanel({ preview }: { preview: CyclePreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<PreviewProduct> = [
    { title: t('supply.detail.product'), dataIndex: 'name' },
    {
      title: t('supply.detail.supply'),
      dataIndex: 'supply',
      align: 'right',
      render: (supply: number | null) => (supply === null ? t('supply.detail.unlimitedSupply') : format.number(supply)),
    },
    {
      title: t('supply.preview.allocated'),
      dataIndex: 'allocated',
      align: 'right',
      render: (allocated: number, product) =>
        product.unlimited ? t('supply.strategy.baseKinds.unlimited') : format.number(allocated),
    },
    {
      title: t('supply.preview.eligibleStores'),
      dataIndex: 'eligibleStores',
      align: 'right',
      render: (stores: number) => format.number(stores),
    },
    {
      title: t('supply.preview.storesAtZero'),
      dataIndex: 'storesAtZero',
      align: 'right',
      render: (stores: number) => format.number(stores),
    },
    {
      title: t('supply.preview.scale'),
      dataIndex: 'scale',
      align: 'right',
      render: (scale: number) =>
        scale < 1 ? (
          <Typography.Text type="warning">{formatScale(scale, format.locale)}</Typography.Text>
        ) : (
          formatScale(scale, format.locale)
        ),
    },
  ];
  const hasUnlimited = preview.products.some((product) => product.supply === null || product.unlimited);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(hasUnlimited ? 'supply.preview.totalsUnlimited' : 'supply.preview.totals', {
          supply: format.number(preview.totals.supply),
          allocated: format.number(preview.totals.allocated),
        })}
      />
      <Table<PreviewProduct>
        rowKey="productId"
        size="middle"
        columns={columns}
        dataSource={preview.products}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{
          defaultExpandedRowKeys: preview.products.slice(0, 1).map((product) => product.productId),
          expandedRowRender: (product) => (
            <QuotaDistributionChart name={product.name} distribution={product.distribution} />
          ),
        }}
      />
    </>
  );
}
