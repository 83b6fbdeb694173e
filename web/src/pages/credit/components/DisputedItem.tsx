import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sourceText } from '../../../shared/credit.ts';
import { formatPoints } from '../../../shared/credit-format.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import type { LedgerItem } from '../credit.api.ts';

type Disputed = { itemKey: string | null; item?: LedgerItem | null; level?: string | null };

// What an appeal disputes: a ledger item (its rule and points, or, in a list, the event its key
// names: "late_payment:order:812" → 订单 812) or the level itself.
export function DisputedItem({ appeal }: { appeal: Disputed }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (appeal.item)
    return (
      <Space size={6}>
        <span>{appeal.item.label}</span>
        <Typography.Text type={appeal.item.points < 0 ? 'danger' : 'success'}>
          {formatPoints(appeal.item.points, format.locale)}
        </Typography.Text>
      </Space>
    );
  if (appeal.itemKey) {
    const [, kind = 'other', ...id] = appeal.itemKey.split(':');
    return <>{t('credit.appeals.disputedItem', { source: sourceText(t, { kind, id: id.join(':') }) })}</>;
  }
  return appeal.level
    ? t('credit.appeals.disputedLevel', { level: appeal.level })
    : t('credit.appeals.disputedLevelOnly');
}
