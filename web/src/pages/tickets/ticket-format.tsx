import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaOutcome, TicketStatus } from '../../shared/tickets.api.ts';

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

export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}
