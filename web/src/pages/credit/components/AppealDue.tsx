import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysUntil } from '../../../shared/credit-format.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import type { AppealStatus } from '../credit.api.ts';

export const appealStatusColours: Record<AppealStatus, string> = {
  open: 'processing',
  accepted: 'green',
  rejected: 'red',
};

// Today in Beijing, as the deadlines are days there.
export function businessToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

// The deadline of an open appeal: days left, due today, or days overdue (red).
export function DueText({ appeal }: { appeal: { status: AppealStatus; dueOn: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (appeal.status !== 'open') return <>{format.day(appeal.dueOn)}</>;
  const days = daysUntil(appeal.dueOn, businessToday());
  const left =
    days > 0
      ? t('credit.appeals.daysLeft', { count: days })
      : days === 0
        ? t('credit.appeals.dueToday')
        : t('credit.appeals.overdue', { count: -days });
  return (
    <span>
      {format.day(appeal.dueOn)}{' '}
      <Typography.Text type={days < 0 ? 'danger' : days <= 3 ? 'warning' : 'secondary'}>（{left}）</Typography.Text>
    </span>
  );
}
