import { useTranslation } from 'react-i18next';
import { isKnownIndicator } from '../../../shared/credit.ts';

// An indicator's name in the UI's language; one the catalogue does not know shows the model's
// label, or its code as a code.
export function IndicatorLabel({ indicator, label }: { indicator: string; label?: string | null }) {
  const { t } = useTranslation();
  if (isKnownIndicator(indicator)) return t(`credit.indicators.${indicator}`);
  return label ? label : <code>{indicator}</code>;
}
