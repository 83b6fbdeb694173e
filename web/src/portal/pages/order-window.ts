import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { formatCountdown } from '../../shared/use-countdown.ts';
import type { OrderWindow } from './order.api.ts';

export type WindowPhase = 'upcoming' | 'open' | 'closed';

// Where now stands in the store's window. The server's isOpen (its clock, its rules such as the
// cycle's publication) wins while the window is running; the browser's clock closes the page at
// cutoff without waiting for a refetch.
export function windowPhase(window: OrderWindow, nowMs: number, isOpen?: boolean): WindowPhase {
  const opensAt = Date.parse(window.opensAt);
  const closesAt = Date.parse(window.closesAt);
  if (nowMs < opensAt) return 'upcoming';
  if (nowMs >= closesAt) return 'closed';
  return isOpen === false ? 'closed' : 'open';
}

// The next instant the phase can change, or null when it cannot any more.
export function nextWindowBoundary(window: OrderWindow, nowMs: number): number | null {
  const boundaries = [Date.parse(window.opensAt), Date.parse(window.closesAt)];
  return boundaries.find((at) => at > nowMs) ?? null;
}

// Longest delay setTimeout honours; a longer one would fire at once.
const maxTimerDelay = 2_147_483_647;

// The phase, re-read at the window's boundaries (not every second: the product list need not re-render).
export function useWindowPhase(orderWindow: OrderWindow | undefined, isOpen?: boolean): WindowPhase | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!orderWindow) return;
    const next = nextWindowBoundary(orderWindow, now);
    if (next === null) return;
    const delay = Math.min(maxTimerDelay, Math.max(0, next - Date.now()) + 50);
    const timer = setTimeout(() => setNow(Date.now()), delay);
    return () => clearTimeout(timer);
  }, [orderWindow, now]);
  return orderWindow ? windowPhase(orderWindow, now, isOpen) : undefined;
}

// 2 天 3 小时 / 5 小时 12 分 / 14:09: as precise as the time left calls for.
export function formatTimeLeft(seconds: number, t: TFunction): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return t('portalOrder.window.daysHours', { days, hours });
  if (hours > 0) return t('portalOrder.window.hoursMinutes', { hours, minutes });
  return formatCountdown(seconds);
}
