import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  articleFileSchema,
  articleInputSchema,
  articleListSchema,
  articleSchema,
  categoryInputSchema,
  categoryListSchema,
  previewSchema,
  receiptGroupings,
  receiptsSchema,
  unreadListSchema,
  worklistSchema,
} from '../../../../server/src/modules/information/information.contract.ts';
import type { ArticleStatus as ServerArticleStatus } from '../../../../server/src/modules/information/information.schema.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 信息推送 (/api/v1/articles…, /api/v1/article-categories, /api/v1/article-files…): the information
// module's contract (information.contract.ts). The server sanitises the body; the receipts are read
// from the delivery rows, so a read a moment before is counted.

export const articleStatuses = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = SameCodes<(typeof articleStatuses)[number], ServerArticleStatus>;
export type ReceiptGrouping = (typeof receiptGroupings)[number];
export const groupings: readonly ReceiptGrouping[] = ['branch', 'manager', 'class', 'format'];

export type Article = Wire<typeof articleSchema>;
export type ArticleSummary = Wire<typeof articleListSchema>['items'][number];
export type ArticleInput = Body<typeof articleInputSchema>;
export type ArticleFile = Wire<typeof articleFileSchema>;
export type Category = Wire<typeof categoryListSchema>['items'][number];
export type CategoryInput = Body<typeof categoryInputSchema>;
export type ReceiptRow = Wire<typeof receiptsSchema>['rows'][number];
export type UnreadStore = Wire<typeof unreadListSchema>['items'][number];
export type WorklistLine = Wire<typeof worklistSchema>['items'][number];

export type ArticleFilter = { status?: ArticleStatus; categoryId?: number; q?: string; page: number };
const pageSize = 20;

export const articleKeys = {
  all: ['articles'] as const,
  list: (filter: ArticleFilter) => ['articles', 'list', filter] as const,
  one: (id: number) => ['articles', id] as const,
  receipts: (id: number, groupBy: ReceiptGrouping) => ['articles', id, 'receipts', groupBy] as const,
  unread: (id: number, page: number) => ['articles', id, 'unread', page] as const,
  categories: ['article-categories'] as const,
  worklist: ['articles', 'worklist'] as const,
};

export function useArticles(filter: ArticleFilter) {
  return useQuery({
    queryKey: articleKeys.list(filter),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<Wire<typeof articleListSchema>>(
        '/articles',
        {
          status: filter.status,
          categoryId: filter.categoryId,
          q: filter.q || undefined,
          limit: pageSize,
          offset: (filter.page - 1) * pageSize,
        },
        { signal },
      ),
  });
}
export const articlePageSize = pageSize;

export function useArticle(id: number | undefined) {
  return useQuery({
    queryKey: articleKeys.one(id ?? 0),
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<Article>(`/articles/${id}`, undefined, { signal }),
  });
}

export function useReceipts(id: number, groupBy: ReceiptGrouping) {
  return useQuery({
    queryKey: articleKeys.receipts(id, groupBy),
    queryFn: ({ signal }) => api.get<Wire<typeof receiptsSchema>>(`/articles/${id}/receipts`, { groupBy }, { signal }),
  });
}

export function useUnreadStores(id: number, page: number) {
  return useQuery({
    queryKey: articleKeys.unread(id, page),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<Wire<typeof unreadListSchema>>(
        `/articles/${id}/unread`,
        { limit: pageSize, offset: (page - 1) * pageSize },
        { signal },
      ),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: articleKeys.categories,
    queryFn: ({ signal }) => api.get<Wire<typeof categoryListSchema>>('/article-categories', undefined, { signal }),
  });
}

export function useWorklist() {
  return useQuery({
    queryKey: articleKeys.worklist,
    queryFn: ({ signal }) => api.get<Wire<typeof worklistSchema>>('/articles/worklist', undefined, { signal }),
  });
}

export const createArticle = (input: ArticleInput) => api.post<Article>('/articles', input);
export const updateArticle = (id: number, input: ArticleInput) => api.put<Article>(`/articles/${id}`, input);
export const publishArticle = (id: number, publishAt: string | null) =>
  api.post<Article>(`/articles/${id}/publish`, publishAt ? { publishAt } : {});
export const withdrawArticle = (id: number) => api.post<Article>(`/articles/${id}/withdraw`);
export const previewBody = (bodyHtml: string) =>
  api.post<Wire<typeof previewSchema>>('/articles/preview', { bodyHtml });
export const uploadImage = (file: File) => postFile<ArticleFile>('/article-files/images', file);
export const uploadAttachment = (file: File) => postFile<ArticleFile>('/article-files/attachments', file);
export const newsletterUrl = (month: string) => buildUrl('/articles/newsletter', { month });

export function useSaveCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: CategoryInput }) =>
      id === undefined
        ? api.post<Wire<typeof categoryListSchema>>('/article-categories', input)
        : api.put<Wire<typeof categoryListSchema>>(`/article-categories/${id}`, input),
    onSuccess: (data) => client.setQueryData(articleKeys.categories, data),
  });
}

export function useArticleMutation<Input>(run: (input: Input) => Promise<Article>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (article) => {
      client.setQueryData(articleKeys.one(article.id), article);
      void client.invalidateQueries({ queryKey: ['articles', 'list'] });
    },
  });
}
