import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  categoriseInputSchema,
  feedbackItemSchema,
  feedbackPageSchema,
  summarySchema,
} from '../../../../server/src/modules/consumer-feedback/consumer-feedback.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 消费者意见 (/api/v1/consumer-feedback…): the consumer-feedback module's contract. Its clock is
// the complaints' (each item's ticket): responseDueAt and state come from the server.

export type FeedbackItem = Wire<typeof feedbackItemSchema>;
export type FeedbackPage = Wire<typeof feedbackPageSchema>;
export type FeedbackSummary = Wire<typeof summarySchema>;
export type CategoriseInput = Body<typeof categoriseInputSchema>;

export const feedbackTopics = ['price', 'quality', 'availability', 'packaging', 'other'] as const;
export type FeedbackTopic = SameCodes<(typeof feedbackTopics)[number], FeedbackItem['topic']>;
export const feedbackStates = ['open', 'overdue', 'answered'] as const;
export type FeedbackState = SameCodes<(typeof feedbackStates)[number], FeedbackItem['state']>;

export type FeedbackQuery = {
  state?: 'open' | 'answered';
  overdue?: 'true';
  topic?: FeedbackTopic;
  productId?: number;
  branchId?: number;
  limit: number;
  offset: number;
};

export const feedbackKeys = {
  all: ['consumer-feedback'] as const,
  list: (query: object) => ['consumer-feedback', 'list', query] as const,
  summary: (month: string) => ['consumer-feedback', 'summary', month] as const,
};

export function useFeedbackQueue(query: FeedbackQuery) {
  return useQuery({
    queryKey: feedbackKeys.list(query),
    queryFn: ({ signal }) => api.get<FeedbackPage>('/consumer-feedback', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackSummary(month: string) {
  return useQuery({
    queryKey: feedbackKeys.summary(month),
    queryFn: ({ signal }) => api.get<FeedbackSummary>('/consumer-feedback/summary', { month }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const summaryExportUrl = (month: string) => buildUrl('/consumer-feedback/summary/export', { month });
export const feedbackPhotoUrl = (id: number) => buildUrl(`/consumer-feedback/${id}/photo`);

export function useAnswerFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: number; answer: string }) =>
      api.post<FeedbackItem>(`/consumer-feedback/${id}/answer`, { answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

export function useCategoriseFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: CategoriseInput & { id: number }) =>
      api.put<FeedbackItem>(`/consumer-feedback/${id}/category`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}
