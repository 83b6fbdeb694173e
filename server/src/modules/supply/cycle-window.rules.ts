import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingMidnightOf, beijingOffsetMs } from '../../platform/time/beijing.ts';
import { isMonday } from '../../platform/time/weeks.ts';

// 订货窗口: when ordering in a cycle opens and closes — the cycle's own window, and each store's
// within it — and whether a store may order at a given instant. Pure: `now` comes in.

const dayMs = 24 * 60 * 60 * 1000;
// A store's order day opens at 08:00 and closes at the cycle's daily cutoff (Beijing time).
export const orderDayOpening = '08:00';

export type CycleWindowSettings = {
  weekStart: string; // the cycle's Monday, YYYY-MM-DD
  opensAt: Date;
  closesAt: Date;
  orderDayOnly: boolean;
  dailyCutoff: string; // HH:MM, Beijing time
};

export type OrderWindow = { opensAt: Date; closesAt: Date };

export type NewCycleWindow = {
  weekStart: string;
  opensAt?: string;
  closesAt?: string;
  dailyCutoff: string;
};

// A new cycle's window. A cycle is a week from Monday: unless the centre sets its own opening and
// closing, it opens at the Monday's midnight and closes at the next Monday's (Beijing time). The
// daily cutoff is HH:MM, and the cycle must open before it closes.
export function cycleWindowOf(input: NewCycleWindow): OrderWindow {
  if (!isMonday(input.weekStart)) throw new DomainError('CYCLE_WEEK_INVALID', { weekStart: input.weekStart });
  const weekStartInstant = beijingMidnightOf(input.weekStart).getTime();
  const opensAt = input.opensAt ? new Date(input.opensAt) : new Date(weekStartInstant);
  const closesAt = input.closesAt ? new Date(input.closesAt) : new Date(weekStartInstant + 7 * dayMs);
  // An unreadable instant compares false and is refused with the rest.
  if (!isCutoff(input.dailyCutoff) || !(opensAt.getTime() < closesAt.getTime())) {
    throw new DomainError('CYCLE_WINDOW_INVALID');
  }
  return { opensAt, closesAt };
}

// A store's window in a cycle: its order day (1 = 周一 … 7 = 周日) from 08:00 to the cutoff, or, when
// the cycle is open to all days, the cycle's own window.
export function orderWindowOf(cycle: CycleWindowSettings, orderDay: number): OrderWindow {
  if (!cycle.orderDayOnly) return { opensAt: cycle.opensAt, closesAt: cycle.closesAt };
  const day = new Date(`${cycle.weekStart}T00:00:00Z`).getTime() + (orderDay - 1) * dayMs;
  return {
    opensAt: new Date(day + minutesOf(orderDayOpening) * 60_000 - beijingOffsetMs),
    closesAt: new Date(day + minutesOf(cycle.dailyCutoff) * 60_000 - beijingOffsetMs),
  };
}

// The opening instant is inside the window, the cutoff itself outside.
export function isWindowOpen(window: OrderWindow, now: Date): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() < window.closesAt.getTime();
}

export function assertWindowOpen(window: OrderWindow, now: Date): void {
  if (!isWindowOpen(window, now)) {
    throw new DomainError('ORDER_WINDOW_CLOSED', {
      opensAt: formatBeijing(window.opensAt),
      closesAt: formatBeijing(window.closesAt),
    });
  }
}

// What the portal shows a store of the cycle it orders in: its window, and whether it may order now —
// only inside the window, and only when the published allocation gave it a quota row.
export function storeOrderingOf(
  cycle: CycleWindowSettings,
  store: { orderDay: number; isInCycle: boolean },
  now: Date,
): { window: OrderWindow; isOpen: boolean } {
  const window = orderWindowOf(cycle, store.orderDay);
  return { window, isOpen: isWindowOpen(window, now) && store.isInCycle };
}

export function isCutoff(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

// "2026-11-26 17:00" in Beijing time, for messages.
export function formatBeijing(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}
