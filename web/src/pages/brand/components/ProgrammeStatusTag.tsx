import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgrammeStatus } from '../brand.api.ts';

const colors: Record<ProgrammeStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };

export function ProgrammeStatusTag({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`brand.statuses.${status}`)}</Tag>;
}
