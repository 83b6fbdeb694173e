import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api-client.ts';

// The retailer's side of issue 4's contract (GET/POST /portal/…). Prices are yuan, quantities cartons (条).

export type PortalCycleItem = {
  productId: number;
  code: string;
  name: string;
  wholesalePrice: number;
  // null: unlimited (不限量); `remaining` is null then too.
  quota: number | null;
  ordered: number;
  remaining: number | null;
  // Added beside the contract by the supply module; older servers may leave them out.
  brand?: string;
  priceClass?: number;
  retailPrice?: number | null;
  isNew?: boolean;
};

export type OrderWindow = { opensAt: string; closesAt: string };

export type PortalCycle = {
  cycleId: number;
  cycleCode?: string;
  window: OrderWindow;
  // Whether the store's window contains the server's now.
  isOpen?: boolean;
  items: PortalCycleItem[];
};

export type OrderLineRequest = { productId: number; qty: number };

export type OrderReceiptLine = {
  productId: number;
  code: string;
  name: string;
  qty: number;
  unitPrice: number;
  amount: number;
};

// 201 of POST /portal/orders and 200 of PUT /portal/orders/:id.
export type OrderReceipt = { orderId: number; lines: OrderReceiptLine[]; total: number };

export type OrderChannel = 'online' | 'phone' | 'visit';
export type OrderStatus = 'submitted' | 'cancelled';

export type PortalOrder = {
  orderId: number;
  cycleId: number;
  cycleCode: string;
  channel: OrderChannel;
  status: OrderStatus;
  total: number;
  lines: OrderReceiptLine[];
  createdAt: string;
  updatedAt: string;
};

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
    queryFn: ({ signal }) => api.get<{ items: PortalOrder[] }>('/portal/orders', { cycleId }, { signal }),
    select: (data) => data.items,
  });
}

// The key makes a retried submission return the first result instead of a second order.
export function submitOrder(lines: OrderLineRequest[], idempotencyKey: string) {
  return api.post<OrderReceipt>('/portal/orders', { lines }, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function changeOrder(orderId: number, lines: OrderLineRequest[]) {
  return api.put<OrderReceipt>(`/portal/orders/${orderId}`, { lines });
}

export function cancelOrder(orderId: number) {
  return api.delete(`/portal/orders/${orderId}`);
}
