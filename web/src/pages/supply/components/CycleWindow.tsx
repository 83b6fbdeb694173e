import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { CycleSummary } from '../supply.api.ts';

export function CycleWindow({ cycle }: { cycle: CycleSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (cycle.orderDayOnly) return <>{t('supply.cycles.windowOrderDay', { cutoff: cycle.dailyCutoff })}</>;
  return <>{format.dateTimeRange(cycle.opensAt, cycle.closesAt)}</>;
}
