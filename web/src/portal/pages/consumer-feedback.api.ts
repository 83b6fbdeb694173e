import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  feedbackCreatedSchema,
  photoSchema,
  portalFeedbackInputSchema,
  portalFeedbackPageSchema,
  productChoicesSchema,
} from '../../../../server/src/modules/consumer-feedback/consumer-feedback.contract.ts';
import { api } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// 消费者意见 in the portal (/api/v1/portal/consumer-feedback…): relay, with an optional product and
// photo; the store's items with their answers.

export type PortalFeedbackPage = Wire<typeof portalFeedbackPageSchema>;
export type PortalFeedbackItem = PortalFeedbackPage['items'][number];
export type NewFeedback = Body<typeof portalFeedbackInputSchema>;
export type FeedbackCreated = Wire<typeof feedbackCreatedSchema>;
export type ProductChoice = Wire<typeof productChoicesSchema>['items'][number];

export const portalFeedbackTopics = ['price', 'quality', 'availability', 'packaging', 'other'] as const;

export const portalFeedbackKeys = {
  all: ['portal', 'consumer-feedback'] as const,
  products: ['portal', 'consumer-feedback', 'products'] as const,
};

export function usePortalFeedback() {
  return useQuery({
    queryKey: portalFeedbackKeys.all,
    queryFn: ({ signal }) =>
      api.get<PortalFeedbackPage>('/portal/consumer-feedback', { limit: 50, offset: 0 }, { signal }),
  });
}

export function useFeedbackProductChoices() {
  return useQuery({
    queryKey: portalFeedbackKeys.products,
    queryFn: ({ signal }) =>
      api.get<{ items: ProductChoice[] }>('/portal/consumer-feedback/products', undefined, { signal }),
    select: (data) => data.items,
    staleTime: 600_000,
  });
}

export const uploadFeedbackPhoto = (file: File) =>
  postFile<Wire<typeof photoSchema>>('/portal/consumer-feedback/photos', file);

export function useRelayFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewFeedback) => api.post<FeedbackCreated>('/portal/consumer-feedback', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalFeedbackKeys.all }),
  });
}
