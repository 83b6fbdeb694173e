import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Product, useProductSearch } from '../supply.api.ts';

// Picks an active product (GET /products?q=) that is not in the cycle yet.
export function AddProductModal({
  isOpen,
  excludedIds,
  isSaving,
  onAdd,
  onClose,
}: {
  isOpen: boolean;
  excludedIds: readonly number[];
  isSaving: boolean;
  onAdd: (product: Product) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Product | null>(null);
  const products = useProductSearch(q);
  const options = (products.data?.items ?? [])
    .filter((product) => !excludedIds.includes(product.id))
    .map((product) => ({
      value: product.id,
      product,
      label: `${product.name} · ${product.brand} · ${product.code} · ¥${format.number(product.wholesalePrice, { minimumFractionDigits: 2 })}`,
    }));
  return (
    <Modal
      open={isOpen}
      title={t('supply.detail.addProductTitle')}
      okText={t('supply.detail.addProduct')}
      okButtonProps={{ disabled: !chosen }}
      confirmLoading={isSaving}
      onOk={() => chosen && onAdd(chosen)}
      onCancel={onClose}
      afterClose={() => {
        setQ('');
        setChosen(null);
      }}
    >
      <Typography.Paragraph type="secondary">{t('supply.detail.productSearch')}</Typography.Paragraph>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        aria-label={t('supply.detail.product')}
        placeholder={t('supply.detail.productSearch')}
        loading={products.isFetching}
        value={chosen?.id}
        options={options}
        onChange={(_, option) => setChosen(option && !Array.isArray(option) ? option.product : null)}
        style={{ width: '100%' }}
      />
    </Modal>
  );
}
