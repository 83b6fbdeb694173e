import { DomainError } from '../../platform/errors/domain-error.ts';
import { isoWeekOf } from '../../platform/time/weeks.ts';

// Rules of ordering (订货): what a valid order looks like, and whether it fits the store's quotas.
// When a store may order is the cycle's window (cycle-window.rules.ts). Pure: the data come in as
// arguments.

export const maxOrderLines = 200;
// 每单每品限订: the most cartons of one product one order may hold. A cycle sets its own; the
// default is far above any real store's week (the demo's largest line is a few dozen cartons, a
// large supermarket's a hundred or two) and keeps every quantity and amount that sums lines
// within the database's integers.
export const defaultLineCap = 500;
export const lineCapRange = { min: 1, max: 10_000 } as const;
// The most cartons of one product a store's quota row can record in a cycle (its integer column).
export const maxRecordedQuantity = 2_147_483_647;

// A cycle is named by its ISO week (2026-W48).
export const cycleCodeOf = isoWeekOf;

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

// The cycle's products by id; every line's product must be among them, or the first that is not is
// named.
export function cycleProductsOfLines<Product extends { productId: number }>(
  products: readonly Product[],
  lines: readonly OrderLineInput[],
): Map<number, Product> {
  const found = new Map(products.map((product) => [product.productId, product]));
  for (const line of lines) {
    if (!found.has(line.productId)) throw new DomainError('PRODUCT_NOT_IN_CYCLE', { productId: line.productId });
  }
  return found;
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

// A new cycle's cap of cartons per product per order: the default unless the centre sets one.
export function lineCapOf(lineCap: number | undefined): number {
  const chosen = lineCap ?? defaultLineCap;
  if (!isLineCap(chosen)) throw new DomainError('CYCLE_LINE_CAP_INVALID', { ...lineCapRange, lineCap: chosen });
  return chosen;
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
