import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  Col,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  defaultPriceClassOf,
  ean13IsValid,
  emptyProductForm,
  type ProductFormValues,
  productChanges,
  productCodePattern,
  productFormValuesOf,
  retailMargin,
  retailPriceProblem,
  toNewProductRequest,
} from '../product-view.ts';
import {
  createProduct,
  type Product,
  priceClasses,
  productStatuses,
  productsQueryKey,
  updateProduct,
} from '../products.api.ts';

const formFields = ['code', 'brand', 'name', 'priceClass', 'wholesalePrice', 'retailPrice', 'status', 'isNew'];

// Create (product = null) or edit a product. The code is fixed once created.
export function ProductFormDrawer({
  product,
  isOpen,
  brands,
  onClose,
}: {
  product: Product | null;
  isOpen: boolean;
  brands: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductFormValues>();
  const isCreating = product === null;
  const wholesalePrice = Form.useWatch('wholesalePrice', form) ?? null;
  const retailPrice = Form.useWatch('retailPrice', form) ?? null;
  const margin = wholesalePrice !== null && retailPrice !== null ? retailMargin(wholesalePrice, retailPrice) : null;
  const classLabel = (value: number) => t(`products.priceClassNames.c${value}` as 'products.priceClassNames.c1');

  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    form.setFieldsValue(product ? productFormValuesOf(product) : emptyProductForm());
  }, [isOpen, product, form]);

  const save = useMutation({
    mutationFn: async (values: ProductFormValues) => {
      if (isCreating) return { changed: true, saved: await createProduct(toNewProductRequest(values)) };
      const changes = productChanges(product, values);
      if (Object.keys(changes).length === 0) return { changed: false, saved: product };
      return { changed: true, saved: await updateProduct(product.id, changes) };
    },
    onSuccess: (result) => {
      if (!result.changed) message.info(t('products.form.noChanges'));
      else message.success(isCreating ? t('products.form.created') : t('products.form.updated'));
      void queryClient.invalidateQueries({ queryKey: productsQueryKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, formFields)) message.error(describeError(error, t));
    },
  });

  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('products.form.required', { label }),
  });
  const priceRequired = (label: string) => ({ required: true, message: t('products.form.required', { label }) });

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      size={560}
      title={isCreating ? t('products.form.createTitle') : t('products.form.editTitle', { name: product.name })}
      forceRender
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {isCreating ? t('common.create') : t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<ProductFormValues>
        form={form}
        name="product"
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        <Form.Item
          name="code"
          label={t('products.fields.code')}
          extra={t('products.form.codeHelp')}
          rules={
            isCreating
              ? [
                  required(t('products.fields.code')),
                  { pattern: productCodePattern, message: t('products.form.codePattern') },
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (value && !ean13IsValid(value.trim())) throw new Error(t('products.form.codeCheckDigit'));
                    },
                  },
                ]
              : []
          }
        >
          <Input disabled={!isCreating} maxLength={20} autoComplete="off" inputMode="numeric" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="brand"
              label={t('products.fields.brand')}
              rules={[required(t('products.fields.brand')), { max: 20 }]}
            >
              <AutoComplete
                options={brands.map((brand) => ({ value: brand }))}
                filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label={t('products.fields.name')}
              rules={[required(t('products.fields.name')), { max: 40 }]}
            >
              <Input placeholder={t('products.form.namePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="wholesalePrice"
              label={t('products.fields.wholesalePrice')}
              rules={[priceRequired(t('products.fields.wholesalePrice'))]}
            >
              <InputNumber min={0.01} max={20000} precision={2} step={1} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="retailPrice"
              label={t('products.fields.retailPrice')}
              dependencies={['wholesalePrice']}
              extra={
                margin !== null && margin > 0
                  ? t('products.form.marginHint', {
                      margin: format.number(margin, { style: 'percent', maximumFractionDigits: 1 }),
                    })
                  : undefined
              }
              rules={[
                priceRequired(t('products.fields.retailPrice')),
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: number | null) => {
                    const problem = retailPriceProblem(getFieldValue('wholesalePrice') ?? null, value ?? null);
                    if (problem === 'notAbove') throw new Error(t('products.form.retailNotAbove'));
                    if (problem === 'markupTooHigh') throw new Error(t('products.form.retailMarkupTooHigh'));
                  },
                }),
              ]}
            >
              <InputNumber min={0.01} max={20000} precision={2} step={1} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="priceClass"
              label={t('products.fields.priceClass')}
              extra={t('products.form.priceClassHelp')}
            >
              <Select
                options={[
                  {
                    value: null,
                    label: t('products.form.priceClassAuto', {
                      label: wholesalePrice ? classLabel(defaultPriceClassOf(wholesalePrice)) : '—',
                    }),
                  },
                  ...priceClasses.map((value) => ({ value, label: classLabel(value) })),
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('products.fields.status')}>
              <Radio.Group
                options={productStatuses.map((value) => ({ value, label: t(`products.statuses.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="isNew" label={t('products.fields.isNew')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {!isCreating ? (
          <Typography.Text type="secondary">
            {t('products.fields.updatedAt')}：{format.dateTime(product.updatedAt)}
          </Typography.Text>
        ) : null}
      </Form>
    </Drawer>
  );
}
