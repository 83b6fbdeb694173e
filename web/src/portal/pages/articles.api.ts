import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  portalArticleSchema,
  portalFeedSchema,
  portalRemindersSchema,
} from '../../../../server/src/modules/information/information.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Wire } from '../../shared/wire.ts';

// 资讯 (the information module's portal routes, /api/v1/portal/articles): the articles delivered to
// the signed-in store, unread first; reading and acknowledging are idempotent (204).

export type PortalFeed = Wire<typeof portalFeedSchema>;
export type PortalFeedItem = PortalFeed['items'][number];
export type PortalArticle = Wire<typeof portalArticleSchema>;
export type PortalReminder = Wire<typeof portalRemindersSchema>['items'][number];

export const portalArticleKeys = {
  all: ['portal', 'articles'] as const,
  feed: (q: string) => ['portal', 'articles', 'feed', q] as const,
  first: ['portal', 'articles', 'feed', ''] as const,
  reminders: ['portal', 'articles', 'reminders'] as const,
  one: (id: number) => ['portal', 'articles', id] as const,
};

// The first page of the feed (the home card reads it).
export function usePortalFeedHead(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...portalArticleKeys.first, 'head'],
    queryFn: ({ signal }) => api.get<PortalFeed>('/portal/articles', undefined, { signal }),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function usePortalReminders(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: portalArticleKeys.reminders,
    queryFn: ({ signal }) => api.get<{ items: PortalReminder[] }>('/portal/articles/reminders', undefined, { signal }),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function usePortalFeed(q: string) {
  return useInfiniteQuery({
    queryKey: portalArticleKeys.feed(q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<PortalFeed>('/portal/articles', { cursor: pageParam, q: q || undefined }, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePortalArticle(id: number) {
  return useQuery({
    queryKey: portalArticleKeys.one(id),
    queryFn: ({ signal }) => api.get<PortalArticle>(`/portal/articles/${id}`, undefined, { signal }),
    retry: false,
  });
}

export function useMarkArticle(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: 'read' | 'acknowledge') => api.post<void>(`/portal/articles/${id}/${kind}`),
    onSuccess: (_result, kind) => {
      client.setQueryData<PortalArticle>(portalArticleKeys.one(id), (article) =>
        article ? { ...article, read: true, acknowledged: article.acknowledged || kind === 'acknowledge' } : article,
      );
      void client.invalidateQueries({ queryKey: ['portal', 'articles', 'feed'] });
      if (kind === 'acknowledge') void client.invalidateQueries({ queryKey: portalArticleKeys.reminders });
    },
  });
}
