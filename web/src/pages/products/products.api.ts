import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  newProductSchema,
  productBrandsSchema,
  productChangesSchema,
  productImportResultSchema,
  productPageSchema,
  productSchema,
} from '../../../../server/src/modules/products/products.contract.ts';
import { api, buildUrl, type Query } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
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

// Answers the counts, or throws an ApiError with the row errors (422) or the whole-file problem.
export const uploadProductImport = (file: File) => postFile<ProductImportResult>('/products/import', file);
