import type { Query } from '../../shared/api-client.ts';
import { formatNumber } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import {
  type NewProductRequest,
  type Product,
  type ProductChanges,
  type ProductStatus,
  priceClasses,
  productStatuses,
} from './products.api.ts';

// The product list's view as the URL keeps it (so a filtered list can be bookmarked and shared).
export type ProductListView = {
  q: string;
  brand: string | undefined;
  priceClass: number | undefined;
  status: ProductStatus | undefined;
  isNew: boolean | undefined;
  limit: number;
};

export const productPageSizes = [20, 50, 100, 200] as const;
const defaultLimit = 50;

export function parseProductListView(params: URLSearchParams): ProductListView {
  const priceClass = Number(params.get('priceClass'));
  const status = params.get('status');
  const isNew = params.get('isNew');
  const limit = Number(params.get('limit'));
  return {
    q: params.get('q')?.trim() ?? '',
    brand: params.get('brand') || undefined,
    priceClass: (priceClasses as readonly number[]).includes(priceClass) ? priceClass : undefined,
    status: (productStatuses as readonly string[]).includes(status ?? '') ? (status as ProductStatus) : undefined,
    isNew: isNew === 'true' ? true : isNew === 'false' ? false : undefined,
    limit: (productPageSizes as readonly number[]).includes(limit) ? limit : defaultLimit,
  };
}

// The filters as the API's query (and the URL's): empty ones left out.
export function productFilterQuery(view: ProductListView): Query {
  const query: Query = {};
  if (view.q) query.q = view.q;
  if (view.brand) query.brand = view.brand;
  if (view.priceClass !== undefined) query.priceClass = view.priceClass;
  if (view.status) query.status = view.status;
  if (view.isNew !== undefined) query.isNew = String(view.isNew);
  return query;
}

export function toProductSearchParams(view: ProductListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(productFilterQuery(view))) params.set(key, String(value));
  if (view.limit !== defaultLimit) params.set('limit', String(view.limit));
  return params;
}

export function hasProductFilters(view: ProductListView): boolean {
  return Object.keys(productFilterQuery(view)).length > 0;
}

// ¥376.30 in Chinese, CN¥376.30 in English: always two decimals, grouped.
export function formatPrice(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
}

// The store's margin on a carton (批零差率), as a share of the retail price.
export function retailMargin(wholesalePrice: number, retailPrice: number): number | null {
  if (!(retailPrice > 0) || !(wholesalePrice > 0)) return null;
  return (retailPrice - wholesalePrice) / retailPrice;
}

// The server's class floors on the wholesale price (元/条): 调拨价 classes × 1.4, see the glossary.
export const priceClassFloors = [140, 98, 42, 23.1, 0] as const;

export function defaultPriceClassOf(wholesalePrice: number): number {
  const index = priceClassFloors.findIndex((floor) => wholesalePrice >= floor);
  return index === -1 ? 5 : index + 1;
}

// ---- The drawer's form ----

export type ProductFormValues = {
  code: string;
  brand: string;
  name: string;
  // null: 按批发价自动归类
  priceClass: number | null;
  wholesalePrice: number | null;
  retailPrice: number | null;
  status: ProductStatus;
  isNew: boolean;
};

export function emptyProductForm(): ProductFormValues {
  return {
    code: '',
    brand: '',
    name: '',
    priceClass: null,
    wholesalePrice: null,
    retailPrice: null,
    status: 'active',
    isNew: false,
  };
}

// A class that is the default of the price shows as 自动, so it keeps following the price.
export function productFormValuesOf(product: Product): ProductFormValues {
  return {
    code: product.code,
    brand: product.brand,
    name: product.name,
    priceClass: product.priceClass === defaultPriceClassOf(product.wholesalePrice) ? null : product.priceClass,
    wholesalePrice: product.wholesalePrice,
    retailPrice: product.retailPrice,
    status: product.status,
    isNew: product.isNew,
  };
}

export function toNewProductRequest(values: ProductFormValues): NewProductRequest {
  return {
    code: values.code.trim(),
    brand: values.brand.trim(),
    name: values.name.trim(),
    ...(values.priceClass === null ? {} : { priceClass: values.priceClass }),
    wholesalePrice: values.wholesalePrice ?? 0,
    retailPrice: values.retailPrice ?? 0,
    status: values.status,
    isNew: values.isNew,
  };
}

// Only what the form changed. Clearing the class (自动) asks for the default of the price.
export function productChanges(before: Product, values: ProductFormValues): ProductChanges {
  const changes: ProductChanges = {};
  if (values.brand.trim() !== before.brand) changes.brand = values.brand.trim();
  if (values.name.trim() !== before.name) changes.name = values.name.trim();
  if (values.wholesalePrice !== null && values.wholesalePrice !== before.wholesalePrice)
    changes.wholesalePrice = values.wholesalePrice;
  if (values.retailPrice !== null && values.retailPrice !== before.retailPrice)
    changes.retailPrice = values.retailPrice;
  const priceClass = values.priceClass ?? defaultPriceClassOf(values.wholesalePrice ?? before.wholesalePrice);
  if (priceClass !== before.priceClass) changes.priceClass = priceClass;
  if (values.status !== before.status) changes.status = values.status;
  if (values.isNew !== before.isNew) changes.isNew = values.isNew;
  return changes;
}

// The same checks the server makes, so most mistakes show under the field before saving.
export const productCodePattern = /^\s*[0-9A-Za-z]{4,20}\s*$/;
export const maxRetailMarkup = 0.5;

export function ean13IsValid(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return true;
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(code[index]) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(code[12]);
}

export type PriceProblem = 'notAbove' | 'markupTooHigh' | null;

export function retailPriceProblem(wholesalePrice: number | null, retailPrice: number | null): PriceProblem {
  if (wholesalePrice === null || retailPrice === null) return null;
  if (retailPrice <= wholesalePrice) return 'notAbove';
  if (retailPrice > wholesalePrice * (1 + maxRetailMarkup) + 1e-9) return 'markupTooHigh';
  return null;
}
