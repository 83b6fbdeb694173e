import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CycleStatus } from '../supply.api.ts';

const colors: Record<CycleStatus, string> = { draft: 'default', published: 'green', closed: 'blue' };

export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`supply.cycles.statuses.${status}`)}</Tag>;
}
