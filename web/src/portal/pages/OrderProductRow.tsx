import { Button, Tag } from 'antd';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../shared/use-locale.ts';
import { OrderQuantityStepper } from './OrderQuantityStepper.tsx';
import type { PortalCycleItem } from './order.api.ts';
import { formatYuan } from './order-format.ts';

type Props = {
  item: PortalCycleItem;
  quantity: number;
  limit: number;
  disabled: boolean;
  // The server refused this line (409 QUOTA_EXCEEDED / PRODUCT_NOT_IN_CYCLE named it).
  isRefused: boolean;
  onChange: (productId: number, quantity: number) => void;
};

// One product of the cycle: what it is, its price per carton, the store's quota, the quantity.
export const OrderProductRow = memo(function OrderProductRow({
  item,
  quantity,
  limit,
  disabled,
  isRefused,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameId = useId();
  const isOverLimit = quantity > limit;
  const classes = ['order-product'];
  if (quantity > 0) classes.push('is-chosen');
  if (isRefused || isOverLimit) classes.push('is-refused');

  return (
    <article className={classes.join(' ')} aria-labelledby={nameId} data-product-id={item.productId}>
      <div className="order-product-info">
        <h4 className="order-product-name">
          <span id={nameId}>{item.name}</span>
          {item.isNew ? (
            <Tag color="red" className="order-product-new">
              {t('portalOrder.isNew')}
            </Tag>
          ) : null}
        </h4>
        <p className="order-product-code">{item.code}</p>
        <p className="order-product-price">
          <span>
            <strong>{formatYuan(item.wholesalePrice, locale)}</strong>
            <span className="portal-muted">{t('portalOrder.perCarton')}</span>
          </span>
          {item.retailPrice ? (
            <span className="order-product-retail">
              {t('portalOrder.retailPrice', { price: formatYuan(item.retailPrice, locale) })}
            </span>
          ) : null}
        </p>
        <p className="order-product-quota">
          {item.quota === null ? (
            <span>{t('portalOrder.unlimited')}</span>
          ) : (
            <>
              <span>{t('portalOrder.quota', { quota: item.quota })}</span>
              <span className={item.remaining === 0 ? 'order-product-remaining is-zero' : 'order-product-remaining'}>
                {item.remaining === 0
                  ? t('portalOrder.soldOut')
                  : t('portalOrder.remaining', { remaining: item.remaining })}
              </span>
            </>
          )}
        </p>
      </div>
      <OrderQuantityStepper
        name={item.name}
        value={quantity}
        limit={limit}
        disabled={disabled}
        isInvalid={isRefused || isOverLimit}
        onChange={(next) => onChange(item.productId, next)}
      />
      {isOverLimit ? (
        <p className="order-product-error" role="alert">
          {t('portalOrder.overLimit', { limit })}
          <Button size="small" type="link" onClick={() => onChange(item.productId, limit)} disabled={disabled}>
            {t('portalOrder.setToLimit', { limit })}
          </Button>
        </p>
      ) : isRefused ? (
        <p className="order-product-error" role="alert">
          {t('portalOrder.quotaExceededHere')}
        </p>
      ) : null}
    </article>
  );
});
