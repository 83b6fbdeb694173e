import { LeftOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError, fieldErrorsOf } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { sendPriceWithConfirmation } from '../../shared/price-confirmation.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { formatYuan } from './order-format.ts';
import { useReportPrice, useSuggestedPrices } from './prices.api.ts';
import './prices.css';

// Yuan as typed on a phone: "23.5" → 23.5; ≤ 0, more than 2 decimals or not a number → null.
export function parsePackPrice(text: string): number | null {
  const trimmed = text.trim().replace(/^¥/, '').replace('，', '.').replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > 0 ? value : null;
}

export function PortalPricesHead({ title }: { title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal-prices-head">
      <Button
        type="text"
        icon={<LeftOutlined />}
        aria-label={t('portalTickets.back')}
        onClick={() => navigate('/portal/mine')}
      />
      <h2>{title}</h2>
    </div>
  );
}

type Values = { productId?: number; packPrice?: string };

// 报价格: one screen — a product the store buys, the price it sells a pack at, send. A price far
// from the suggested one asks first (then it is kept, flagged); a carton price is refused with why.
export function PriceReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const products = useSuggestedPrices();
  const report = useReportPrice();
  const productId = Form.useWatch('productId', form);
  const [busy, setBusy] = useState(false);
  if (products.isPending) return <FullPageSpin />;
  if (products.error) return <FullPageError error={products.error} onRetry={() => void products.refetch()} />;
  const items = products.data.items;
  const chosen = items.find((item) => item.productId === productId);
  const preset = Number(params.get('productId'));

  const ask = (packPrice: number, suggested: number) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('prices.implausible.title'),
        content: t('prices.implausible.content', {
          price: formatYuan(packPrice, format.locale),
          suggested: formatYuan(suggested, format.locale),
          reason: t('prices.implausible.outOfRange'),
        }),
        okText: t('prices.implausible.confirm'),
        cancelText: t('prices.implausible.back'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const submit = async (values: Values) => {
    const packPrice = parsePackPrice(values.packPrice ?? '') as number;
    const item = items.find((entry) => entry.productId === values.productId);
    if (!item) return;
    setBusy(true);
    try {
      const sent = await sendPriceWithConfirmation(
        (confirm) => report.mutateAsync({ productId: item.productId, packPrice, ...(confirm ? { confirm } : {}) }),
        () => ask(packPrice, item.suggestedPackPrice),
      );
      if (sent) {
        message.success(t('pricesPortal.sent'));
        form.setFieldsValue({ packPrice: '' });
      }
    } catch (error) {
      const fields = fieldErrorsOf(error).filter((field) => field.name === 'packPrice' || field.name === 'productId');
      if (fields.length > 0)
        form.setFields(fields.map((field) => ({ name: field.name as keyof Values, errors: field.errors })));
      else message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="portal-page">
      <PortalPricesHead title={t('pricesPortal.reportTitle')} />
      <section className="portal-card">
        <p className="portal-muted">{t('pricesPortal.reportHelp')}</p>
        {items.length === 0 ? (
          <Empty description={t('pricesPortal.noProducts')} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ productId: items.some((item) => item.productId === preset) ? preset : undefined }}
          >
            <Form.Item
              name="productId"
              label={t('pricesPortal.product')}
              rules={[{ required: true, message: t('pricesPortal.chooseProduct') }]}
              extra={
                chosen ? (
                  <div className="portal-prices-suggested" data-testid="portal-suggested-price">
                    {t('pricesPortal.suggested', { price: formatYuan(chosen.suggestedPackPrice, format.locale) })}
                  </div>
                ) : null
              }
            >
              <Select
                size="large"
                showSearch
                virtual={false}
                listHeight={360}
                optionFilterProp="label"
                aria-label={t('pricesPortal.product')}
                placeholder={t('pricesPortal.productPlaceholder')}
                options={items.map((item) => ({ value: item.productId, label: item.name }))}
              />
            </Form.Item>
            <Form.Item
              name="packPrice"
              label={t('pricesPortal.packPrice')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    parsePackPrice(value ?? '') === null
                      ? Promise.reject(new Error(t('pricesPortal.invalidPrice')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input
                size="large"
                inputMode="decimal"
                autoComplete="off"
                prefix="¥"
                maxLength={8}
                aria-label={t('pricesPortal.packPrice')}
                placeholder={t('pricesPortal.packPricePlaceholder')}
              />
            </Form.Item>
            <Button type="primary" size="large" block htmlType="submit" loading={busy}>
              {t('pricesPortal.submit')}
            </Button>
          </Form>
        )}
      </section>
    </div>
  );
}
