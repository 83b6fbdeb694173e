import type { PortalCycle, PortalOrder } from './order.api.ts';
import type { WindowPhase } from './order-window.ts';

// A store may change or cancel a submitted order of the cycle it can still order in, until cutoff.
export function isOrderChangeable(
  order: Pick<PortalOrder, 'cycleId' | 'status'>,
  openCycle: Pick<PortalCycle, 'cycleId'> | null,
  phase: WindowPhase | undefined,
): boolean {
  return order.status === 'submitted' && openCycle?.cycleId === order.cycleId && phase === 'open';
}

// Newest first, whatever order the list arrived in (equal times: the larger id is the later).
export function newestFirst<T extends Pick<PortalOrder, 'orderId' | 'createdAt'>>(orders: readonly T[]): T[] {
  return [...orders].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.orderId - a.orderId);
}
