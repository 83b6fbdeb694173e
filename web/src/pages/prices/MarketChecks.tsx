import { App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth/use-can.ts';
import { useCustomerReference } from '../../shared/customer-reference.ts';
import { describeError, fieldErrorsOf } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { sendPriceWithConfirmation } from '../../shared/price-confirmation.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { useConfirmPrice } from './components/ConfirmPrice.tsx';
import { ObservationList } from './components/ObservationList.tsx';
import {
  createMarketCheck,
  type MarketCheckInput,
  useActiveProducts,
  usePricesMutation,
  useStoreSearch,
} from './prices.api.ts';
import { formatYuan } from './prices-format.ts';

type Values = {
  place: 'store' | 'point';
  customerId?: number;
  marketPoint?: string;
  districtCode?: string;
  productId?: number;
  packPrice?: number | null;
  note?: string;
};

// 价格监管 › 市场检查 (明察暗访): an inspector records the pack price seen at a store or at a
// store-less market point. A price far from the suggested one asks for confirmation (kept, flagged,
// out of the index); a carton price typed as a pack price is refused by the server with a reason.
export function MarketChecksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const place = Form.useWatch('place', form) ?? 'store';
  const productId = Form.useWatch('productId', form);
  const [storeQuery, setStoreQuery] = useState('');
  const stores = useStoreSearch(storeQuery);
  const products = useActiveProducts();
  const reference = useCustomerReference();
  const save = usePricesMutation(createMarketCheck);
  const confirmPrice = useConfirmPrice();
  const mayEnter = can('POST /api/v1/prices/observations');
  const product = products.data?.items.find((item) => item.id === productId);
  const suggestedPackPrice = product ? Math.round(product.retailPrice * 10) / 100 : null;

  const submit = async (values: Values) => {
    const packPrice = values.packPrice as number;
    const input: MarketCheckInput = {
      productId: values.productId as number,
      packPrice,
      ...(values.place === 'store'
        ? { customerId: values.customerId }
        : { marketPoint: values.marketPoint?.trim(), districtCode: values.districtCode }),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    try {
      const saved = await sendPriceWithConfirmation(
        (confirm) => save.mutateAsync(confirm ? { ...input, confirm } : input),
        () => confirmPrice(packPrice, suggestedPackPrice),
      );
      if (!saved) return;
      message.success(t('prices.checks.saved'));
      form.setFieldsValue({ packPrice: null, note: '' });
    } catch (error) {
      const fields = fieldErrorsOf(error).filter((field) =>
        ['packPrice', 'productId', 'customerId', 'marketPoint', 'districtCode'].includes(field.name),
      );
      if (fields.length > 0)
        form.setFields(fields.map((field) => ({ name: field.name as keyof Values, errors: field.errors })));
      message.error(describeError(error, t));
    }
  };

  return (
    <PageContainer title={t('prices.checks.title')}>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('prices.checks.help')}</Typography.Paragraph>
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ place: 'store' }}
              onFinish={submit}
              disabled={!mayEnter}
            >
              <Form.Item name="place" label={t('prices.checks.place')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={(['store', 'point'] as const).map((value) => ({
                    value,
                    label: t(`prices.checks.places.${value}`),
                  }))}
                />
              </Form.Item>
              {place === 'store' ? (
                <Form.Item
                  name="customerId"
                  label={t('prices.checks.store')}
                  rules={[{ required: true, message: t('prices.checks.requiredStore') }]}
                >
                  <Select
                    showSearch
                    aria-label={t('prices.checks.store')}
                    placeholder={t('prices.checks.storePlaceholder')}
                    filterOption={false}
                    onSearch={setStoreQuery}
                    loading={stores.isFetching}
                    notFoundContent={null}
                    options={(stores.data?.items ?? []).map((store) => ({
                      value: store.id,
                      label: `${store.name} · ${store.licenceNo}`,
                    }))}
                  />
                </Form.Item>
              ) : (
                <Row gutter={12}>
                  <Col span={14}>
                    <Form.Item
                      name="marketPoint"
                      label={t('prices.checks.point')}
                      rules={[{ required: true, whitespace: true, message: t('prices.checks.requiredPoint') }]}
                    >
                      <Input maxLength={100} placeholder={t('prices.checks.pointPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item
                      name="districtCode"
                      label={t('prices.checks.district')}
                      rules={[{ required: true, message: t('prices.checks.requiredDistrict') }]}
                    >
                      <Select
                        aria-label={t('prices.checks.district')}
                        options={(reference.data?.districts ?? []).map((district) => ({
                          value: district.code,
                          label: district.name,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              <Form.Item
                name="productId"
                label={t('prices.checks.product')}
                rules={[{ required: true, message: t('prices.checks.requiredProduct') }]}
              >
                <Select
                  showSearch
                  aria-label={t('prices.checks.product')}
                  optionFilterProp="label"
                  loading={products.isPending}
                  options={(products.data?.items ?? []).map((item) => ({
                    value: item.id,
                    label: `${item.name} · ${item.brand}`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="packPrice"
                label={t('prices.checks.packPrice')}
                extra={
                  suggestedPackPrice === null
                    ? undefined
                    : t('prices.checks.packPriceHelp', { price: formatYuan(suggestedPackPrice, format.locale) })
                }
                rules={[
                  {
                    validator: (_, value: number | null | undefined) =>
                      typeof value === 'number' && value > 0 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('prices.checks.requiredPrice'))),
                  },
                ]}
              >
                <InputNumber<number>
                  aria-label={t('prices.checks.packPrice')}
                  min={0.01}
                  max={10000}
                  precision={2}
                  step={0.5}
                  prefix="¥"
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Form.Item name="note" label={t('prices.checks.note')}>
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
              {mayEnter ? (
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  data-action="POST /api/v1/prices/observations"
                >
                  {t('prices.checks.submit')}
                </Button>
              ) : null}
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <ObservationList />
        </Col>
      </Row>
    </PageContainer>
  );
}
