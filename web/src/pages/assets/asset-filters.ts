import { type AssetFilters, type AssetStatus, type AssetType, assetStatuses, assetTypes } from './assets.api.ts';

// The register's view as its URL keeps it (/terminal-assets?type=cabinet&overdue=1&page=2), so a reload,
// a shared link or the 360° view's link brings the same list back. Unknown values are dropped.

export type AssetListView = AssetFilters & { page: number };

const positiveId = (value: string | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

export function parseAssetView(params: URLSearchParams): AssetListView {
  const type = params.get('type');
  const status = params.get('status');
  const tag = params.get('tag')?.trim().slice(0, 40);
  const page = positiveId(params.get('page')) ?? 1;
  return {
    type: (assetTypes as readonly string[]).includes(type ?? '') ? (type as AssetType) : undefined,
    status: (assetStatuses as readonly string[]).includes(status ?? '') ? (status as AssetStatus) : undefined,
    branchId: positiveId(params.get('branch')),
    customerId: positiveId(params.get('store')),
    tag: tag || undefined,
    auditOverdue: params.get('overdue') === '1' || undefined,
    recovery: params.get('recovery') === '1' || undefined,
    page,
  };
}

export function assetViewParams(view: AssetListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.type) params.set('type', view.type);
  if (view.status) params.set('status', view.status);
  if (view.branchId) params.set('branch', String(view.branchId));
  if (view.customerId) params.set('store', String(view.customerId));
  if (view.tag) params.set('tag', view.tag);
  if (view.auditOverdue) params.set('overdue', '1');
  if (view.recovery) params.set('recovery', '1');
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

export function filtersOf({ page: _page, ...filters }: AssetListView): AssetFilters {
  return filters;
}
