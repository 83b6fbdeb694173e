import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../../shared/use-countdown.ts';
import { useFormat } from '../../shared/use-locale.ts';
import type { PortalCycle } from './order.api.ts';
import { formatTimeLeft, type WindowPhase } from './order-window.ts';

// The cycle and its window: a countdown to cutoff while open, a plain notice otherwise.
export function OrderWindowCard({ cycle, phase }: { cycle: PortalCycle; phase: WindowPhase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const closesAt = format.dateTime(cycle.window.closesAt);
  // A store owner knows 12月第1周, not 2026-W49.
  const title = cycle.cycleCode
    ? t('portalOrder.cycle', { code: format.cycleWeekShort(cycle.cycleCode) })
    : t('portalOrder.cycleFallback');

  if (phase === 'upcoming') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('portalOrder.window.upcomingTitle')}
        description={t('portalOrder.window.upcomingDetail', {
          time: format.dateTime(cycle.window.opensAt),
          closesAt,
        })}
      />
    );
  }
  if (phase === 'closed') {
    return (
      <Alert
        role="alert"
        type="warning"
        showIcon
        title={t('portalOrder.window.closedTitle')}
        description={t('portalOrder.window.closedDetail', { time: closesAt })}
      />
    );
  }
  return (
    <section className="order-window" aria-label={title}>
      <div>
        <h2 className="order-window-title">{title}</h2>
        <p className="order-window-cutoff">{t('portalOrder.window.closesAt', { time: closesAt })}</p>
      </div>
      <CountdownToCutoff closesAt={cycle.window.closesAt} />
    </section>
  );
}

// Its own component: only this re-renders every second, not the product list.
function CountdownToCutoff({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const secondsLeft = useCountdown(Date.parse(closesAt));
  return (
    <span className="order-window-countdown" role="timer">
      <ClockCircleOutlined /> {t('portalOrder.window.timeLeft', { time: formatTimeLeft(secondsLeft, t) })}
    </span>
  );
}
