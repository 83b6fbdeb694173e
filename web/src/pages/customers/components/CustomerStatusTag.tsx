import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CustomerStatus, statusColors } from '../../../shared/customer-codes.ts';

export function CustomerStatusTag({ status, reason }: { status: CustomerStatus; reason?: string | null }) {
  const { t } = useTranslation();
  const tag = <Tag color={statusColors[status]}>{t(`customers.statuses.${status}`)}</Tag>;
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
