import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff } from '../../platform/access/access-rule.ts';
import { singleLineText } from '../../platform/http/input-bounds.ts';
import { actorOf, attachment, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { answerSheetImport } from '../../platform/spreadsheets/sheet-upload.ts';
import { downloadFor, streamDownload } from '../../platform/spreadsheets/sheet-writer.ts';
import { prepareCustomerExport, prepareImportTemplate } from './customer-export.service.ts';
import {
  checkImportMode,
  getImportErrorWorkbook,
  importCustomers,
  importLimits,
  type StoresMovedSteps,
} from './customer-import.service.ts';
import { customerListQuery } from './customers.contract.ts';
import { customerFormats } from './customers.schema.ts';

// HTTP of the spreadsheet import and export. Admin and marketing import (like they create and
// edit); every staff role exports its own scope (what it can list, it can download).
const importers = allow('admin', 'marketing');

// What a successful import did (POST /customers/import).
export const importResultSchema = z.object({
  rows: z.number().describe('data rows in the file'),
  created: z.number(),
  updated: z.number().describe('existing customers with at least one changed field (upsert)'),
  unchanged: z.number().describe('existing customers the file leaves as they are (upsert)'),
});

// The list's q and filters; "format" is the file format here, so the list's 业态 filter is named
// businessFormat.
export const exportQuery = customerListQuery.omit({ limit: true, cursor: true, sort: true, format: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx').describe('file format'),
  businessFormat: z.enum(customerFormats).optional().describe('业态 filter (the list calls it format)'),
});

export const customerImportRoutes: FastifyPluginAsyncZod<{
  context: AppContext;
  onStoresMoved?: StoresMovedSteps;
}> = async (app, { context, onStoresMoved }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: importLimits.fileBytes, files: 1 } });

  app.get(
    '/customers/import/template',
    {
      config: { access: importers },
      schema: {
        tags: ['customers'],
        summary: 'Import template / 客户档案导入模板',
        description:
          'Admin and marketing. An .xlsx with the header row the import reads (required columns in red) and a 填写说明 sheet.',
      },
    },
    async (request, reply) => {
      const download = downloadFor(request, 'customer import template');
      const write = await prepareImportTemplate(context, actorOf(request), download);
      return attachment(reply, '客户档案导入模板.xlsx', xlsxContentType).send(streamDownload(write, download.onError));
    },
  );

  app.post(
    '/customers/import',
    {
      config: { access: importers },
      schema: {
        tags: ['customers'],
        summary: 'Import customers from .xlsx or .csv / 导入客户档案',
        description:
          'Admin and marketing. multipart/form-data with the field "file" (.xlsx or .csv, ≤ 50 MB, headers as the template). mode=create refuses licence numbers that exist; mode=upsert updates them (changed fields only; status cannot change by import). All or nothing: any row error → 422 IMPORT_ROWS_INVALID with errors [{row, column, value, message}] (first 1,000), errorCount and errorWorkbookUrl (the uploaded rows with each bad cell marked, for the uploader, 24 hours); nothing is written. Whole-file problems → 400 (413 when too large).',
        querystring: z.strictObject({ mode: singleLineText(20).optional().describe('create (default) or upsert') }),
        response: { 200: importResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const mode = checkImportMode(request.query.mode);
      return answerSheetImport(request, reply, {
        maxBytes: importLimits.fileBytes,
        rowsInvalid: 'IMPORT_ROWS_INVALID',
        run: (upload, locale) => importCustomers(context, actor, { ...upload, mode, locale, onStoresMoved }),
        extras: (refused) => ({ errorWorkbookUrl: `/api/v1/customers/import/errors/${refused.errorWorkbookToken}` }),
      });
    },
  );

  app.get(
    '/customers/import/errors/:token',
    {
      config: { access: importers },
      schema: {
        tags: ['customers'],
        summary: 'Error workbook of a failed import / 导入错误标注文件',
        description: 'Only the user who uploaded the file, for 24 hours; otherwise 404.',
        params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
      },
    },
    async (request, reply) => {
      const file = await getImportErrorWorkbook(context, actorOf(request), request.params.token);
      return attachment(reply, file.fileName, xlsxContentType).send(file.content);
    },
  );

  app.get(
    '/customers/export',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['customers'],
        summary: 'Export the filtered list / 导出客户档案',
        description:
          'Any staff role, its own data scope. The same q and filters as GET /customers (the 业态 filter is businessFormat here); format=xlsx (default) or csv (UTF-8 with BOM). Same headers as the import template, plus read-only 客户经理姓名 and 所属分公司; exporting and importing back (upsert) changes nothing.',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { format: kind, businessFormat, ...query } = request.query;
      const download = downloadFor(request, 'customer export');
      // Checked, and its first page read, before the first byte: a bad filter is a 400, not a broken file.
      const write = await prepareCustomerExport(
        context,
        actorOf(request),
        { ...query, ...(businessFormat ? { format: businessFormat } : {}) },
        kind,
        download,
      );
      const output = streamDownload(write, download.onError);
      const stamp = context.now().toISOString().slice(0, 10).replaceAll('-', '');
      const type = kind === 'csv' ? 'text/csv; charset=utf-8' : xlsxContentType;
      return attachment(reply, `客户档案-${stamp}.${kind}`, type).send(output);
    },
  );
};
