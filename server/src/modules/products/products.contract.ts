import { z } from 'zod';
import { singleLineText } from '../../platform/http/input-bounds.ts';
import { maxCartonPriceFen, productTextLimits, yuanToFen } from './product.rules.ts';
import { productStatuses } from './products.schema.ts';

// Prices travel in yuan per carton (条) with at most two decimals; the database keeps fen.
const price = z
  .number()
  .positive()
  .max(maxCartonPriceFen / 100)
  .refine((value) => yuanToFen(value) !== undefined, 'at most two decimals (fen)')
  .describe('yuan per carton (条)');

export const priceClassSchema = z.number().int().min(1).max(5).describe('价类: 1 一类 … 5 五类');

export const productSchema = z.object({
  id: z.number(),
  code: z.string().describe('卷烟编码: bar code (EAN-13) or internal code; unique in the city company'),
  brand: z.string().describe('品牌'),
  name: z.string().describe('品名规格, e.g. 中华(硬)'),
  priceClass: z.number().describe('价类 1–5 (一类–五类)'),
  wholesalePrice: z.number().describe('批发价, yuan per carton'),
  retailPrice: z.number().describe('建议零售价, yuan per carton'),
  status: z.enum(productStatuses).describe('active 在销, discontinued 停销'),
  isNew: z.boolean().describe('新品'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const brand = singleLineText(productTextLimits.brand, { trim: true, min: 1 });
const name = singleLineText(productTextLimits.name, { trim: true, min: 1 });

export const newProductSchema = z.strictObject({
  code: singleLineText(32, { trim: true, min: 1 }).describe('checked by the code rule, which names this field'),
  brand,
  name,
  priceClass: priceClassSchema.optional().describe('omit for the default from the wholesale price'),
  wholesalePrice: price,
  retailPrice: price,
  status: z.enum(productStatuses).default('active'),
  isNew: z.boolean().default(false),
});

export const productChangesSchema = z.strictObject({
  brand: brand.optional(),
  name: name.optional(),
  priceClass: priceClassSchema.optional().describe('omit to keep it (or, when it was the default, follow a new price)'),
  wholesalePrice: price.optional(),
  retailPrice: price.optional(),
  status: z.enum(productStatuses).optional(),
  isNew: z.boolean().optional(),
});

const booleanParam = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const productListQuery = z.strictObject({
  q: singleLineText(40, { trim: true }).optional().describe('part of the code, the brand or the name'),
  brand: brand.optional(),
  priceClass: z.coerce.number().int().min(1).max(5).optional(),
  status: z.enum(productStatuses).optional(),
  isNew: booleanParam.describe('true: 新品 only'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: singleLineText(300).optional().describe('nextCursor of the previous page'),
});

export const productPageSchema = z.object({
  items: z.array(productSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const productBrandsSchema = z.object({
  items: z.array(z.object({ brand: z.string(), count: z.number() })),
});

export const productImportResultSchema = z.object({
  rows: z.number().describe('data rows in the file'),
  created: z.number(),
  updated: z.number().describe('existing products (same code) with at least one changed field'),
  unchanged: z.number(),
});

export const productExportQuery = productListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx').describe('file format'),
});
