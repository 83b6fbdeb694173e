import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestStatus } from '../contests.api.ts';

const colours = { open: 'processing', published: 'green' } as const;

export function ContestStatusTag({ status }: { status: ContestStatus }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`contests.statuses.${status}`)}</Tag>;
}
