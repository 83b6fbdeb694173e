import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaOutcome, TicketStatus } from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';

// Colours of a ticket's status and SLA outcome, shared by the list and the detail.
const statusColours: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  resolved: 'green',
  confirmed: 'success',
  closed: 'default',
};
const slaColours: Record<SlaOutcome, string> = { pending: 'default', met: 'success', breached: 'error' };

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status]}>{t(`tickets.statuses.${status}`)}</Tag>;
}

export function SlaTag({ outcome }: { outcome: SlaOutcome }) {
  const { t } = useTranslation();
  return <Tag color={slaColours[outcome]}>{t(`tickets.sla.${outcome}`)}</Tag>;
}

// A list's SLA cell: the outcome, then what the time beside it is — when the step was done, or
// the deadline while it is not (a deadline next to 达标 would read as if answered then).
export function SlaCell({
  outcome,
  doneAt,
  dueAt,
  step,
}: {
  outcome: SlaOutcome;
  doneAt: string | null;
  dueAt: string;
  step: 'responded' | 'resolved';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex vertical gap={2} align="flex-start">
      <SlaTag outcome={outcome} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {doneAt
          ? t(`tickets.slaCell.${step}`, { time: format.dateTime(doneAt) })
          : t('tickets.slaCell.dueBy', { time: format.dateTime(dueAt) })}
      </Typography.Text>
    </Flex>
  );
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}
