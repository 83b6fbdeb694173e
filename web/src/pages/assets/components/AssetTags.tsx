import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetCondition, AssetStatus } from '../assets.api.ts';

const statusColours: Record<AssetStatus, string> = { in_stock: 'default', issued: 'blue', written_off: 'default' };
const conditionColours: Record<AssetCondition, string> = {
  good: 'green',
  fair: 'gold',
  damaged: 'orange',
  missing: 'red',
};

export function AssetStatusTag({ status }: { status: AssetStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status]}>{t(`assets.statuses.${status}`)}</Tag>;
}

export function AssetConditionTag({ condition }: { condition: AssetCondition }) {
  const { t } = useTranslation();
  return <Tag color={conditionColours[condition]}>{t(`assets.conditions.${condition}`)}</Tag>;
}

// What needs doing about a fixture: its audit is overdue, or its store closed (to recover).
export function AssetFlags({ asset }: { asset: Pick<Asset, 'auditOverdue' | 'forRecovery'> }) {
  const { t } = useTranslation();
  if (!asset.auditOverdue && !asset.forRecovery) return null;
  return (
    <Space size={4}>
      {asset.auditOverdue ? <Tag color="red">{t('assets.flags.overdue')}</Tag> : null}
      {asset.forRecovery ? <Tag color="volcano">{t('assets.flags.recovery')}</Tag> : null}
    </Space>
  );
}
