import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningLevel, WarningStatus } from '../prices.api.ts';

const statusColors: Record<WarningStatus, string> = {
  new: 'red',
  acknowledged: 'orange',
  action_taken: 'blue',
  closed: 'default',
};

export function WarningStatusTag({ status }: { status: WarningStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`prices.warnings.statuses.${status}`)}</Tag>;
}

export function WarningLevelTag({ level }: { level: WarningLevel }) {
  const { t } = useTranslation();
  return <Tag color={level === 'red' ? 'red' : 'gold'}>{t(`prices.levels.${level}`)}</Tag>;
}
