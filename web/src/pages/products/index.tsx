import { EditOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { CursorPager, useCursorPaging } from '../../shared/CursorPager.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useUrlView } from '../../shared/url-view.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { ProductFormDrawer } from './components/ProductFormDrawer.tsx';
import { ProductImportModal } from './components/ProductImportModal.tsx';
import {
  formatPrice,
  hasProductFilters,
  type ProductListView,
  parseProductListView,
  productFilterQuery,
  productPageSizes,
  retailMargin,
  toProductSearchParams,
} from './product-view.ts';
import {
  type Product,
  priceClasses,
  productExportUrl,
  productStatuses,
  useProductBrands,
  useProducts,
} from './products.api.ts';

const classColours = ['', 'gold', 'orange', 'blue', 'cyan', 'default'] as const;

// 卷烟规格: the city company's catalogue. Everyone on the staff reads it; the marketing centre and
// administrators create, edit and import.
export function ProductsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const canCreate = can('POST /api/v1/products');
  const canEdit = can('PATCH /api/v1/products/:id');
  const canImport = can('POST /api/v1/products/import');
  const { view, searchKey, update, replace } = useUrlView(parseProductListView, toProductSearchParams);
  const [searchText, setSearchText] = useState(view.q);
  const paging = useCursorPaging<string>(searchKey);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [isImporting, setImporting] = useState(false);

  const filters = productFilterQuery(view);
  const products = useProducts({ ...filters, limit: view.limit, cursor: paging.cursor });
  const brands = useProductBrands();
  const brandNames = (brands.data?.items ?? []).map((entry) => entry.brand);
  const classLabel = (value: number) => t(`products.priceClassNames.c${value}` as 'products.priceClassNames.c1');

  const updateView = (changes: Partial<ProductListView>) => update(changes);

  const columns: TableColumnsType<Product> = [
    {
      title: t('products.fields.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <Typography.Text copyable={{ text: code }}>{code}</Typography.Text>,
    },
    { title: t('products.fields.brand'), dataIndex: 'brand', width: 100 },
    {
      title: t('products.fields.name'),
      dataIndex: 'name',
      render: (name: string, product) => (
        <Flex gap={6} align="center">
          <span>{name}</span>
          {product.isNew ? <Tag color="green">{t('products.newTag')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('products.fields.priceClass'),
      dataIndex: 'priceClass',
      width: 90,
      render: (value: number) => <Tag color={classColours[value]}>{classLabel(value)}</Tag>,
    },
    {
      title: t('products.fields.wholesalePrice'),
      dataIndex: 'wholesalePrice',
      align: 'right',
      width: 150,
      render: (value: number) => formatPrice(value, format.locale),
    },
    {
      title: t('products.fields.retailPrice'),
      dataIndex: 'retailPrice',
      align: 'right',
      width: 170,
      render: (value: number) => formatPrice(value, format.locale),
    },
    {
      title: t('products.fields.margin'),
      key: 'margin',
      align: 'right',
      width: 100,
      render: (_value, product) =>
        format.number(retailMargin(product.wholesalePrice, product.retailPrice), {
          style: 'percent',
          maximumFractionDigits: 1,
        }),
    },
    {
      title: t('products.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Product['status']) => (
        <Tag color={status === 'active' ? 'success' : 'default'}>{t(`products.statuses.${status}`)}</Tag>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_value: unknown, product: Product) => (
              <Button
                data-action="PATCH /api/v1/products/:id"
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(product)}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('products.title')}
      extra={
        <>
          <ActionButton
            action="POST /api/v1/products"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
          >
            {t('products.create')}
          </ActionButton>
          <ActionButton
            action="POST /api/v1/products/import"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
          >
            {t('products.import')}
          </ActionButton>
          <ExportButton urlOf={(format) => productExportUrl(format, filters)} />
        </>
      }
    >
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('products.searchPlaceholder')}
            aria-label={t('common.search')}
            value={searchText}
            maxLength={40}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateView({ q: value.trim() })}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Select
            allowClear
            showSearch
            aria-label={t('products.fields.brand')}
            placeholder={t('products.allBrands')}
            value={view.brand}
            onChange={(brand?: string) => updateView({ brand })}
            options={(brands.data?.items ?? []).map((entry) => ({
              value: entry.brand,
              label: `${entry.brand}（${format.number(entry.count)}）`,
            }))}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            aria-label={t('products.fields.priceClass')}
            placeholder={t('products.allClasses')}
            value={view.priceClass}
            onChange={(priceClass?: number) => updateView({ priceClass })}
            options={priceClasses.map((value) => ({ value, label: classLabel(value) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            aria-label={t('products.fields.status')}
            placeholder={t('products.allStatuses')}
            value={view.status}
            onChange={(status?: Product['status']) => updateView({ status })}
            options={productStatuses.map((value) => ({ value, label: t(`products.statuses.${value}`) }))}
            style={{ width: 130 }}
          />
          <Checkbox
            checked={view.isNew === true}
            onChange={(event) => updateView({ isNew: event.target.checked ? true : undefined })}
            style={{ alignSelf: 'center' }}
          >
            {t('products.newOnly')}
          </Checkbox>
          {hasProductFilters(view) ? (
            <Button
              type="link"
              onClick={() => {
                setSearchText('');
                replace(parseProductListView(new URLSearchParams()));
              }}
            >
              {t('products.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {t('products.total', { total: format.number(products.data?.total ?? 0) })}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void products.refetch()} />
        </Flex>
        {products.error ? (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>
            {describeError(products.error, t)}
          </Typography.Text>
        ) : null}
        <Table<Product>
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={products.data?.items ?? []}
          loading={products.isFetching}
          pagination={false}
        />
        <CursorPager
          paging={paging}
          nextCursor={products.data?.nextCursor ?? null}
          isWaiting={products.isPlaceholderData}
        >
          <Select
            aria-label={t('common.page')}
            value={view.limit}
            onChange={(limit) => updateView({ limit })}
            options={productPageSizes.map((value) => ({ value, label: `${value} / ${t('common.page')}` }))}
            style={{ width: 110 }}
          />
        </CursorPager>
      </Card>
      {canCreate || canEdit ? (
        <ProductFormDrawer
          product={editing === 'new' ? null : editing}
          isOpen={editing !== null}
          brands={brandNames}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {canImport ? <ProductImportModal isOpen={isImporting} onClose={() => setImporting(false)} /> : null}
    </PageContainer>
  );
}
