import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../shared/use-locale.ts';
import type { OrderReceipt } from './order.api.ts';
import { formatYuan } from './order-format.ts';

type Props = {
  receipt: OrderReceipt;
  isChange: boolean;
  onViewOrders: () => void;
  onContinue: () => void;
};

// What the server acknowledged (201/200): its lines and total, not the cart's.
export function OrderReceiptView({ receipt, isChange, onViewOrders, onContinue }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cartons = receipt.lines.reduce((sum, line) => sum + line.qty, 0);
  return (
    <div className="portal-page">
      <section className="portal-card">
        <Result
          status="success"
          className="order-receipt-result"
          title={isChange ? t('portalOrder.receipt.changedTitle') : t('portalOrder.receipt.createdTitle')}
          subTitle={t('portalOrder.receipt.orderNo', { id: receipt.orderId })}
        />
        <OrderLinesList lines={receipt.lines} />
        <div className="order-receipt-total">
          <span>
            {t('portalOrder.total')}{' '}
            <span className="portal-muted">
              {t('portalOrder.summary', { products: receipt.lines.length, cartons })}
            </span>
          </span>
          <strong>{formatYuan(receipt.total, locale)}</strong>
        </div>
      </section>
      <Button type="primary" size="large" block className="portal-big-button" onClick={onViewOrders}>
        {t('portalOrder.viewOrders')}
      </Button>
      <Button size="large" block className="portal-big-button" onClick={onContinue}>
        {t('portalOrder.receipt.continue')}
      </Button>
    </div>
  );
}

export function OrderLinesList({ lines }: { lines: OrderReceipt['lines'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="order-lines">
      {lines.map((line) => (
        <li key={line.productId}>
          <div className="order-lines-product">
            <span>{line.name}</span>
            <span className="portal-muted">
              {t('portalOrder.receipt.lineAmount', { qty: line.qty, price: formatYuan(line.unitPrice, locale) })}
            </span>
          </div>
          <span className="order-lines-amount">{formatYuan(line.amount, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
