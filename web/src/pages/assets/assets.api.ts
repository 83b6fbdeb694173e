import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  assetDetailSchema,
  assetImportResultSchema,
  assetInputSchema,
  assetPageSchema,
  assetPhotoSchema,
  auditInputSchema,
  issueSchema,
  returnSchema,
  transferSchema,
  writeOffSchema,
} from '../../../../server/src/modules/terminals/assets.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { ExportFormat } from '../../shared/ExportButton.tsx';
import { postFile } from '../../shared/post-file.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 资产台账 (/api/v1/assets…, /customers/:id/assets): the fixture register's contract
// (server/src/modules/terminals/assets.contract.ts).

// The server's code lists, kept here at runtime for the selects and checked against the contract.
export const assetTypes = ['cabinet', 'rack', 'cover', 'signboard', 'screen', 'other'] as const;
export type AssetType = SameCodes<(typeof assetTypes)[number], Asset['type']>;
export const assetStatuses = ['in_stock', 'issued', 'written_off'] as const;
export type AssetStatus = SameCodes<(typeof assetStatuses)[number], Asset['status']>;
export const assetConditions = ['good', 'fair', 'damaged', 'missing'] as const;
export type AssetCondition = SameCodes<(typeof assetConditions)[number], Asset['condition']>;
export const assetEventKinds = ['register', 'issue', 'transfer', 'return', 'write_off', 'audit'] as const;
export type AssetEventKind = SameCodes<(typeof assetEventKinds)[number], AssetEvent['kind']>;

export type Asset = Wire<typeof assetPageSchema>['items'][number];
export type AssetPage = Wire<typeof assetPageSchema>;
export type AssetDetail = Wire<typeof assetDetailSchema>;
export type AssetEvent = AssetDetail['history'][number];
export type AssetInput = Body<typeof assetInputSchema>;
export type AuditInput = Body<typeof auditInputSchema>;
export type AssetImportResult = Wire<typeof assetImportResultSchema>;
export type AssetPhoto = Wire<typeof assetPhotoSchema>;

// The list's filters as the URL keeps them (and the export reads them).
export type AssetFilters = {
  type?: AssetType;
  status?: AssetStatus;
  branchId?: number;
  customerId?: number;
  tag?: string;
  auditOverdue?: boolean;
  recovery?: boolean;
};

export const assetKeys = {
  all: ['assets'] as const,
  list: (filters: AssetFilters, page: number) => ['assets', 'list', filters, page] as const,
  detail: (id: number) => ['assets', 'detail', id] as const,
  store: (customerId: number) => ['assets', 'store', customerId] as const,
};

function queryOf(filters: AssetFilters) {
  return {
    type: filters.type,
    status: filters.status,
    branchId: filters.branchId,
    customerId: filters.customerId,
    tag: filters.tag || undefined,
    auditOverdue: filters.auditOverdue ? 'true' : undefined,
    recovery: filters.recovery ? 'true' : undefined,
  };
}

export const assetPageSize = 20;

export function useAssets(filters: AssetFilters, page: number) {
  return useQuery({
    queryKey: assetKeys.list(filters, page),
    queryFn: ({ signal }) =>
      api.get<AssetPage>(
        '/assets',
        { ...queryOf(filters), limit: assetPageSize, offset: (page - 1) * assetPageSize },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAsset(id: number) {
  return useQuery({
    queryKey: assetKeys.detail(id),
    queryFn: ({ signal }) => api.get<AssetDetail>(`/assets/${id}`, undefined, { signal }),
    enabled: id > 0,
  });
}

// A store's fixtures: the 360° view's tab and the visit form's check.
export function useStoreAssets(customerId: number) {
  return useQuery({
    queryKey: assetKeys.store(customerId),
    queryFn: ({ signal }) => api.get<AssetPage>(`/customers/${customerId}/assets`, undefined, { signal }),
  });
}

export type StoreHit = { id: number; licenceNo: string; name: string; branchName: string | null };

// The store picker of an issue or a transfer (and the list's store filter): stores in business
// in the caller's scope, by name or licence number.
export function useActiveStoreSearch(q: string) {
  return useQuery({
    queryKey: ['assets', 'store-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: StoreHit[] }>('/customers', { q, status: 'active', limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const assetExportUrl = (filters: AssetFilters, format: ExportFormat) =>
  buildUrl('/assets/export', { ...queryOf(filters), format });
export const assetTemplateUrl = buildUrl('/assets/import/template');
export const assetPhotoUrl = (photoId: number) => buildUrl(`/assets/photos/${photoId}`);

export const registerAsset = (input: AssetInput) => api.post<AssetDetail>('/assets', input);
export const issueAsset = ({ id, body }: { id: number; body: Body<typeof issueSchema> }) =>
  api.post<AssetDetail>(`/assets/${id}/issue`, body);
export const transferAsset = ({ id, body }: { id: number; body: Body<typeof transferSchema> }) =>
  api.post<AssetDetail>(`/assets/${id}/transfers`, body);
export const returnAsset = ({ id, body }: { id: number; body: Body<typeof returnSchema> }) =>
  api.post<AssetDetail>(`/assets/${id}/return`, body);
export const writeOffAsset = ({ id, body }: { id: number; body: Body<typeof writeOffSchema> }) =>
  api.post<AssetDetail>(`/assets/${id}/write-off`, body);
export const auditAsset = ({ id, body }: { id: number; body: AuditInput }) =>
  api.post<AssetDetail>(`/assets/${id}/audits`, body);
export const uploadAssetPhoto = (file: File) => postFile<AssetPhoto>('/assets/photos', file);
export const uploadAssetImport = (file: File) => postFile<AssetImportResult>('/assets/import', file);

// Every fixture query is refreshed after a change.
export function useAssetMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: assetKeys.all }),
  });
}
