import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingOffsetMs } from '../../platform/time/beijing.ts';

// Rules of ordering (订货): when a store may order in a cycle, what a valid order looks like, and
// whether it fits the store's quotas. Pure: the clock and the data come in as arguments.

// The company works on Beijing time; it has no daylight saving, so a fixed offset is exact.
const dayMs = 24 * 60 * 60 * 1000;
// A store's order day opens at 08:00 and closes at the cycle's daily cutoff.
export const orderDayOpening = '08:00';
export const maxOrderLines = 200;
// 每单每品限订: the most cartons of one product one order may hold. A cycle sets its own; the
// default is far above any real store's week (the demo's largest line is a few dozen cartons, a
// large supermarket's a hundred or two) and keeps every quantity and amount that sums lines
// within the database's integers.
export const defaultLineCap = 500;
export const lineCapRange = { min: 1, max: 10_000 } as const;
// The most cartons of one product a store's quota row can record in a cycle (its integer column).
export const maxRecordedQuantity = 2_147_483_647;

export type CycleWindowSettings = {
  weekStart: string; // the cycle's Monday, YYYY-MM-DD
  opensAt: Date;
  closesAt: Date;
  orderDayOnly: boolean;
  dailyCutoff: string; // HH:MM, Beijing time
};

export type OrderWindow = { opensAt: Date; closesAt: Date };

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

// The Monday (Beijing time) of the week an instant falls in, YYYY-MM-DD.
export function mondayOf(instant: Date): string {
  const local = new Date(instant.getTime() + beijingOffsetMs);
  const weekday = (local.getUTCDay() + 6) % 7; // 0 = Monday
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday))
    .toISOString()
    .slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * dayMs).toISOString().slice(0, 10);
}

// ISO week code of a cycle ("2026-W48") from its Monday.
export function cycleCodeOf(weekStart: string): string {
  const monday = new Date(`${weekStart}T00:00:00Z`);
  const thursday = new Date(monday.getTime() + 3 * dayMs);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / dayMs / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function isMonday(isoDate: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && new Date(`${isoDate}T00:00:00Z`).getUTCDay() === 1;
}

export type OrderLineInput = { productId: number; qty: number };

// The shape of an order, before any quota is read: at least one line, at most 200, whole positive
// cartons, each product once.
export function checkOrderLines(lines: readonly OrderLineInput[]): void {
  if (lines.length === 0) throw new DomainError('ORDER_EMPTY');
  if (lines.length > maxOrderLines) {
    throw new DomainError('ORDER_TOO_MANY_LINES', { limit: maxOrderLines, count: lines.length });
  }
  const seen = new Set<number>();
  for (const line of lines) {
    if (!Number.isInteger(line.qty) || line.qty <= 0) {
      throw new DomainError('ORDER_QTY_INVALID', { productId: line.productId, qty: line.qty });
    }
    if (seen.has(line.productId)) {
      throw new DomainError('ORDER_LINE_DUPLICATE', { productId: line.productId });
    }
    seen.add(line.productId);
  }
}

// Every line within the cycle's cap of cartons per product per order, whether the product has a
// quota or not; the first line above it is named.
export function checkLineCaps(
  lines: readonly OrderLineInput[],
  lineCap: number,
  products: ReadonlyMap<number, { name: string }>,
): void {
  for (const line of lines) {
    if (line.qty > lineCap) {
      throw new DomainError('ORDER_LINE_ABOVE_CAP', {
        productId: line.productId,
        product: products.get(line.productId)?.name ?? String(line.productId),
        qty: line.qty,
        cap: lineCap,
      });
    }
  }
}

export function isLineCap(value: number): boolean {
  return Number.isInteger(value) && value >= lineCapRange.min && value <= lineCapRange.max;
}

// A store's quota row in a cycle: arrays by product position; -1 = unlimited.
export type QuotaRow = { quotas: readonly number[]; ordered: readonly number[] };
export type CycleProductRef = { productId: number; position: number; name: string };

// Applies a change of ordered quantities (positive: more, negative: less) to a store's quota row.
// Every increase must fit what remains (for an unlimited product: what the row can record); the
// first line that does not names its product. Returns the new ordered array; the input is not
// changed.
export function applyToQuotas(
  row: QuotaRow,
  changes: ReadonlyArray<{ product: CycleProductRef; delta: number }>,
): number[] {
  const ordered = [...row.ordered];
  for (const { product, delta } of changes) {
    const quota = row.quotas[product.position];
    const current = ordered[product.position] ?? 0;
    const next = current + delta;
    const limit = quota === -1 ? maxRecordedQuantity : quota;
    if (delta > 0 && next > limit) {
      throw new DomainError('QUOTA_EXCEEDED', {
        productId: product.productId,
        product: product.name,
        requested: delta,
        remaining: Math.max(0, limit - current),
      });
    }
    ordered[product.position] = Math.max(0, next);
  }
  return ordered;
}

// The difference between an order's lines before and after a change, per product.
export function lineDeltas(
  before: readonly OrderLineInput[],
  after: readonly OrderLineInput[],
): Array<{ productId: number; delta: number }> {
  const deltas = new Map<number, number>();
  for (const line of before) deltas.set(line.productId, (deltas.get(line.productId) ?? 0) - line.qty);
  for (const line of after) deltas.set(line.productId, (deltas.get(line.productId) ?? 0) + line.qty);
  // Decreases first, so a change that moves cartons between products is judged on the net.
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([productId, delta]) => ({ productId, delta }))
    .sort((a, b) => a.delta - b.delta || a.productId - b.productId);
}

export function remainingOf(quota: number, ordered: number): number | null {
  return quota === -1 ? null : Math.max(0, quota - ordered);
}

export const yuan = (fen: number): number => Math.round(fen) / 100;
export const fenOf = (yuanAmount: number): number => Math.round(yuanAmount * 100);
