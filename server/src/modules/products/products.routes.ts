import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { answerSheetImport } from '../../platform/spreadsheets/sheet-upload.ts';
import { downloadFor, streamDownload } from '../../platform/spreadsheets/sheet-writer.ts';
import {
  importProducts,
  prepareProductExport,
  prepareProductTemplate,
  productImportLimits,
} from './product-sheets.service.ts';
import {
  newProductSchema,
  productBrandsSchema,
  productChangesSchema,
  productExportQuery,
  productImportResultSchema,
  productListQuery,
  productPageSchema,
  productSchema,
} from './products.contract.ts';
import { createProduct, editProduct, getProduct, listProductBrands, listProducts } from './products.service.ts';

// Who may do what with the catalogue: every staff role reads and exports it (it is the city
// company's, not scoped by branch or manager); the marketing centre and administrators create,
// edit and import.
const readers = anyStaff;
const editors = allow('admin', 'marketing');

export const productRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: productImportLimits.fileBytes, files: 1 } });

  app.get(
    '/products',
    {
      config: { access: readers },
      schema: {
        tags: ['products'],
        summary: 'The product catalogue / 卷烟规格列表',
        description:
          'Any staff role. q matches part of the code, brand or name; filters brand, priceClass (1–5), status, isNew. Ordered by brand, name; keyset paging: pass nextCursor back as cursor. Prices in yuan per carton.',
        querystring: productListQuery,
        response: { 200: productPageSchema },
      },
    },
    async (request) => listProducts(context, actorOf(request), request.query),
  );

  app.get(
    '/products/brands',
    {
      config: { access: readers },
      schema: {
        tags: ['products'],
        summary: 'Brands in the catalogue / 品牌列表',
        description: 'Any staff role: every brand with its number of products, for the list filter.',
        response: { 200: productBrandsSchema },
      },
    },
    async (request) => listProductBrands(context, actorOf(request)),
  );

  app.get(
    '/products/export',
    {
      config: { access: readers },
      schema: {
        tags: ['products'],
        summary: 'Export the filtered catalogue / 导出卷烟规格',
        description:
          'Any staff role. The list’s q and filters; format=xlsx (default) or csv (UTF-8 with BOM). The headers are the import template’s: exporting and importing back changes nothing.',
        querystring: productExportQuery,
      },
    },
    async (request, reply) => {
      const { format: kind, ...filters } = request.query;
      const download = downloadFor(request, 'product export');
      // Its rows are read before the first byte: a bad filter is a 400, not a broken file.
      const write = await prepareProductExport(context, actorOf(request), filters, kind, download);
      const output = streamDownload(write, download.onError);
      const stamp = context.now().toISOString().slice(0, 10).replaceAll('-', '');
      const type = kind === 'csv' ? 'text/csv; charset=utf-8' : xlsxContentType;
      return attachment(reply, `卷烟规格-${stamp}.${kind}`, type).send(output);
    },
  );

  app.get(
    '/products/import/template',
    {
      config: { access: editors },
      schema: {
        tags: ['products'],
        summary: 'Import template / 卷烟规格导入模板',
        description:
          'Admin and marketing. An .xlsx with the header row the import reads (required in red) and a 填写说明 sheet.',
      },
    },
    async (request, reply) => {
      const download = downloadFor(request, 'product import template');
      const write = await prepareProductTemplate(download);
      return attachment(reply, '卷烟规格导入模板.xlsx', xlsxContentType).send(streamDownload(write, download.onError));
    },
  );

  app.post(
    '/products/import',
    {
      config: { access: cityWide(editors) },
      schema: {
        tags: ['products'],
        summary: 'Import products from .xlsx or .csv / 导入卷烟规格',
        description:
          'Admin and marketing. multipart/form-data with the field "file" (.xlsx or .csv, ≤ 10 MB, headers as the template). Upsert by code: a new code creates a product, a known one updates its changed fields. All or nothing: any row error → 422 PRODUCT_IMPORT_ROWS_INVALID with errors [{row, column, value, message}] (first 1,000) and errorCount; nothing is written. Whole-file problems → 400 (413 when too large).',
        response: { 200: productImportResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answerSheetImport(request, reply, {
        maxBytes: productImportLimits.fileBytes,
        rowsInvalid: 'PRODUCT_IMPORT_ROWS_INVALID',
        run: (upload, locale) => importProducts(context, actor, { ...upload, locale }),
      });
    },
  );

  app.get(
    '/products/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['products'],
        summary: 'One product / 卷烟规格详情',
        description: "Any staff role. Another city company's product: 404.",
        params: idParams,
        response: { 200: productSchema },
      },
    },
    async (request) => getProduct(context, actorOf(request), request.params.id),
  );

  app.post(
    '/products',
    {
      config: { access: cityWide(editors) },
      schema: {
        tags: ['products'],
        summary: 'Create a product / 新建卷烟规格',
        description:
          'Admin and marketing. The code is unique in the city company (a 13-digit bar code must have a right check digit). Retail must be above wholesale and at most 1.5 times it. Without priceClass the class follows the wholesale price (see the glossary).',
        body: newProductSchema,
        response: { 201: productSchema },
      },
    },
    async (request, reply) => {
      const product = await createProduct(context, actorOf(request), request.body);
      return reply.code(201).send(product);
    },
  );

  app.patch(
    '/products/:id',
    {
      config: { access: cityWide(editors) },
      schema: {
        tags: ['products'],
        summary: 'Edit a product / 修改卷烟规格',
        description:
          'Admin and marketing. The code cannot change (orders and allocations refer to the product). A class that was the default follows a new wholesale price; a class set by hand stays unless given.',
        params: idParams,
        body: productChangesSchema,
        response: { 200: productSchema },
      },
    },
    async (request) => editProduct(context, actorOf(request), request.params.id, request.body),
  );
};
