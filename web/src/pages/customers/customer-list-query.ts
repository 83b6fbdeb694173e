import {
  type CustomerClass,
  type CustomerFormat,
  type CustomerSort,
  type CustomerStatus,
  customerClasses,
  customerFormats,
  customerSortFields,
  customerStatuses,
  isOneOf,
  type UrbanRural,
  urbanRuralKinds,
} from '../../shared/customer-codes.ts';

// What the list shows, as kept in the URL so that a link reproduces the view.
export type CustomerListView = {
  q: string;
  branchId?: number;
  districtCode?: string;
  managerId?: number;
  format?: CustomerFormat;
  urbanRural?: UrbanRural;
  status?: CustomerStatus;
  class?: CustomerClass;
  tag?: string;
  // Custom-field filters by field key (sent as `cf.<key>`).
  custom: Record<string, string>;
  sort: CustomerSort;
  limit: number;
};

export const pageSizes = [20, 50, 100, 200] as const;
export const defaultPageSize = 20;
export const defaultSort: CustomerSort = 'licenceNo';
const customPrefix = 'cf.';

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 && number <= 2_147_483_647 ? number : undefined;
}

function isSort(value: string | null): value is CustomerSort {
  if (value === null) return false;
  const field = value.startsWith('-') ? value.slice(1) : value;
  return isOneOf(customerSortFields, field);
}

// Reads the view from a URL query. Values the server would reject are dropped, not sent.
export function parseListView(params: URLSearchParams): CustomerListView {
  const custom: Record<string, string> = {};
  for (const [name, value] of params) {
    const key = name.slice(customPrefix.length);
    if (name.startsWith(customPrefix) && /^[a-z][a-z0-9_]{0,29}$/.test(key) && value.trim() !== '')
      custom[key] = value.trim();
  }
  const districtCode = params.get('districtCode') ?? '';
  const limit = Number(params.get('limit'));
  const sort = params.get('sort');
  const format = params.get('format');
  const urbanRural = params.get('urbanRural');
  const status = params.get('status');
  const customerClass = params.get('class');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 50),
    branchId: positiveInteger(params.get('branchId')),
    districtCode: /^\d{6}$/.test(districtCode) ? districtCode : undefined,
    managerId: positiveInteger(params.get('managerId')),
    format: isOneOf(customerFormats, format) ? format : undefined,
    urbanRural: isOneOf(urbanRuralKinds, urbanRural) ? urbanRural : undefined,
    status: isOneOf(customerStatuses, status) ? status : undefined,
    class: isOneOf(customerClasses, customerClass) ? customerClass : undefined,
    tag: params.get('tag')?.trim().slice(0, 20) || undefined,
    custom,
    sort: isSort(sort) ? sort : defaultSort,
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultPageSize,
  };
}

// The filters as API query parameters (list and export take the same ones).
export function filterQuery(view: CustomerListView): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  if (view.q) query.q = view.q;
  if (view.branchId !== undefined) query.branchId = view.branchId;
  if (view.districtCode) query.districtCode = view.districtCode;
  if (view.managerId !== undefined) query.managerId = view.managerId;
  if (view.format) query.format = view.format;
  if (view.urbanRural) query.urbanRural = view.urbanRural;
  if (view.status) query.status = view.status;
  if (view.class) query.class = view.class;
  if (view.tag) query.tag = view.tag;
  for (const [key, value] of Object.entries(view.custom).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== '') query[`${customPrefix}${key}`] = value;
  }
  return query;
}

// The URL query for a view; defaults are left out so links stay short.
export function toSearchParams(view: CustomerListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterQuery(view))) params.set(key, String(value));
  if (view.sort !== defaultSort) params.set('sort', view.sort);
  if (view.limit !== defaultPageSize) params.set('limit', String(view.limit));
  return params;
}

export function hasFilters(view: CustomerListView): boolean {
  return Object.keys(filterQuery(view)).some((key) => key !== 'q');
}
