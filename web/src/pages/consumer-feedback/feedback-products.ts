import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

// The catalogue's products on sale, for the queue's filter and the categorise dialog (the products
// module's list, /products, which every staff role reads).
export function useFeedbackProducts() {
  return useQuery({
    queryKey: ['products', 'consumer-feedback-picker'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/products', { status: 'active', limit: 500 }),
    select: (data) => data.items,
    staleTime: 600_000,
  });
}
