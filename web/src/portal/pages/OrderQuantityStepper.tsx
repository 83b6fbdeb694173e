import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { clampQuantity, parseQuantity } from './order-cart.ts';

type Props = {
  name: string;
  value: number;
  limit: number;
  disabled?: boolean;
  isInvalid?: boolean;
  onChange: (value: number) => void;
};

// − [ n ] +, thumb-sized. Tapping and typing stay within 0…limit; a value already above the
// limit (the quota shrank meanwhile) is shown as it is, and only comes down.
export function OrderQuantityStepper({ name, value, limit, disabled, isInvalid, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className={isInvalid ? 'order-stepper is-invalid' : 'order-stepper'}>
      <Button
        shape="circle"
        icon={<MinusOutlined />}
        aria-label={t('portalOrder.decrease', { name })}
        disabled={disabled || value <= 0}
        onClick={() => onChange(Math.max(0, value - 1))}
      />
      <input
        className="order-stepper-input"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        aria-label={t('portalOrder.quantityOf', { name })}
        aria-invalid={isInvalid || undefined}
        placeholder="0"
        disabled={disabled}
        value={value > 0 ? String(value) : ''}
        onChange={(event) => onChange(clampQuantity(parseQuantity(event.target.value), limit))}
        onFocus={(event) => event.target.select()}
      />
      <Button
        shape="circle"
        type={value > 0 ? 'primary' : 'default'}
        icon={<PlusOutlined />}
        aria-label={t('portalOrder.increase', { name })}
        disabled={disabled || value >= limit}
        onClick={() => onChange(clampQuantity(value + 1, limit))}
      />
    </div>
  );
}
