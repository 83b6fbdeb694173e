import type { OrderLineRequest, PortalCycleItem } from './order.api.ts';

// What the store is about to order: product id → cartons (only quantities above 0 are kept).
export type Cart = ReadonlyMap<number, number>;

// An unlimited product (不限量) still has a ceiling per line: the cycle's cap of cartons of one
// product per order (每单每品限订), this when a cycle does not say.
export const unlimitedLineCeiling = 500;

// The most a line may ask for: what is left of the quota, plus what the order being changed
// already holds of it (a change is checked on the difference), and never above the cycle's cap
// per line. The server has the last word.
export function quantityLimit(
  item: Pick<PortalCycleItem, 'remaining'>,
  alreadyInOrder = 0,
  lineCap = unlimitedLineCeiling,
): number {
  if (item.remaining === null) return lineCap;
  return Math.max(0, Math.min(item.remaining + alreadyInOrder, lineCap));
}

// Whole cartons between 0 and the limit, whatever was typed or tapped.
export function clampQuantity(value: number, limit: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(Math.floor(value), Math.max(0, limit));
}

// Digits typed into the quantity box ("", "012", "3a") → cartons.
export function parseQuantity(text: string): number {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? 0 : Number(digits);
}

export function setCartQuantity(cart: Cart, productId: number, quantity: number): Cart {
  const next = new Map(cart);
  if (quantity > 0) next.set(productId, quantity);
  else next.delete(productId);
  return next;
}

// Money is added up in fen (分): 0.1 + 0.2 in yuan floats is not 0.3.
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export type CartTotals = { products: number; cartons: number; totalFen: number; total: number };

export function cartTotals(cart: Cart, items: readonly Pick<PortalCycleItem, 'productId' | 'wholesalePrice'>[]) {
  let products = 0;
  let cartons = 0;
  let totalFen = 0;
  for (const item of items) {
    const quantity = cart.get(item.productId) ?? 0;
    if (quantity <= 0) continue;
    products += 1;
    cartons += quantity;
    totalFen += yuanToFen(item.wholesalePrice) * quantity;
  }
  return { products, cartons, totalFen, total: totalFen / 100 } satisfies CartTotals;
}

// The request's lines, in the cycle's product order; products no longer in the cycle are dropped.
export function cartLines(cart: Cart, items: readonly Pick<PortalCycleItem, 'productId'>[]): OrderLineRequest[] {
  return items.flatMap((item) => {
    const qty = cart.get(item.productId) ?? 0;
    return qty > 0 ? [{ productId: item.productId, qty }] : [];
  });
}

// Lines asking for more than is left, e.g. after another device or a phone order used the quota.
export function linesOverLimit(
  cart: Cart,
  items: readonly Pick<PortalCycleItem, 'productId' | 'remaining'>[],
  alreadyInOrder: ReadonlyMap<number, number> = new Map(),
  lineCap = unlimitedLineCeiling,
): number[] {
  return items
    .filter(
      (item) => (cart.get(item.productId) ?? 0) > quantityLimit(item, alreadyInOrder.get(item.productId), lineCap),
    )
    .map((item) => item.productId);
}

export type BrandGroup<T> = { brand: string; items: T[] };

// Products by brand (品牌), brands in the order the cycle first lists them.
export function groupByBrand<T extends Pick<PortalCycleItem, 'brand'>>(items: readonly T[], otherLabel: string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const brand = item.brand?.trim() || otherLabel;
    const group = groups.get(brand);
    if (group) group.push(item);
    else groups.set(brand, [item]);
  }
  return [...groups].map(([brand, members]): BrandGroup<T> => ({ brand, items: members }));
}

// A search matches the name, the brand or the code; an empty search matches everything.
export function matchesSearch(item: Pick<PortalCycleItem, 'name' | 'brand' | 'code'>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [item.name, item.brand ?? '', item.code].some((text) => text.toLowerCase().includes(needle));
}
