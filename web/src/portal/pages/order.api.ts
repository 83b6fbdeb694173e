import { useQuery } from '@tanstack/react-query';
import type {
  orderListSchema,
  orderResultSchema,
  orderViewSchema,
  placeOrderSchema,
  portalCycleSchema,
} from '../../../../server/src/modules/supply/supply.contract.ts';
import { api, isApiError } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// The retailer's side of the supply contract (GET/POST /portal/…, supply.contract.ts).
// Prices are yuan, quantities cartons (条).

// quota null: unlimited (不限量); `remaining` is null then too. isOpen: the store's window
// contains the server's now.
export type PortalCycle = Wire<typeof portalCycleSchema>;
export type PortalCycleItem = PortalCycle['items'][number];
export type OrderWindow = PortalCycle['window'];

export type OrderLineRequest = Body<typeof placeOrderSchema>['lines'][number];

// 201 of POST /portal/orders and 200 of PUT /portal/orders/:id.
export type OrderReceipt = Wire<typeof orderResultSchema>;
export type OrderReceiptLine = OrderReceipt['lines'][number];

export type PortalOrder = Wire<typeof orderViewSchema>;
export type OrderChannel = PortalOrder['channel'];
export type OrderStatus = PortalOrder['status'];

export const portalCycleQueryKey = ['portal', 'cycle'] as const;
export const portalOrdersQueryKey = ['portal', 'orders'] as const;

// No open cycle is an ordinary state of the week (404 NO_OPEN_CYCLE), not a failure: null.
export async function fetchPortalCycle(signal?: AbortSignal): Promise<PortalCycle | null> {
  try {
    return await api.get<PortalCycle>('/portal/cycle', undefined, { signal });
  } catch (error) {
    if (isApiError(error) && error.code === 'NO_OPEN_CYCLE') return null;
    throw error;
  }
}

export function usePortalCycle() {
  return useQuery({
    queryKey: portalCycleQueryKey,
    queryFn: ({ signal }) => fetchPortalCycle(signal),
  });
}

export function usePortalOrders(cycleId?: number) {
  return useQuery({
    queryKey: [...portalOrdersQueryKey, cycleId ?? 'all'],
    queryFn: ({ signal }) => api.get<Wire<typeof orderListSchema>>('/portal/orders', { cycleId }, { signal }),
    select: (data) => data.items,
  });
}

// The key makes a retried submission return the first result instead of a second order.
export function submitOrder(lines: OrderLineRequest[], idempotencyKey: string) {
  return api.post<OrderReceipt>('/portal/orders', { lines } satisfies Body<typeof placeOrderSchema>, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function changeOrder(orderId: number, lines: OrderLineRequest[]) {
  return api.put<OrderReceipt>(`/portal/orders/${orderId}`, { lines } satisfies Body<typeof placeOrderSchema>);
}

export function cancelOrder(orderId: number) {
  return api.delete(`/portal/orders/${orderId}`);
}
