import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  newProductSchema,
  productBrandsSchema,
  productChangesSchema,
  productImportResultSchema,
  productPageSchema,
  productSchema,
} from '../../../../server/src/modules/products/products.contract.ts';
import type { ImportRowError } from '../../../../server/src/platform/spreadsheets/sheet-import.ts';
import { ApiError, api, buildUrl, type Problem, type Query } from '../../shared/api-client.ts';
import { getActiveLocale } from '../../shared/i18n/locale.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

export const productStatuses = ['active', 'discontinued'] as const;
export const priceClasses = [1, 2, 3, 4, 5] as const;

// The product contract, as the server declares it (products.contract.ts).
export type Product = Wire<typeof productSchema>;
export type ProductStatus = SameCodes<(typeof productStatuses)[number], Product['status']>;
export type ProductPage = Wire<typeof productPageSchema>;
export type ProductBrands = Wire<typeof productBrandsSchema>;
export type NewProductRequest = Body<typeof newProductSchema>;
export type ProductChanges = Body<typeof productChangesSchema>;
export type ProductImportResult = Wire<typeof productImportResultSchema>;
// A row error of the 422 problem (an extension member of the problem, typed by the spreadsheet
// pipeline that writes it).
export type ProductImportError = ImportRowError;
// 422 PRODUCT_IMPORT_ROWS_INVALID: nothing was written; the first 1,000 errors.
export type ProductImportProblem = Problem & { errorCount: number; rowErrors: ProductImportError[] };

export const productsQueryKey = ['products'] as const;

export function useProducts(query: Query) {
  return useQuery({
    queryKey: [...productsQueryKey, 'list', query],
    queryFn: ({ signal }) => api.get<ProductPage>('/products', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProductBrands() {
  return useQuery({
    queryKey: [...productsQueryKey, 'brands'],
    queryFn: () => api.get<ProductBrands>('/products/brands'),
    staleTime: 5 * 60_000,
  });
}

export function createProduct(request: NewProductRequest) {
  return api.post<Product>('/products', request);
}

export function updateProduct(id: number, changes: ProductChanges) {
  return api.patch<Product>(`/products/${id}`, changes);
}

export function productExportUrl(fileFormat: 'xlsx' | 'csv', filters: Query): string {
  return buildUrl('/products/export', { ...filters, format: fileFormat });
}

export const productTemplateUrl = buildUrl('/products/import/template');

// Uploads a spreadsheet; answers the counts, or throws an ApiError whose problem carries the row
// errors (422) or the whole-file problem (400/413).
export async function uploadProductImport(file: File): Promise<ProductImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(buildUrl('/products/import'), {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': getActiveLocale() },
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.ok) return parsed as ProductImportResult;
  throw new ApiError({
    type: String(parsed.type ?? 'about:blank'),
    title: String(parsed.title ?? `HTTP ${response.status}`),
    status: response.status,
    detail: String(parsed.detail ?? ''),
    code: String(parsed.code ?? `HTTP_${response.status}`),
    ...(Array.isArray(parsed.errors) ? { rowErrors: parsed.errors, errorCount: parsed.errorCount } : {}),
  } as Problem);
}

export function importErrorsOf(error: unknown): { errorCount: number; errors: ProductImportError[] } | null {
  if (!(error instanceof ApiError) || error.problem.code !== 'PRODUCT_IMPORT_ROWS_INVALID') return null;
  const problem = error.problem as ProductImportProblem;
  return { errorCount: Number(problem.errorCount ?? 0), errors: problem.rowErrors ?? [] };
}
